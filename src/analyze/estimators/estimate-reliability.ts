import { UsageError } from '../../core/errors.js';
import type { Design } from '../../core/design.js';
import { choleskyInverse } from '../../math/cholesky-inverse.js';
import { chisquareUpperTail } from '../../math/distributions/chisquare-upper-tail.js';
import { numericValues } from './numeric-values.js';
import { variableLabel, variableOf } from '../../core/variable-labels.js';
import type { Lang } from '../../locale/lang.js';

/** Which items form the scale. */
export interface ReliabilitySpec {
  items: readonly string[];
  lang?: Lang;
}

/** One item of the scale. */
export interface ReliabilityItem {
  readonly item: string;
  readonly label: string;
  /** Flipped as min + max − x over its choice codes (codebook `reverse: true`). */
  readonly reversed: boolean;
  readonly mean: number;
  readonly sd: number;
  /** Corrected item-total correlation: with the sum of the other items. */
  readonly itemTotalR: number;
  readonly alphaIfDeleted: number;
  /** Kaiser's measure of sampling adequacy of the item; NaN when the correlation matrix is singular. */
  readonly msa: number;
}

/** Internal consistency of a scale (listwise complete cases). */
export interface ReliabilityResult {
  readonly n: number;
  readonly alpha: number;
  readonly standardizedAlpha: number;
  readonly items: readonly ReliabilityItem[];
  /** Kaiser-Meyer-Olkin overall measure; NaN when the correlation matrix is singular. */
  readonly kmo: number;
  /** Bartlett's test of sphericity (H0: the correlation matrix is the identity). */
  readonly bartlett: { readonly statistic: number; readonly df: number; readonly pValue: number };
}

/**
 * Σ wᵣ·aᵣ·bᵣ. A function of its own, not a closure: a closure made anew for each pair came back
 * to its hot loop without type feedback for what follows it, and V8 bailed out of it every time.
 */
function sumOfProducts(w: Float64Array, a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let r = 0; r < w.length; r++) s += w[r] * a[r] * b[r];
  return s;
}

function alphaOf(cov: number[][], keep: number[]): number {
  const k = keep.length;
  let total = 0;
  let diagonal = 0;
  for (const i of keep) {
    diagonal += cov[i][i];
    for (const j of keep) total += cov[i][j];
  }
  return (k / (k - 1)) * (1 - diagonal / total);
}

/**
 * Cronbach's α = k/(k−1)·(1 − Σ s²ᵢ / s²_total) and standardized α = k r̄ / (1 + (k−1) r̄) on the
 * listwise complete cases, with corrected item-total r and α if the item is deleted (as
 * `psych::alpha`'s raw_alpha, std.alpha, r.drop, alpha.drop); reverse-coded items flipped first.
 * KMO = Σr² / (Σr² + Σp²) over i ≠ j with partial correlations p from R⁻¹, and Bartlett's
 * χ² = −(n − 1 − (2k + 5)/6)·ln|R| on k(k−1)/2 df (as `psych::KMO`, `psych::cortest.bartlett`).
 * Frequency weights expand rows; sampling weights are refused. Throws a UsageError for fewer than
 * two items, fewer than three complete cases or an item without variance.
 * @example estimateReliability(design, { items: ['sat_income', 'sat_family', 'sat_work'] }).alpha
 */
export function estimateReliability(design: Design, spec: ReliabilitySpec): ReliabilityResult {
  const lang = spec.lang ?? 'zh';
  if (design.weights || design.strata || design.clusters) {
    throw new UsageError('reliability is computed on the sample, without sampling weights', { hint: 'drop --weight/--strata/--cluster (--freq is fine)' });
  }
  if (spec.items.length < 2) throw new UsageError('reliability needs at least two items');
  const { table } = design;
  const columns = spec.items.map((item) => {
    const values = numericValues(table, item, 'score');
    const variable = variableOf(table, item);
    if (!variable?.reverse) return values;
    const codes = (variable.choices ?? []).map((c) => Number(c.code)).filter(Number.isFinite);
    if (!codes.length) throw new UsageError(`item "${item}" is marked reverse but has no numeric choice codes to flip`);
    const flip = Math.min(...codes) + Math.max(...codes);
    return values.map((x) => flip - x);
  });
  const f = design.freq;
  const rows: number[] = [];
  for (let i = 0; i < table.nrows; i++) if (columns.every((c) => !Number.isNaN(c[i])) && (!f || f[i] > 0)) rows.push(i);
  const weight = (i: number) => (f ? f[i] : 1);
  const n = rows.reduce((s, i) => s + weight(i), 0);
  if (n < 3) throw new UsageError(`only ${n} complete case${n === 1 ? '' : 's'} across the items; reliability needs at least three`);
  const k = columns.length;
  const means = columns.map((c) => rows.reduce((s, i) => s + weight(i) * c[i], 0) / n);
  // The k² sums of products run over the complete cases' weights and deviations, gathered once.
  const weights = new Float64Array(rows.length);
  rows.forEach((i, r) => (weights[r] = weight(i)));
  const deviations = columns.map((c, a) => {
    const d = new Float64Array(rows.length);
    rows.forEach((i, r) => (d[r] = c[i] - means[a]));
    return d;
  });
  const cov = deviations.map((da) => deviations.map((db) => sumOfProducts(weights, da, db) / (n - 1)));
  const flat = spec.items.filter((_, a) => !(cov[a][a] > 0));
  if (flat.length) {
    throw new UsageError(`item${flat.length > 1 ? 's' : ''} ${flat.join(', ')} ha${flat.length > 1 ? 've' : 's'} no variance among the ${n} complete cases`, {
      hint: 'an item everyone answers alike carries no information about consistency; drop it',
    });
  }
  const sd = cov.map((row, a) => Math.sqrt(row[a]));
  const cor = cov.map((row, a) => row.map((v, b) => v / (sd[a] * sd[b])));
  const all = columns.map((_, a) => a);
  let meanR = 0;
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) if (a !== b) meanR += cor[a][b];
  meanR /= k * (k - 1);
  const inv = choleskyInverse(cor);
  const partial = (a: number, b: number) => (inv ? -inv.inverse[a][b] / Math.sqrt(inv.inverse[a][a] * inv.inverse[b][b]) : NaN);
  const msa = all.map((a) => {
    let r2 = 0;
    let p2 = 0;
    for (const b of all) if (b !== a) (r2 += cor[a][b] ** 2, p2 += partial(a, b) ** 2);
    return r2 / (r2 + p2);
  });
  let r2 = 0;
  let p2 = 0;
  for (const a of all) for (const b of all) if (a !== b) (r2 += cor[a][b] ** 2, p2 += partial(a, b) ** 2);
  const df = (k * (k - 1)) / 2;
  const statistic = inv ? -(n - 1 - (2 * k + 5) / 6) * inv.logDet : NaN;
  return {
    n,
    alpha: alphaOf(cov, all),
    standardizedAlpha: (k * meanR) / (1 + (k - 1) * meanR),
    items: spec.items.map((item, a) => {
      const rest = all.filter((b) => b !== a);
      let restVar = 0;
      let covWithRest = 0;
      for (const b of rest) {
        covWithRest += cov[a][b];
        for (const c of rest) restVar += cov[b][c];
      }
      return {
        item,
        label: variableLabel(table, item, lang),
        reversed: Boolean(variableOf(table, item)?.reverse),
        mean: means[a],
        sd: sd[a],
        itemTotalR: covWithRest / (sd[a] * Math.sqrt(restVar)),
        alphaIfDeleted: k > 2 ? alphaOf(cov, rest) : NaN,
        msa: msa[a],
      };
    }),
    kmo: r2 / (r2 + p2),
    bartlett: { statistic, df, pValue: chisquareUpperTail(statistic, df) },
  };
}
