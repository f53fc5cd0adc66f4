import { logDeterminant } from '../../math/log-determinant.js';

/**
 * Generalised VIF per term, GVIF = det(R₁₁)·det(R₂₂)/det(R) on the correlation matrix of the
 * coefficients without the intercept (R: `car::vif`, Fox & Monette 1992); GVIF^(1/(2·df)) adjusts
 * multi-column terms. Needs an intercept and at least two terms, as car::vif does.
 */
export function varianceInflation(covariance: Float64Array, termOf: readonly string[]): { term: string; gvif: number; df: number; adjusted: number }[] {
  const p = termOf.length;
  const keep = termOf.map((t, j) => (t === '(Intercept)' ? -1 : j)).filter((j) => j >= 0);
  const terms = [...new Set(keep.map((j) => termOf[j]))];
  if (keep.length === p || terms.length < 2) return [];
  const correlation = (idx: number[]) => {
    const m = new Float64Array(idx.length * idx.length);
    idx.forEach((a, r) => idx.forEach((b, c) => {
      m[r * idx.length + c] = covariance[a * p + b] / Math.sqrt(covariance[a * p + a] * covariance[b * p + b]);
    }));
    return logDeterminant(m, idx.length);
  };
  const whole = correlation(keep);
  return terms.map((term) => {
    const inside = keep.filter((j) => termOf[j] === term);
    const outside = keep.filter((j) => termOf[j] !== term);
    const gvif = Math.exp(correlation(inside) + correlation(outside) - whole);
    return { term, gvif, df: inside.length, adjusted: gvif ** (1 / (2 * inside.length)) };
  });
}
