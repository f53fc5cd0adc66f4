import { lazyStdlib } from './lazy-stdlib.js';

const quantile = lazyStdlib('@stdlib/stats-base-dists-chisquare-quantile');

/**
 * Chi-square quantile (R: `qchisq(p, df)`).
 * @example chisquareQuantile(0.95, 1) // ≈ 3.841458820694124
 */
export function chisquareQuantile(p: number, df: number): number {
  return quantile(p, df);
}
