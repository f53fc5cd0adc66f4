import { lazyStdlib } from './lazy-stdlib.js';

const cdf = lazyStdlib('@stdlib/stats-base-dists-f-cdf');

/**
 * F distribution function P(F ≤ x) with (df1, df2) degrees of freedom (R: `pf(x, df1, df2)`).
 * @example fCdf(4.964602743730711, 1, 10) // ≈ 0.95
 */
export function fCdf(x: number, df1: number, df2: number): number {
  return cdf(x, df1, df2);
}
