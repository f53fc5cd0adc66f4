import { UsageError } from '../core/errors.js';
import { marginError } from './margin-error.js';
import { postStratifyWeights } from './post-stratify-weights.js';
import type { ResolvedTarget } from './resolve-targets.js';

/** Raked weights, the sweeps it took, and what the variance needs (each margin's weights in the last sweep). */
export interface RakeResult {
  readonly weights: Float64Array;
  readonly iterations: number;
  /** Largest relative margin error at the end. */
  readonly maxError: number;
  /** Per margin, the weights right after its step in the last sweep (R's `attr(margin, "weights")`). */
  readonly marginWeights: readonly Float64Array[];
}

/** Raking controls: at most `maxIter` sweeps, until every margin is within `tolerance` (relative). */
export interface RakeOptions {
  maxIter?: number;
  tolerance?: number;
  /** The targets file, for the non-convergence error. */
  file?: string;
}

/**
 * Raking (iterative proportional fitting, R `survey::rake`): each sweep post-stratifies to every
 * margin in turn; stops after the first sweep where every cell of every margin is within
 * `tolerance` of its target, |Σ_{i∈c} wᵢ − N_c| ≤ tolerance·N_c (R instead stops when the weighted
 * cross-table changes by less than `epsilon` between sweeps). Throws a UsageError naming the
 * iterations and the worst margin when it has not converged after `maxIter` sweeps.
 */
export function rakeWeights(base: Float64Array, targets: readonly ResolvedTarget[], options: RakeOptions = {}): RakeResult {
  const maxIter = options.maxIter ?? 100;
  const tolerance = options.tolerance ?? 1e-10;
  let weights = base;
  for (let iteration = 1; iteration <= maxIter; iteration++) {
    const marginWeights = targets.map((t) => (weights = postStratifyWeights(weights, t)));
    const worst = marginError(weights, targets);
    if (worst.error <= tolerance) return { weights, iterations: iteration, maxError: worst.error, marginWeights };
    if (iteration === maxIter) {
      throw new UsageError(`raking did not converge in ${maxIter} iterations: the largest margin error is ${worst.error.toExponential(2)} (${worst.target} = ${worst.level})`, {
        file: options.file,
        hint: 'raise --max-iter or loosen --tolerance; if it stays, margins with few rows may contradict each other — merge small levels',
      });
    }
  }
  throw new UsageError(`--max-iter must be at least 1, not ${maxIter}`);
}
