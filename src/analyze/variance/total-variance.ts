import type { Design } from '../../core/design.js';
import { caseWeights, designDegreesOfFreedom, isDesignBased, linearizationVariance } from './design-variance.js';
import { replicateVariance } from './replicate-variance.js';

/** An estimate and how to compute it with other weights, for a replicate-weight design (R re-estimates per replicate). */
export interface Reestimate {
  readonly estimate: number;
  readonly with: (weights: Float64Array) => number;
}

/**
 * Sampling variance of an estimated total Σᵢ zᵢ from its influence values zᵢ (a row's contribution,
 * zero outside the domain `rows`). Design-based: `linearizationVariance(design, z, rows)` (R `svyrecvar`).
 * Otherwise the design is a simple random sample with weight 1, rows with frequency weight fᵢ expanded
 * to fᵢ cases of zᵢ/fᵢ each: V = N/(N − 1) Σᵢ fᵢ (zᵢ/fᵢ − z̄)², N = Σ fᵢ, z̄ = Σ zᵢ / N, which is
 * what R's `svyrecvar` gives for `svydesign(ids = ~1, weights = ~one)` on the expanded rows. A
 * replicate-weight design re-estimates with each replicate's weights instead (R `svrVar`).
 * @example totalVariance(design, z, null, { estimate: t, with: (w) => totalWith(w, y, null) }) // SE² of Σ wy
 */
export function totalVariance(design: Design, z: Float64Array, rows: Uint8Array | null, reestimate: Reestimate): number {
  if (design.replicates) return replicateVariance(design.replicates, reestimate.estimate, (w) => reestimate.with(w));
  if (isDesignBased(design)) return linearizationVariance(design, z, rows);
  const f = design.freq;
  let cases = 0;
  let sum = 0;
  for (let i = 0; i < z.length; i++) {
    cases += f ? f[i] : 1;
    sum += z[i];
  }
  const mean = sum / cases;
  let ss = 0;
  for (let i = 0; i < z.length; i++) {
    const fi = f ? f[i] : 1;
    if (fi > 0) ss += fi * (z[i] / fi - mean) ** 2;
  }
  return (cases / (cases - 1)) * ss;
}

/**
 * Degrees of freedom of a domain (1 = in it): R `degf()` of the `svyby` subset when design-based
 * (PSUs minus strata with a row in it), else cases in it minus 1 (frequency weights summed, as on
 * the expanded rows).
 */
export function domainDegreesOfFreedom(design: Design, inDomain: Uint8Array): number {
  if (isDesignBased(design) || !design.freq) return designDegreesOfFreedom(design, inDomain);
  let cases = 0;
  for (let i = 0; i < inDomain.length; i++) if (inDomain[i]) cases += design.freq[i];
  return cases > 0 ? cases - 1 : 0;
}

/**
 * R `svytotal(deff = TRUE)`'s design effect of the total of y over the rows of `mask` with variance
 * `variance`: V / (svyvar(y) · N² (N − n)/(N n)), N = Σw and n the rows there, svyvar the weighted
 * variance with the n/(n − 1) correction (SRS without replacement from N). NaN without sampling
 * weights, where R's (N = n) is infinite. svyratio's deff is this of (a − R̂b)/Σwb.
 */
export function totalDesignEffect(design: Design, y: Float64Array, mask: Uint8Array, variance: number): number {
  if (!isDesignBased(design)) return NaN;
  const w = caseWeights(design);
  let rows = 0;
  let sumW = 0;
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    if (!mask[i]) continue;
    rows++;
    sumW += w[i];
    total += w[i] * y[i];
  }
  const mean = total / sumW;
  let ss = 0;
  for (let i = 0; i < y.length; i++) if (mask[i]) ss += w[i] * (y[i] - mean) ** 2;
  const svyvar = (ss / sumW) * (rows / (rows - 1));
  return variance / ((svyvar * sumW * sumW * (sumW - rows)) / (sumW * rows));
}
