import type { Design } from '../../core/design.js';
import { caseWeights, designDegreesOfFreedom, isDesignBased, linearizationVariance } from './design-variance.js';
import type { DomainMean } from './domain-mean-result.js';
import { replicateDomainMean } from './replicate-domain-mean.js';

/**
 * Mean of `y` over the rows where `domain` is 1 and `y` is not NaN: a Horvitz-Thompson ratio
 * Σwy/Σw with linearization variance for design-based inference (R `svymean`/`svyby`,
 * `deff = TRUE`), or the sample mean with s²/n (frequency weights expand rows) otherwise.
 * @example domainMean(design, happy, inUrban).mean // share of happy urban residents
 */
export function domainMean(design: Design, y: Float64Array, domain: Uint8Array | null): DomainMean {
  const w = caseWeights(design);
  let rows = 0;
  let sumW = 0;
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    if ((domain && !domain[i]) || Number.isNaN(y[i]) || w[i] === 0) continue;
    rows++;
    sumW += w[i];
    total += w[i] * y[i];
  }
  const mean = total / sumW;
  let ss = 0;
  for (let i = 0; i < y.length; i++) {
    if ((domain && !domain[i]) || Number.isNaN(y[i])) continue;
    ss += w[i] * (y[i] - mean) * (y[i] - mean);
  }
  if (!isDesignBased(design)) {
    const sd = Math.sqrt(ss / (sumW - 1));
    return { n: sumW, sumWeights: sumW, mean, sd, variance: (sd * sd) / sumW, deff: 1, df: sumW - 1, influence: null };
  }
  if (design.replicates) return replicateDomainMean(design, y, domain, { rows, sumWeights: sumW, mean, sumSquares: ss });
  const z = new Float64Array(y.length);
  const inDomain = new Uint8Array(y.length);
  for (let i = 0; i < y.length; i++) {
    if ((domain && !domain[i]) || Number.isNaN(y[i])) continue;
    z[i] = (w[i] * (y[i] - mean)) / sumW;
    inDomain[i] = 1;
  }
  const variance = linearizationVariance(design, z, inDomain);
  // svyvar: weighted variance with the n/(n − 1) correction over rows with non-zero weight.
  const svyvar = (ss / sumW) * (rows / (rows - 1));
  // svymean's default deff compares with SRS *without* replacement from a population of Σw.
  const srsVariance = sumW > rows ? (svyvar * (sumW - rows)) / (sumW * rows) : NaN;
  return {
    n: rows,
    sumWeights: sumW,
    mean,
    sd: Math.sqrt(svyvar),
    variance,
    deff: variance / srsVariance,
    df: designDegreesOfFreedom(design, domain),
    influence: z,
  };
}
