import { fCdf } from '../math/distributions/f-cdf.js';
import { fQuantile } from '../math/distributions/f-quantile.js';
import { fUpperTail } from '../math/distributions/f-upper-tail.js';
import type { WaveDifference } from './wave-difference.js';

/** One wave's Cronbach's α: the estimate, its complete cases n and its number of items k. */
export interface WaveAlpha {
  readonly estimate: number;
  readonly n: number;
  readonly k: number;
}

/**
 * Feldt's interval for one α (Feldt, Woodruff & Salih 1987): (1 − α)/(1 − α̂) ~ F(n − 1, (n − 1)(k − 1)),
 * so α lies in [1 − (1 − α̂)·F(1 − γ/2), 1 − (1 − α̂)·F(γ/2)].
 */
export function feldtInterval(a: WaveAlpha, level: number): { low: number; high: number; se: number } {
  const [d1, d2] = [a.n - 1, (a.n - 1) * (a.k - 1)];
  const low = 1 - (1 - a.estimate) * fQuantile(1 - (1 - level) / 2, d1, d2);
  const high = 1 - (1 - a.estimate) * fQuantile((1 - level) / 2, d1, d2);
  // 1 − α̂ = (1 − α)·F' with F' ~ F(d2, d1): its variance, α̂ plugged in for α.
  const se = (1 - a.estimate) * Math.sqrt((2 * d1 * d1 * (d1 + d2 - 2)) / (d2 * (d1 - 2) ** 2 * (d1 - 4)));
  return { low, high, se };
}

/**
 * The change of Cronbach's α between two independent waves (later − earlier). Test: Feldt (1969),
 * W = (1 − α̂_earlier)/(1 − α̂_later) ~ F(n_earlier − 1, n_later − 1) under equal α, two-sided — as
 * R `cocron::cocron.two.coefficients(indep = TRUE)`. Interval: Zou & Donner's MOVER (2008) from the
 * two Feldt intervals, L = d − √((α̂₂ − l₂)² + (u₁ − α̂₁)²), U = d + √((u₂ − α̂₂)² + (α̂₁ − l₁)²); SE:
 * √(SE₁² + SE₂²) from each α's Feldt distribution. Interval and test come from different methods
 * and can disagree at the margin.
 */
export function alphaDifference(earlier: WaveAlpha, later: WaveAlpha, level = 0.95): WaveDifference {
  const [e, l] = [feldtInterval(earlier, level), feldtInterval(later, level)];
  const difference = later.estimate - earlier.estimate;
  const statistic = (1 - earlier.estimate) / (1 - later.estimate);
  const [df1, df2] = [earlier.n - 1, later.n - 1];
  const pValue = Math.min(1, 2 * Math.min(fCdf(statistic, df1, df2), fUpperTail(statistic, df1, df2)));
  return {
    difference,
    standardError: Math.hypot(e.se, l.se),
    confLow: difference - Math.hypot(later.estimate - l.low, e.high - earlier.estimate),
    confHigh: difference + Math.hypot(l.high - later.estimate, earlier.estimate - e.low),
    statistic, statisticName: 'W', df: df1, df2, pValue, test: 'feldt',
  };
}
