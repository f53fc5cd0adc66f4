import { betaQuantile } from './beta-quantile.js';
import { chisquareQuantile } from './chisquare-quantile.js';

/**
 * F quantile (R: `qf(p, df1, df2)`) from the beta quantile: X ~ Beta(df1/2, df2/2) gives
 * F = df2·X / (df1·(1 − X)). Whichever tail is smaller is inverted, so that neither X nor 1 − X is
 * formed by cancellation (@stdlib's own F quantile is off by 1e-7 relative at p = 0.001, df1 = 1).
 * `df2 = Infinity` is χ²(df1)/df1.
 * @example fQuantile(0.95, 1, 10) // ≈ 4.964602743730711
 */
export function fQuantile(p: number, df1: number, df2: number): number {
  if (df2 === Infinity) return chisquareQuantile(p, df1) / df1;
  if (p <= 0.5) {
    const x = betaQuantile(p, df1 / 2, df2 / 2);
    return (df2 * x) / (df1 * (1 - x));
  }
  const y = betaQuantile(1 - p, df2 / 2, df1 / 2);
  return (df2 * (1 - y)) / (df1 * y);
}
