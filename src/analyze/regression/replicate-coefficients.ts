import type { Design } from '../../core/design.js';
import { replicateDegreesOfFreedom } from '../../core/replicate-weights.js';
import type { RegressionData } from './prepare-regression.js';
import { replicateCovariance } from '../variance/replicate-variance.js';

/**
 * Replicate covariance of a model's coefficients (R `svyglm.svyrep.design`, `svyolr.svyrep.design`):
 * the model refitted with each replicate's analysis weights on the rows the full fit used, the
 * coefficient vectors combined by `svrVar`. `refit` gets the weights of those rows.
 */
export function replicateCoefficientCovariance(design: Design, data: RegressionData, estimate: ArrayLike<number>, refit: (weights: Float64Array) => ArrayLike<number>): Float64Array {
  const rows = data.frame.rows;
  return replicateCovariance(design.replicates!, estimate, (w) => refit(Float64Array.from(rows, (r) => w[r])));
}

/**
 * Residual degrees of freedom of a model on a replicate design: `degf()` + 1 − p, degf of the whole
 * design (or of the `--by` domain's subset), counted before rows with missing values are dropped,
 * as `svyglm.svyrep.design` does.
 */
export function replicateResidualDf(design: Design, domain: Uint8Array | undefined, p: number): number {
  const replicates = design.replicates!;
  return (domain ? replicateDegreesOfFreedom(replicates.weights, domain) : replicates.degf) + 1 - p;
}
