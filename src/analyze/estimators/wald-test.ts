import { chisquareUpperTail, fUpperTail } from '../../math/distributions/index.js';
import { invertPositiveDefinite } from '../../math/invert-positive-definite.js';
import type { RegressionResult, TestResult } from '../regression/regression-result.js';

/**
 * Wald test that the coefficients at `indices` are all zero (R: `survey::regTermTest(model, terms,
 * method = "Wald")`): X² = βᵀV⁻¹β on q = |indices| df, reported as F = X²/q on the fit's residual
 * df (the design df for svyglm); χ² when the fit has no finite residual df.
 */
export function waldTest(result: RegressionResult, indices: readonly number[]): TestResult {
  const q = indices.length;
  const m = result.coefficients.length + result.thresholds.length;
  const v = new Float64Array(q * q);
  indices.forEach((a, i) => indices.forEach((b, j) => (v[i * q + j] = result.covariance[a * m + b])));
  const inverse = invertPositiveDefinite(v, q);
  const beta = indices.map((k) => result.coefficients[k].estimate);
  let chisq = 0;
  for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) chisq += beta[i] * inverse[i * q + j] * beta[j];
  const df2 = result.fit.dfResidual;
  if (df2 === null || !Number.isFinite(df2)) return { statistic: chisq, df: q, pValue: chisquareUpperTail(chisq, q), distribution: 'chisq' };
  return { statistic: chisq / q, df: q, df2, pValue: fUpperTail(chisq / q, q, df2), distribution: 'F' };
}
