import type { Design } from '../../core/design.js';
import { UsageError } from '../../core/errors.js';
import { chisquareUpperTail, fUpperTail } from '../../math/distributions/index.js';
import { evaluateFormulaVariable, type LevelOverrides } from '../../model/evaluate-formula-variable.js';
import { interactedFormula } from './interacted-formula.js';
import type { OlsResult, RegressionResult, TestResult } from './regression-result.js';
import { waldTest } from '../estimators/wald-test.js';

/** A model fitted on all rows and within each group, with a test that the groups share coefficients. */
export interface GroupedRegression<R extends RegressionResult> {
  readonly by: string;
  readonly pooled: R;
  readonly groups: readonly { level: string; result: R }[];
  /**
   * OLS: Chow F; likelihood models: LR χ² of separate vs pooled fits; sampling weights: design-based
   * Wald test of the group terms of the fully interacted model. Null with fewer than two groups.
   */
  readonly test: ({ kind: 'chow' | 'likelihood-ratio' | 'wald' } & TestResult) | null;
}

/** Fits `formula` on the design's rows marked 1 in `domain`, the others staying in the design. */
export type DomainFit<R> = (formula: string, domain: Uint8Array) => R;

/**
 * Fits per level of `by` and pooled (R: `lapply(split(d, d$g), lm, …)`; with sampling weights each
 * group is a domain, `svyglm(…, design = subset(des, g == l))`) and tests equality of all
 * coefficients: Chow F = ((RSS_p − ΣRSS_g)/(k(G−1))) / (ΣRSS_g/(N − Gk)) for OLS; for logit and
 * ordinal models LR = 2(Σ log L_g − log L_p) on (G−1)·k df; with sampling weights neither holds
 * (no likelihood, no common σ²), so the Wald F of the G and x:G terms of `y ~ (x…) * G` on the
 * design df (R: `regTermTest(svyglm(y ~ (x…) * G), ~ G + x:G…)`). Rows missing `by` are left out
 * of all fits.
 */
export function fitByGroup<R extends RegressionResult>(design: Design, formula: string, by: string, fit: DomainFit<R>, levels: LevelOverrides = {}): GroupedRegression<R> {
  const group = evaluateFormulaVariable({ kind: 'call', fn: 'factor', args: [{ kind: 'name', name: by }] }, design.table, levels);
  if (group.kind !== 'factor') throw new UsageError(`--by ${by} must be categorical`);
  const pooled = fit(formula, Uint8Array.from(group.codes, (c) => (c >= 0 ? 1 : 0)));
  const groups = group.levels.map((level, k) => ({ level, result: fit(formula, Uint8Array.from(group.codes, (c) => (c === k ? 1 : 0))) }));
  const G = groups.length;
  const k = pooled.coefficients.length + pooled.thresholds.length;
  let test: GroupedRegression<R>['test'] = null;
  if (G >= 2 && design.weights) {
    const label = `factor(${by})`;
    const interacted = fit(interactedFormula(formula, label), Uint8Array.from(group.codes, (c) => (c >= 0 ? 1 : 0)));
    const indices = interacted.termOf.flatMap((term, j) => (term.split(':').includes(label) ? [j] : []));
    test = { kind: 'wald', ...waldTest(interacted, indices) };
  } else if (G >= 2 && pooled.model === 'ols') {
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
