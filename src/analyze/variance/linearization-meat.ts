import { UsageError } from '../../core/errors.js';
import type { LonelyPsu } from '../../core/design.js';

/** How one stage treats a stratum with a single PSU, and how it names strata in messages. */
export interface MeatOptions {
  /** R's `options(survey.lonely.psu)`; default `fail`. */
  readonly lonelyPsu?: LonelyPsu;
  /** Multiplies stratum h's contribution (later stages: the sampling fractions of the stages above). */
  readonly stratumScale?: Float64Array | null;
  /** The stratum's name for messages (its value in the data); default its 1-based number. */
  readonly stratumName?: (h: number) => string;
  /** Which stage of a multistage design this is, for messages (1 = PSUs). */
  readonly stage?: number;
  /**
   * The rows of the domain or fit (1 = in it); null for all. A stratum without such a row is left
   * out, as R's `svyby`/`na.rm` subsets drop it: it is neither lonely nor counted by `average`.
   */
  readonly rows?: Uint8Array | null;
}

/**
 * The "meat" Σ_h (1 − n_h/N_h) n_h/(n_h−1) Σ_j (t_hj − t̄_h)(t_hj − t̄_h)ᵀ of per-row scores
 * totalled by PSU j within stratum h (R: `survey:::onestage`/`onestrat`), n_h the PSUs of stratum
 * h among the rows given. Without `populationSizes` (N_h per stratum index) sampling is with
 * replacement and the factor 1 − n_h/N_h is 1; with no strata and clusters it is then sandwich's
 * `vcovCL` meat times G/(G−1). Each row is its own PSU without clusters. A census stratum
 * (N_h = n_h) contributes nothing; a stratum with one PSU follows `lonelyPsu` as R's
 * `survey.lonely.psu`: `fail` (default) throws, `certainty` and `remove` contribute nothing,
 * `adjust` takes the PSU's deviation from zero (the grand mean of influence values) instead of
 * the stratum mean, `average` leaves the stratum out and scales the rest by strata/(strata − lonely).
 * @example linearizationMeat(Float64Array.of(1, 2, 3, 6), 1, Int32Array.of(0, 1, 0, 1), null)[0] // 20
 */
export function linearizationMeat(scores: Float64Array, p: number, strata: Int32Array | null, clusters: Int32Array | null, populationSizes: Float64Array | null = null, options: MeatOptions = {}): Float64Array {
  const lonely = options.lonelyPsu ?? 'fail';
  const { totals, stratumOfPsu } = psuTotals(scores, p, strata, clusters);
  // Typed arrays indexed by stratum, not a map of PSU lists: shares call this dozens of times per run.
  let strataCount = 1;
  for (let j = 0; j < stratumOfPsu.length; j++) if (stratumOfPsu[j] >= strataCount) strataCount = stratumOfPsu[j] + 1;
  const psus = new Int32Array(strataCount);
  for (let j = 0; j < stratumOfPsu.length; j++) psus[stratumOfPsu[j]]++;
  const inDomain = new Uint8Array(strataCount);
  if (options.rows) {
    const n = options.rows.length;
    for (let i = 0; i < n; i++) if (options.rows[i]) inDomain[strata ? strata[i] : 0] = 1;
  } else inDomain.fill(1);
  const factor = new Float64Array(strataCount);
  // Whether a stratum's PSU totals are centred on the stratum mean (all but `adjust`'s lonely PSUs).
  const centred = new Uint8Array(strataCount).fill(1);
  let present = 0;
  let averaged = 0;
  for (let h = 0; h < strataCount; h++) {
    if (psus[h] === 0 || !inDomain[h]) continue;
    present++;
    const correction = populationSizes ? 1 - psus[h] / populationSizes[h] : 1;
    const scale = options.stratumScale ? options.stratumScale[h] : 1;
    // R's onestrat: a stratum sampled (almost) completely has no sampling variance, lonely PSU or not.
    if (correction < 1e-7) continue;
    if (psus[h] > 1) {
      factor[h] = (scale * correction * psus[h]) / (psus[h] - 1);
      continue;
    }
    if (lonely === 'fail') {
      const name = options.stratumName ? options.stratumName(h) : String(h + 1);
      const where = (options.stage ?? 1) > 1 ? `unit ${name} has a single sampled unit at stage ${options.stage}` : `stratum ${name} has a single PSU`;
      throw new UsageError(`${where}, so its variance cannot be estimated`, {
        hint: 'merge it with a neighbouring stratum, or choose --lonely-psu adjust|average|certainty|remove (R options(survey.lonely.psu))',
      });
    }
    if (lonely === 'adjust') {
      factor[h] = scale * correction;
      centred[h] = 0;
    } else if (lonely === 'average') averaged++;
  }
  const mean = new Float64Array(strataCount * p);
  for (let j = 0; j < stratumOfPsu.length; j++) {
    const h = stratumOfPsu[j];
    if (centred[h]) for (let k = 0; k < p; k++) mean[h * p + k] += totals[j * p + k] / psus[h];
  }
  const meat = new Float64Array(p * p);
  for (let j = 0; j < stratumOfPsu.length; j++) {
    const h = stratumOfPsu[j];
    if (factor[h] === 0) continue;
    for (let a = 0; a < p; a++) {
      const da = totals[j * p + a] - mean[h * p + a];
      for (let b = 0; b < p; b++) meat[a * p + b] += factor[h] * da * (totals[j * p + b] - mean[h * p + b]);
    }
  }
  // `average`: the strata that could be estimated stand in for the lonely ones (R onestage's nstrat/nokstrat).
  if (averaged > 0) meat.forEach((v, i) => (meat[i] = (v * present) / (present - averaged)));
  return meat;
}

/**
 * The scores totalled by PSU (row-major, PSUs numbered by first appearance) and each PSU's stratum.
 * Without clusters every row is its own PSU and the scores are their own totals.
 */
function psuTotals(scores: Float64Array, p: number, strata: Int32Array | null, clusters: Int32Array | null): { totals: Float64Array; stratumOfPsu: Int32Array } {
  const n = scores.length / p;
  if (!clusters) return { totals: scores, stratumOfPsu: strata ?? new Int32Array(n) };
  // A PSU is a (stratum, cluster) pair: one number, stratum · (largest cluster + 1) + cluster.
  const stride = clusters.reduce((a, c) => Math.max(a, c), 0) + 1;
  const psuOf = new Map<number, number>();
  const totals: number[] = [];
  const stratumOfPsu: number[] = [];
  for (let i = 0; i < n; i++) {
    const h = strata ? strata[i] : 0;
    const key = h * stride + clusters[i];
    let j = psuOf.get(key);
    if (j === undefined) {
      psuOf.set(key, (j = stratumOfPsu.length));
      for (let k = 0; k < p; k++) totals.push(0);
      stratumOfPsu.push(h);
    }
    for (let k = 0; k < p; k++) totals[j * p + k] += scores[i * p + k];
  }
  return { totals: Float64Array.from(totals), stratumOfPsu: Int32Array.from(stratumOfPsu) };
}
