import { lazyStdlib } from './lazy-stdlib.js';

const quantile = lazyStdlib('@stdlib/stats-base-dists-beta-quantile');

/**
 * Beta quantile (R: `qbeta(p, a, b)`): the Clopper-Pearson and Jeffreys interval limits.
 * @example betaQuantile(0.025, 3, 8) // ≈ 0.0667
 */
export function betaQuantile(p: number, a: number, b: number): number {
  return quantile(p, a, b);
}
