import { normalUpperTail } from './normal-upper-tail.js';
import { lazyStdlib } from './lazy-stdlib.js';

const betainc = lazyStdlib('@stdlib/math-base-special-betainc');

/**
 * Student t upper tail P(T > x) (R: `pt(x, df, lower.tail = FALSE)`); `df = Infinity` is normal.
 * Uses P(|T| > |x|) = I_{df/(df+x²)}(df/2, 1/2) so that small p-values are accurate
 * (1 − pt(x) would cancel). A two-sided p-value is `2 * tUpperTail(Math.abs(t), df)`.
 * @example tUpperTail(2.228138851986274, 10) // ≈ 0.025
 */
export function tUpperTail(x: number, df: number): number {
  if (Number.isNaN(x) || Number.isNaN(df)) return NaN;
  if (df === Infinity) return normalUpperTail(x);
  const half = 0.5 * betainc(df / (df + x * x), df / 2, 0.5, true, false);
  return x >= 0 ? half : 1 - half;
}
