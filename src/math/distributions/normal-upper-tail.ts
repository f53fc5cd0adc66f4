import { lazyStdlib } from './lazy-stdlib.js';

const erfc = lazyStdlib('@stdlib/math-base-special-erfc');

/**
 * Standard normal upper tail 1 − Φ(x) = erfc(x/√2)/2 (R: `pnorm(x, lower.tail = FALSE)`).
 * Computed from erfc, not as 1 − Φ, so tiny p-values keep their relative accuracy.
 * @example normalUpperTail(8) // ≈ 6.22e-16
 */
export function normalUpperTail(x: number): number {
  return 0.5 * erfc(x / Math.SQRT2);
}
