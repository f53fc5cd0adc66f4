import { normalQuantile } from './normal-quantile.js';
import { lazyStdlib } from './lazy-stdlib.js';

const quantile = lazyStdlib('@stdlib/stats-base-dists-t-quantile');

/**
 * Student t quantile (R: `qt(p, df)`); `df = Infinity` is the normal quantile.
 * @example tQuantile(0.975, 10) // ≈ 2.228138851986274
 */
export function tQuantile(p: number, df: number): number {
  return df === Infinity ? normalQuantile(p) : quantile(p, df);
}
