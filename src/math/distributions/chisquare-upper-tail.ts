import { lazyStdlib } from './lazy-stdlib.js';

const gammainc = lazyStdlib('@stdlib/math-base-special-gammainc');

/**
 * Chi-square upper tail P(X > x) = Q(df/2, x/2), the regularised upper incomplete gamma
 * (R: `pchisq(x, df, lower.tail = FALSE)`); accurate for the tiny p-values of large tables.
 * @example chisquareUpperTail(3.841458820694124, 1) // ≈ 0.05
 */
export function chisquareUpperTail(x: number, df: number): number {
  if (Number.isNaN(x) || Number.isNaN(df)) return NaN;
  if (x <= 0) return 1;
  return gammainc(x / 2, df / 2, true, true);
}
