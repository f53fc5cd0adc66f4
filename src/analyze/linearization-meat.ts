import { UsageError } from '../core/errors.js';

/**
 * The "meat" Σ_h (1 − n_h/N_h) n_h/(n_h−1) Σ_j (t_hj − t̄_h)(t_hj − t̄_h)ᵀ of per-row scores
 * totalled by PSU j within stratum h (R: `survey::svyrecvar`, one stage; `survey:::onestrat`), n_h
 * the PSUs of stratum h among the rows given. Without `populationSizes` (N_h per stratum index)
 * sampling is with replacement and the factor 1 − n_h/N_h is 1; with no strata and clusters it is
 * then sandwich's `vcovCL` meat times G/(G−1). Each row is its own PSU without clusters. A stratum
 * with one PSU fails (R's default `survey.lonely.psu = "fail"`) unless it is a census (N_h = n_h),
 * which contributes nothing, as in R.
 */
export function linearizationMeat(scores: Float64Array, p: number, strata: Int32Array | null, clusters: Int32Array | null, populationSizes: Float64Array | null = null): Float64Array {
  const { totals, stratumOfPsu } = psuTotals(scores, p, strata, clusters);
  // Typed arrays indexed by stratum, not a map of PSU lists: shares call this dozens of times per run.
  let strataCount = 1;
  for (let j = 0; j < stratumOfPsu.length; j++) if (stratumOfPsu[j] >= strataCount) strataCount = stratumOfPsu[j] + 1;
  const psus = new Int32Array(strataCount);
  for (let j = 0; j < stratumOfPsu.length; j++) psus[stratumOfPsu[j]]++;
  const factor = new Float64Array(strataCount);
  for (let h = 0; h < strataCount; h++) {
    if (psus[h] === 0) continue;
    const correction = populationSizes ? 1 - psus[h] / populationSizes[h] : 1;
    // R's onestrat: a stratum sampled (almost) completely has no sampling variance, lonely PSU or not.
    if (correction < 1e-7) continue;
    if (psus[h] < 2) {
      throw new UsageError(`stratum ${h + 1} has a single PSU, so its variance cannot be estimated`, {
        hint: 'merge it with a neighbouring stratum (R survey: options(survey.lonely.psu))',
      });
    }
    factor[h] = (correction * psus[h]) / (psus[h] - 1);
  }
  const mean = new Float64Array(strataCount * p);
  for (let j = 0; j < stratumOfPsu.length; j++) {
    const h = stratumOfPsu[j];
    for (let k = 0; k < p; k++) mean[h * p + k] += totals[j * p + k] / psus[h];
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
