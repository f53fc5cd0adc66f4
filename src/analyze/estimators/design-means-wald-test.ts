import type { Design } from '../../core/design.js';
import { fUpperTail } from '../../math/distributions/f-upper-tail.js';
import { invertPositiveDefinite } from '../../math/invert-positive-definite.js';
import { designDegreesOfFreedom, linearizationCovariance } from '../variance/design-variance.js';
import type { DomainMean } from '../variance/domain-mean-result.js';
import type { GroupTest } from './group-test.js';
import { replicateCovariance } from '../variance/replicate-variance.js';

/** Linearization covariance of the domain means from their influence values. */
function influenceCovariance(design: Design, means: readonly DomainMean[], rows: Uint8Array): Float64Array {
  const g = means.length;
  const n = rows.length;
  const z = new Float64Array(n * g);
  means.forEach((m, k) => {
    const influence = m.influence as Float64Array;
    for (let i = 0; i < n; i++) z[i * g + k] = influence[i];
  });
  return linearizationCovariance(design, z, g, rows);
}

/** Replicate covariance of the domain means from their replicate estimates (R svrVar of svyby's replicates). */
function replicateMeansCovariance(design: Design, means: readonly DomainMean[]): Float64Array {
  const replicates = design.replicates!;
  const thetas = replicates.weights.map((_, r) => means.map((m) => m.replicateEstimates![r]));
  return replicateCovariance(replicates, means.map((m) => m.mean), thetas);
}

/**
 * Design-based test that G domain means are equal (R `regTermTest(svyglm(y ~ g, design), ~g)`).
 * The coefficients of `y ~ g` are the first domain's mean and the differences m_k − m_1, whose
 * sandwich covariance is that of the domain means' influence values (svyglm's estimating
 * functions are the same), so X² = βᵀV⁻¹β, F = X²/(G − 1) on G − 1 and degf + 1 − G degrees of
 * freedom (svyglm's `df.residual`, degf over the rows in the fit). `rows` marks those rows. On a
 * replicate design V is the replicate covariance of the domain means (svyglm refitted per replicate).
 * Null when fewer than two groups, or V is singular (a group of one PSU or no variation).
 */
export function designMeansWaldTest(design: Design, means: readonly DomainMean[], rows: Uint8Array): GroupTest | null {
  const g = means.length;
  if (g < 2) return null;
  const v = design.replicates ? replicateMeansCovariance(design, means) : influenceCovariance(design, means, rows);
  return meansWaldTest(means, v, designDegreesOfFreedom(design, rows) + 1 - g);
}

/**
 * The Wald F that G domain means are equal from their covariance V (G × G) and the fit's residual
 * df (see designMeansWaldTest; a streamed estimate has V = diag of the variances, as domains of a
 * design whose rows are its PSUs do not covary). Null when V is singular.
 */
export function meansWaldTest(means: readonly DomainMean[], v: Float64Array, ddf: number): GroupTest | null {
  const g = means.length;
  const q = g - 1;
  const beta = means.slice(1).map((m) => m.mean - means[0].mean);
  const vb = new Float64Array(q * q);
  for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) vb[a * q + b] = v[(a + 1) * g + b + 1] - v[(a + 1) * g] - v[b + 1] + v[0];
  let inverse: Float64Array;
  try {
    inverse = invertPositiveDefinite(vb, q);
  } catch {
    return null;
  }
  let chisq = 0;
  for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) chisq += beta[a] * inverse[a * q + b] * beta[b];
  const statistic = chisq / q;
  return { test: 'regTermTest', statistic, df: q, ddf, pValue: ddf > 0 ? fUpperTail(statistic, q, ddf) : NaN };
}
