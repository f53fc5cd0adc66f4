import type { ResolvedTarget } from './resolve-targets.js';

/**
 * Post-stratified weights: each weight times N_c / Σ_{i∈c} wᵢ for its cell c, so the weights of
 * every cell sum to its population count (R `survey::postStratify`). Cells are never empty here:
 * `resolveTargets` rejects them.
 */
export function postStratifyWeights(weights: Float64Array, target: ResolvedTarget): Float64Array {
  const sums = new Float64Array(target.counts.length);
  for (let i = 0; i < weights.length; i++) sums[target.index[i]] += weights[i];
  return Float64Array.from(weights, (w, i) => (w * target.counts[target.index[i]]) / sums[target.index[i]]);
}
