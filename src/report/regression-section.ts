import type { CoefficientRow, RegressionResult } from '../analyze/regression/regression-result.js';
import type { Codebook } from '../core/types.js';
import type { Lang } from '../locale/lang.js';
import { methodName } from '../locale/method-names.js';
import { regressionWords } from '../locale/regression-words.js';
import { marks } from '../locale/report-marks.js';
import { outcomeWords, termWords } from '../locale/term-words.js';
import type { CoefficientChart } from './charts/chart-spec.js';
import { formatFixed, formatPClause, formatPValue } from './format-number.js';
import { tableBlock, type ReportBlock } from './report-document.js';
import { REPORT_TEXT, stars } from './report-text.js';

const outcomeOf = (r: RegressionResult) => r.formula.split('~')[0].trim();

/**
 * What the coefficients say, and no more: which terms are significantly associated with the
 * outcome (p < 0.05) and in which direction, in the variables' own words — a positive coefficient
 * of an ordered item is "answers closer to its top answer" (非常满意: more satisfied), never the
 * item's topic read as a quantity (a heavier burden) — holding the other terms fixed; no causal words.
 */
export function narrateRegression(r: RegressionResult, codebook: Codebook, lang: Lang): string {
  const terms = r.coefficients.filter((c) => c.term !== '(Intercept)');
  const outcome = outcomeWords(codebook, outcomeOf(r), lang, r.model === 'logit');
  const describe = (c: CoefficientRow) => regressionWords(lang).termEffect(termWords(codebook, c.term, lang).higher, formatFixed(c.estimate, 3), formatPClause(c.pValue));
  const positive = terms.filter((c) => c.pValue < 0.05 && c.estimate > 0).map(describe);
  const negative = terms.filter((c) => c.pValue < 0.05 && c.estimate < 0).map(describe);
  const none = terms.filter((c) => !(c.pValue < 0.05)).map((c) => termWords(codebook, c.term, lang).name);
  const model = methodName('model', r.model, lang);
  return regressionWords(lang).story({ outcome, model, n: r.nobs, positive, negative, none });
}

/** A coefficient plot of a model's terms (not the intercept or thresholds) with their intervals. */
function coefficientChart(r: RegressionResult, codebook: Codebook, lang: Lang, title: string): CoefficientChart {
  const terms = r.coefficients.filter((c) => c.term !== '(Intercept)');
  return {
    type: 'coefficients',
    title,
    terms: terms.map((c) => termWords(codebook, c.term, lang).label),
    estimate: terms.map((c) => c.estimate),
    low: terms.map((c) => c.confLow),
    high: terms.map((c) => c.confHigh),
    axisLabel: regressionWords(lang).axis(r.model),
    reference: 0,
  };
}

/**
 * The title of a model's table: its outcome and model in words (幸福感的影响因素：有序Logistic回归);
 * the R formula is for the 数据与方法 section, not a reader's caption.
 */
export function regressionTitle(r: RegressionResult, codebook: Codebook, lang: Lang): string {
  const outcome = termWords(codebook, outcomeOf(r), lang).label;
  const model = methodName('model', r.model, lang);
  return regressionWords(lang).title(outcome, model);
}

/** A model's R formula for the 数据与方法 section, named as its table is: `有序Logistic回归（幸福感）：happiness ~ …`. */
export function regressionFormulaLine(r: RegressionResult, codebook: Codebook, lang: Lang): string {
  const outcome = termWords(codebook, outcomeOf(r), lang).label;
  const model = methodName('model', r.model, lang);
  return regressionWords(lang).formulaLine(model, outcome, r.formula);
}

/** A regression as a 三线表 coefficient table (stars, CI), thresholds, fit, its narrative and a coefficient plot (`id` names it). */
export function regressionSection(r: RegressionResult, codebook: Codebook, lang: Lang, options: { title?: string; id: string }): ReportBlock[] {
  const t = REPORT_TEXT[lang];
  const w = regressionWords(lang);
  const m = marks(lang);
  const row = (c: CoefficientRow) => [termWords(codebook, c.term, lang).label, `${formatFixed(c.estimate, 3)}${stars(c.pValue)}`, formatFixed(c.standardError, 3), formatFixed(c.statistic, 2), formatPValue(c.pValue), `${formatFixed(c.confLow, 3)}–${formatFixed(c.confHigh, 3)}`];
  // Thresholds are cut points, not effects: no stars or p-values for them.
  const rows = [...r.coefficients.map(row), ...r.thresholds.map((c) => [`${t.threshold} ${c.term}`, formatFixed(c.estimate, 3), formatFixed(c.standardError, 3), '', '', `${formatFixed(c.confLow, 3)}–${formatFixed(c.confHigh, 3)}`])];
  const f = r.fit;
  const fit = [
    `N = ${r.nobs}`,
    ...(f.rSquared !== null ? [`R² = ${formatFixed(f.rSquared, 3)}`, `${w.adjRSquared} = ${formatFixed(f.adjRSquared ?? Number.NaN, 3)}`] : []),
    ...(f.fStatistic !== null ? [`F(${f.dfModel}, ${f.dfResidual}) = ${formatFixed(f.fStatistic, 2)}${m.comma}p ${formatPClause(f.fPValue ?? Number.NaN)}`] : []),
    ...(f.logLik !== null ? [`${w.logLik} = ${formatFixed(f.logLik, 2)}`] : []),
    ...(f.aic !== null ? [`AIC = ${formatFixed(f.aic, 1)}`] : []),
    methodName('se', r.seType, lang),
  ].join(m.semicolon);
  const title = options.title ?? regressionTitle(r, codebook, lang);
  return [
    { kind: 'paragraph', text: narrateRegression(r, codebook, lang) },
    tableBlock(title, [t.term, t.estimate, t.se, t.statistic, 'p', t.ci], rows, { notes: [fit, t.stars] }),
    { kind: 'chart', id: options.id, chart: coefficientChart(r, codebook, lang, title) },
  ];
}
