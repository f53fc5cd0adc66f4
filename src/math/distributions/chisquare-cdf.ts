import { lazyStdlib } from './lazy-stdlib.js';

const cdf = lazyStdlib('@stdlib/stats-base-dists-chisquare-cdf');

/**
 * Chi-square distribution function P(X ≤ x) (R: `pchisq(x, df)`).
 * @example chisquareCdf(3.841458820694124, 1) // ≈ 0.95
 */
export function chisquareCdf(x: number, df: number): number {
  return cdf(x, df);
}
