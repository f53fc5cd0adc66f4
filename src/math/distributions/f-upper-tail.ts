import { chisquareUpperTail } from './chisquare-upper-tail.js';
import { lazyStdlib } from './lazy-stdlib.js';

const betainc = lazyStdlib('@stdlib/math-base-special-betainc');

/**
 * F upper tail P(F > x) = I_{df2/(df2+df1·x)}(df2/2, df1/2) (R: `pf(x, df1, df2, lower.tail = FALSE)`),
 * the p-value of ANOVA and regression F tests; `df2 = Infinity` is χ²(df1)/df1.
 * @example fUpperTail(4.964602743730711, 1, 10) // ≈ 0.05
 */
export function fUpperTail(x: number, df1: number, df2: number): number {
  if (Number.isNaN(x) || Number.isNaN(df1) || Number.isNaN(df2)) return NaN;
  if (x <= 0) return 1;
  if (df2 === Infinity) return chisquareUpperTail(x * df1, df1);
  return betainc(df2 / (df2 + df1 * x), df2 / 2, df1 / 2, true, false);
}
