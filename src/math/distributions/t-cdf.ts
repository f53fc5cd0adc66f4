import { normalCdf } from './normal-cdf.js';
import { lazyStdlib } from './lazy-stdlib.js';

const cdf = lazyStdlib('@stdlib/stats-base-dists-t-cdf');

/**
 * Student t distribution function P(T ≤ x) with `df` degrees of freedom (R: `pt(x, df)`);
 * `df = Infinity` is the standard normal.
 * @example tCdf(2.228138851986274, 10) // ≈ 0.975
 */
export function tCdf(x: number, df: number): number {
  return df === Infinity ? normalCdf(x) : cdf(x, df);
}
