import { UsageError } from './errors.js';

/** The replicate types of R `svrepdesign(type = ...)`. */
export const REPLICATE_TYPES = ['JK1', 'JKn', 'BRR', 'Fay', 'bootstrap', 'other'] as const;
export type ReplicateType = (typeof REPLICATE_TYPES)[number];

/**
 * The replicate weights of a replicate-weight design (R survey's `svyrep.design`): one full-length
 * vector of analysis weights per replicate (R `weights(design, "analysis")`, i.e. replicate factor
 * × sampling weight for `as.svrepdesign`, the columns themselves for `combined.weights = TRUE`),
 * and how `svrVar` combines the replicate estimates: scale · Σ_r rscales_r (θ_r − θ̄)².
 */
export interface ReplicateWeights {
  readonly type: ReplicateType;
  /** Analysis weights per replicate, each of the table's length. */
  readonly weights: readonly Float64Array[];
  readonly scale: number;
  /** One per replicate. */
  readonly rscales: Float64Array;
  /** Centre on the full-sample estimate instead of the replicates' mean (R `mse = TRUE`). */
  readonly mse: boolean;
  /** Fay's ρ (Fay, or BRR converted with a ρ); null otherwise. */
  readonly rho: number | null;
  /** Degrees of freedom of the whole design: rank of the replicate weights − 1 (R `degf()`). */
  readonly degf: number;
  /** Where they came from, for `describeDesign`: columns of the file, or a linearization design converted. */
  readonly origin:
    | { readonly kind: 'columns'; readonly pattern: string; readonly columns: readonly string[]; readonly scaleGiven: boolean; readonly rscalesGiven: boolean }
    | { readonly kind: 'converted' };
}

/**
 * Rank of the n × R matrix of the replicate weights on the rows where `rows` is 1 (all rows when
 * null), minus 1: R `degf()` of a replicate design, `qr(weights(design, "analysis"), tol = 1e-5)$rank − 1`
 * (LINPACK dqrdc2: Householder with columns whose remaining norm falls below 1e-5 of their
 * original norm moved to the end). A `svyby` domain is R's subset, so its degf counts its rows only.
 */
export function replicateDegreesOfFreedom(weights: readonly Float64Array[], rows: Uint8Array | null): number {
  const index: number[] = [];
  const n0 = weights[0]?.length ?? 0;
  for (let i = 0; i < n0; i++) if (!rows || rows[i]) index.push(i);
  const n = index.length;
  const columns = weights.map((w) => Float64Array.from(index, (i) => w[i]));
  return qrRank(columns, n, 1e-5) - 1;
}

function norm(x: Float64Array, from: number): number {
  let scale = 0;
  for (let i = from; i < x.length; i++) scale = Math.max(scale, Math.abs(x[i]));
  if (scale === 0) return 0;
  let s = 0;
  for (let i = from; i < x.length; i++) s += (x[i] / scale) ** 2;
  return scale * Math.sqrt(s);
}

/** Rank by R's dqrdc2 (limited column pivoting with tolerance `tol`); the columns are overwritten. */
function qrRank(input: Float64Array[], n: number, tol: number): number {
  const x = input.slice();
  const p = x.length;
  const qraux = x.map((c) => norm(c, 0));
  const work1 = qraux.slice();
  const work2 = qraux.map((v) => (v === 0 ? 1 : v));
  let k = p + 1;
  const lup = Math.min(n, p);
  for (let l = 0; l < lup; l++) {
    // Move negligible columns to the end (dqrdc2's "limited pivoting").
    while (l + 1 < k && qraux[l] < work2[l] * tol) {
      for (const arr of [x, qraux, work1, work2] as unknown[][]) {
        const moved = arr[l];
        arr.splice(l, 1);
        arr.splice(p - 1, 0, moved);
      }
      k--;
    }
    if (l === n - 1) break;
    const col = x[l];
    let nrmxl = norm(col, l);
    if (nrmxl === 0) continue;
    if (col[l] !== 0) nrmxl = Math.abs(nrmxl) * Math.sign(col[l]);
    for (let i = l; i < n; i++) col[i] /= nrmxl;
    col[l] += 1;
    for (let j = l + 1; j < p; j++) {
      const cj = x[j];
      let t = 0;
      for (let i = l; i < n; i++) t -= col[i] * cj[i];
      t /= col[l];
      for (let i = l; i < n; i++) cj[i] += t * col[i];
      if (qraux[j] === 0) continue;
      const tt = Math.max(1 - (Math.abs(cj[l]) / qraux[j]) ** 2, 0);
      if (Math.abs(tt) < 1e-6) {
        qraux[j] = norm(cj, l + 1);
        work1[j] = qraux[j];
      } else qraux[j] *= Math.sqrt(tt);
    }
    qraux[l] = col[l];
    col[l] = -nrmxl;
  }
  return Math.min(k - 1, n);
}

/** Options of `--repweights` (R `svrepdesign` arguments). */
export interface ReplicateColumnsSpec {
  /** Regular expression over column names (R `repweights = "pattern"`, which `grep`s the names). */
  pattern: string;
  type: ReplicateType;
  rho?: number;
  scale?: number;
  /** One per replicate, or one for all. */
  rscales?: readonly number[];
  mse?: boolean;
  /** The full-sample weight column, which the pattern must not match. */
  weight: string;
}

/** The column names a `--repweights` pattern matches, in file order (R `grep(pattern, names(data))`). */
export function matchReplicateColumns(names: readonly string[], pattern: string): string[] {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, 'u');
  } catch (error) {
    throw new UsageError(`--repweights ${pattern} is not a valid regular expression: ${(error as Error).message}`, {
      hint: 'the pattern is a regular expression over column names, as R svrepdesign(repweights = "..."), e.g. "^repwt[0-9]+$"',
    });
  }
  return names.filter((name) => regex.test(name));
}

/**
 * The scale and rscales R `svrepdesign` uses for a type given the user's values: BRR 1/R; Fay
 * 1/(R(1 − ρ)²); bootstrap 1/(R − 1); JK1 (R − 1)/R unless given; JKn needs rscales; other 1.
 * Throws a UsageError where R stops, and where it would only warn that a value is ignored.
 */
export function replicateScales(type: ReplicateType, replicates: number, spec: { rho?: number; scale?: number; rscales?: readonly number[] }): { scale: number; rscales: Float64Array; rho: number | null } {
  const { rho, scale, rscales } = spec;
  if (rho !== undefined && type !== 'Fay') {
    throw new UsageError(`--rho is Fay's ρ; it does not apply to --rep-type ${type}`, { hint: type === 'BRR' ? 'use --rep-type Fay --rho R for Fay-adjusted BRR' : 'drop --rho' });
  }
  if (type === 'Fay' && (rho === undefined || !(rho >= 0 && rho < 1))) {
    throw new UsageError('--rep-type Fay needs --rho, Fay\'s ρ in [0, 1)', { hint: 'e.g. --rho 0.5 (R svrepdesign stops without it)' });
  }
  if (scale !== undefined && !(Number.isFinite(scale) && scale > 0)) throw new UsageError(`--scale must be a positive number, not ${scale}`);
  if ((type === 'BRR' || type === 'Fay') && scale !== undefined) {
    throw new UsageError(`--scale is fixed for --rep-type ${type} (${type === 'BRR' ? '1/R' : '1/(R(1 − ρ)²)'}); drop it`, { hint: 'use --rep-type other to give your own scale' });
  }
  if (rscales) {
    if (rscales.length !== 1 && rscales.length !== replicates) {
      throw new UsageError(`--rscales has ${rscales.length} values, but there are ${replicates} replicate weight columns`, { hint: 'give one value per replicate (or one for all)' });
    }
    const bad = rscales.find((v) => !(Number.isFinite(v) && v >= 0));
    if (bad !== undefined) throw new UsageError(`--rscales values must be non-negative numbers, not ${bad}`);
  }
  if (type === 'JKn' && !rscales) {
    throw new UsageError('--rep-type JKn needs --rscales: (n_h − 1)/n_h of the stratum of each replicate', { hint: 'R svrepdesign stops without rscales for combined JKn weights' });
  }
  const given = rscales ? Float64Array.from({ length: replicates }, (_, r) => rscales[rscales.length === 1 ? 0 : r]) : new Float64Array(replicates).fill(1);
  const s =
    type === 'BRR' ? 1 / replicates
    : type === 'Fay' ? 1 / (replicates * (1 - rho!) ** 2)
    : type === 'bootstrap' ? scale ?? 1 / (replicates - 1)
    : type === 'JK1' ? scale ?? (replicates - 1) / replicates
    : scale ?? 1;
  return { scale: s, rscales: given, rho: type === 'Fay' ? rho! : null };
}
