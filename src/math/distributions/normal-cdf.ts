import { lazyStdlib } from './lazy-stdlib.js';

const cdf = lazyStdlib('@stdlib/stats-base-dists-normal-cdf');

/**
 * Standard normal distribution function Φ(x) (R: `pnorm(x)`).
 * @example normalCdf(1.959963984540054) // ≈ 0.975
 */
export function normalCdf(x: number): number {
  return cdf(x, 0, 1);
}
