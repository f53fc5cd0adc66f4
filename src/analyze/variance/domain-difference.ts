import type { Design } from '../../core/design.js';
import { tQuantile } from '../../math/distributions/t-quantile.js';
import { tUpperTail } from '../../math/distributions/t-upper-tail.js';
import { designDegreesOfFreedom, linearizationVariance } from './design-variance.js';
import type { DomainMean } from './domain-mean-result.js';
import { replicateVariance } from './replicate-variance.js';

/** The difference first − second between two groups, with its interval and test. */
export interface DomainDifference {
  readonly first: string;
  readonly second: string;
  readonly estimate: number;
  readonly standardError: number;
  readonly confLow: number;
  readonly confHigh: number;
  /** Test statistic: X-squared (two-sample z test of proportions) or t. */
  readonly statistic: number;
  readonly statisticName: 'X-squared' | 't';
  /** Degrees of freedom of the test (1 for X-squared). */
  readonly df: number;
  readonly pValue: number;
  /** The R function the test matches. */
  readonly method: string;
}

/** Builds a t-based difference (estimate ± t_{df}·SE, two-sided p). */
export function tDifference(first: string, second: string, estimate: number, standardError: number, df: number, level: number, method: string): DomainDifference {
  const half = tQuantile(1 - (1 - level) / 2, df) * standardError;
  const statistic = estimate / standardError;
  return {
    first, second, estimate, standardError,
    confLow: estimate - half,
    confHigh: estimate + half,
    statistic,
    statisticName: 't',
    df,
    pValue: 2 * tUpperTail(Math.abs(statistic), df),
    method,
  };
}

/**
 * Design-based difference of two domain means: SE from the linearization of z₁ − z₂ (their
 * covariance through shared PSUs included), t test on degf − 1 degrees of freedom over the rows
 * in either group (R `svyttest(y ~ g, design)`, which fits `svyglm(y ~ g)`).
 */
export function designDifference(design: Design, names: [string, string], a: DomainMean, b: DomainMean, rows: Uint8Array, level: number): DomainDifference {
  if (design.replicates) {
    // svyttest's svyglm(y ~ g) refit per replicate gives each replicate's difference of the means;
    // its df is degf() of the whole replicate design (R counts rows before dropping missing values) − 1.
    const [ta, tb] = [a.replicateEstimates!, b.replicateEstimates!];
    const se = Math.sqrt(replicateVariance(design.replicates, a.mean - b.mean, ta.map((t, r) => t - tb[r])));
    return tDifference(names[0], names[1], a.mean - b.mean, se, design.replicates.degf - 1, level, 'survey::svyttest');
  }
  const [za, zb] = [a.influence as Float64Array, b.influence as Float64Array];
  const z = new Float64Array(za.length);
  for (let i = 0; i < z.length; i++) z[i] = za[i] - zb[i];
  const se = Math.sqrt(linearizationVariance(design, z, rows));
  const df = designDegreesOfFreedom(design, rows) - 1;
  return tDifference(names[0], names[1], a.mean - b.mean, se, df, level, 'survey::svyttest');
}
