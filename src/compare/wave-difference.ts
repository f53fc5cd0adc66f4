import { chisquareUpperTail } from '../math/distributions/chisquare-upper-tail.js';
import { normalQuantile } from '../math/distributions/normal-quantile.js';
import { normalUpperTail } from '../math/distributions/normal-upper-tail.js';
import { tQuantile } from '../math/distributions/t-quantile.js';
import { tUpperTail } from '../math/distributions/t-upper-tail.js';

/**
 * The change between two independent waves (later − earlier) of one estimate: each wave is its
 * own sample with its own design and weights, so the two estimates are independent and
 * Var(later − earlier) = SE²(later) + SE²(earlier).
 */
export interface WaveDifference {
  /** later − earlier. */
  readonly difference: number;
  readonly standardError: number;
  readonly confLow: number;
  readonly confHigh: number;
  readonly statistic: number;
  /** z (normal), X-squared (prop.test), t (Welch) or W (Feldt's F ratio of two α). */
  readonly statisticName: 'z' | 'X-squared' | 't' | 'W';
  /** Degrees of freedom: 1 for X-squared, Welch–Satterthwaite for t, null for z; W's numerator df. */
  readonly df: number | null;
  /** W's denominator df (Feldt); absent otherwise. */
  readonly df2?: number;
  readonly pValue: number;
  /** The R computation it matches. */
  readonly test: 'svycontrast' | 'prop.test' | 't.test' | 'feldt';
}

/** One wave's estimate and its standard error (and, for the unweighted tests, its sample size). */
export interface WaveEstimate {
  readonly estimate: number;
  readonly standardError: number;
  /** Valid answers (shares, means) or observations (models). */
  readonly n?: number | null;
  /** Answers counted (unweighted shares). */
  readonly count?: number | null;
}

/**
 * Difference of two independent design-based estimates (or model coefficients): later − earlier,
 * SE √(SE₁² + SE₂²), normal interval and two-sided z test — R `svycontrast(est, c(-1, 1))` on the
 * two estimates stacked with a block-diagonal covariance, then `confint` (normal).
 */
export function independentDifference(earlier: WaveEstimate, later: WaveEstimate, level = 0.95): WaveDifference {
  const difference = later.estimate - earlier.estimate;
  const standardError = Math.hypot(earlier.standardError, later.standardError);
  const half = normalQuantile(1 - (1 - level) / 2) * standardError;
  const statistic = difference / standardError;
  return { difference, standardError, confLow: difference - half, confHigh: difference + half, statistic, statisticName: 'z', df: null, pValue: 2 * normalUpperTail(Math.abs(statistic)), test: 'svycontrast' };
}

/**
 * Difference of two unweighted shares from independent samples: the Wald interval with the
 * unpooled SE √(p₁q₁/n₁ + p₂q₂/n₂) and the pooled χ² test — R `prop.test(c(x₂, x₁), c(n₂, n₁),
 * correct = FALSE)` (its estimate order: later first).
 */
export function proportionsDifference(earlier: WaveEstimate, later: WaveEstimate, level = 0.95): WaveDifference {
  const [n1, n2] = [earlier.n ?? NaN, later.n ?? NaN];
  const [x1, x2] = [earlier.count ?? NaN, later.count ?? NaN];
  const [p1, p2] = [x1 / n1, x2 / n2];
  const difference = p2 - p1;
  const standardError = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  const half = normalQuantile(1 - (1 - level) / 2) * standardError;
  const pooled = (x1 + x2) / (n1 + n2);
  const statistic = (difference * difference) / (pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return {
    difference, standardError,
    confLow: Math.max(-1, difference - half),
    confHigh: Math.min(1, difference + half),
    statistic, statisticName: 'X-squared', df: 1, pValue: chisquareUpperTail(statistic, 1), test: 'prop.test',
  };
}

/**
 * Difference of two unweighted means from independent samples, from each mean's SE (s/√n) and n:
 * Welch's t with Satterthwaite degrees of freedom — R `t.test(y₂, y₁)` (var.equal = FALSE).
 */
export function welchDifference(earlier: WaveEstimate, later: WaveEstimate, level = 0.95): WaveDifference {
  const [v1, v2] = [earlier.standardError ** 2, later.standardError ** 2];
  const [n1, n2] = [earlier.n ?? NaN, later.n ?? NaN];
  const df = (v1 + v2) ** 2 / (v1 ** 2 / (n1 - 1) + v2 ** 2 / (n2 - 1));
  const difference = later.estimate - earlier.estimate;
  const standardError = Math.sqrt(v1 + v2);
  const half = tQuantile(1 - (1 - level) / 2, df) * standardError;
  const statistic = difference / standardError;
  return { difference, standardError, confLow: difference - half, confHigh: difference + half, statistic, statisticName: 't', df, pValue: 2 * tUpperTail(Math.abs(statistic), df), test: 't.test' };
}
