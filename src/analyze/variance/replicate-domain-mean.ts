import type { Design } from '../../core/design.js';
import { replicateDegreesOfFreedom } from '../../core/replicate-weights.js';
import type { DomainMean } from './domain-mean-result.js';
import { replicateVariance } from './replicate-variance.js';

/** What domainMean has computed before the variance: rows, Σw, the mean and Σw(y − ȳ)². */
export interface DomainSums {
  readonly rows: number;
  readonly sumWeights: number;
  readonly mean: number;
  readonly sumSquares: number;
}

/**
 * The mean of `y` in a domain of a replicate-weight design (R `svymean` / `svyby` on a
 * `svyrep.design`, `deff = TRUE`): the ratio Σwy/Σw re-estimated with each replicate's weights
 * and combined by `svrVar`; deff against SRS without replacement as `svymean`; df = `degf()` of
 * the domain's subset (rank of its replicate weights − 1).
 */
export function replicateDomainMean(design: Design, y: Float64Array, domain: Uint8Array | null, sums: DomainSums): DomainMean {
  const replicates = design.replicates!;
  const { rows, sumWeights, mean, sumSquares } = sums;
  const thetas = Float64Array.from(replicates.weights, (w) => {
    let total = 0;
    let sumW = 0;
    for (let i = 0; i < y.length; i++) {
      if ((domain && !domain[i]) || Number.isNaN(y[i])) continue;
      sumW += w[i];
      total += w[i] * y[i];
    }
    return total / sumW;
  });
  const variance = replicateVariance(replicates, mean, thetas);
  const svyvar = (sumSquares / sumWeights) * (rows / (rows - 1));
  const srsVariance = sumWeights > rows ? (svyvar * (sumWeights - rows)) / (sumWeights * rows) : NaN;
  return {
    n: rows,
    sumWeights,
    mean,
    sd: Math.sqrt(svyvar),
    variance,
    deff: variance / srsVariance,
    df: domain ? replicateDegreesOfFreedom(replicates.weights, domain) : replicates.degf,
    influence: null,
    replicateEstimates: thetas,
  };
}
