import { replicateDegreesOfFreedom, type ReplicateWeights } from '../core/replicate-weights.js';
import { postStratifyWeights } from './post-stratify-weights.js';
import type { ResolvedTarget } from './resolve-targets.js';

/**
 * Calibrates every replicate's weights to the same targets as the full-sample weights, as R does
 * for a replicate design: `postStratify.svyrep.design` post-stratifies each replicate; `rake` on a
 * replicate design post-stratifies each replicate margin by margin, for the same number of sweeps as
 * the full-sample weights took. The replicate variances then carry the calibration.
 */
export function calibrateReplicates(replicates: ReplicateWeights, targets: readonly ResolvedTarget[], method: 'poststratify' | 'rake', sweeps: number): ReplicateWeights {
  const weights = replicates.weights.map((w) => {
    if (method === 'poststratify') return postStratifyWeights(w, targets[0]);
    let x = w;
    for (let sweep = 0; sweep < sweeps; sweep++) for (const target of targets) x = postStratifyWeights(x, target);
    return x;
  });
  return { ...replicates, weights, degf: replicateDegreesOfFreedom(weights, null) };
}
