import type { Design } from '../core/design.js';
import { UsageError } from '../core/errors.js';
import { chisquareUpperTail, fUpperTail } from '../math/distributions/index.js';
import { evaluateFormulaVariable, type LevelOverrides } from '../model/evaluate-formula-variable.js';
import type { OlsResult, RegressionResult, TestResult } from './regression-result.js';
import { subsetDesign } from './subset-design.js';

/** A model fitted on all rows and within each group, with a test that the groups share coefficients. */
export interface GroupedRegression<R extends RegressionResult> {
  readonly by: string;
  readonly pooled: R;
  readonly groups: readonly { level: string; result: R }[];
  /** OLS: Chow F; likelihood models: LR χ² of separate vs pooled fits; null with sampling weights. */
  readonly test: ({ kind: 'chow' | 'likelihood-ratio' } & TestResult) | null;
}

/**
 * Fits per level of `by` and pooled (R: `lapply(split(d, d$g), lm, …)`) and tests equality of all
 * coefficients: Chow F = ((RSS_p − ΣRSS_g)/(k(G−1))) / (ΣRSS_g/(N − Gk)) for OLS; for logit and
 * ordinal models LR = 2(Σ log L_g − log L_p) on (G−1)·k df. Rows missing `by` are left out of all fits.
 */
export function fitByGroup<R extends RegressionResult>(design: Design, by: string, fit: (d: Design) => R, levels: LevelOverrides = {}): GroupedRegression<R> {
  if (design.weights) {
    throw new UsageError('--by with --weight is not available yet', { hint: 'per-group design-based fits need domain estimation; use --freq or no weights' });
  }
  const group = evaluateFormulaVariable({ kind: 'call', fn: 'factor', args: [{ kind: 'name', name: by }] }, design.table, levels);
  if (group.kind !== 'factor') throw new UsageError(`--by ${by} must be categorical`);
  const all = [...group.codes.keys()].filter((i) => group.codes[i] >= 0);
  const pooled = fit(subsetDesign(design, all));
  const groups = group.levels.map((level, k) => ({ level, result: fit(subsetDesign(design, all.filter((i) => group.codes[i] === k))) }));
  const G = groups.length;
  const k = pooled.coefficients.length + pooled.thresholds.length;
  let test: GroupedRegression<R>['test'] = null;
  if (G >= 2 && pooled.model === 'ols') {
    const separate = groups.reduce((s, g) => s + (g.result as unknown as OlsResult).rss, 0);
    const n = groups.reduce((s, g) => s + g.result.nobs, 0);
    const df2 = n - G * k;
    const statistic = ((pooled as unknown as OlsResult).rss - separate) / (k * (G - 1)) / (separate / df2);
    test = { kind: 'chow', statistic, df: k * (G - 1), df2, pValue: fUpperTail(statistic, k * (G - 1), df2), distribution: 'F' };
  } else if (G >= 2 && pooled.fit.logLik !== null) {
    const statistic = 2 * (groups.reduce((s, g) => s + g.result.fit.logLik!, 0) - pooled.fit.logLik);
    const df = k * (G - 1);
    test = { kind: 'likelihood-ratio', statistic, df, pValue: chisquareUpperTail(statistic, df), distribution: 'chisq' };
  }
  return Object.freeze({ by, pooled, groups, test });
}
