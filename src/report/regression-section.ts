import type { CoefficientRow, RegressionResult } from '../analyze/regression/regression-result.js';
import type { Lang } from '../core/variable-labels.js';
import type { Codebook } from '../core/types.js';
import type { CoefficientChart } from './charts/chart-spec.js';
import { formatFixed, formatPClause, formatPValue } from './format-number.js';
import { tableBlock, type ReportBlock } from './report-document.js';
import { REPORT_TEXT, stars } from './report-text.js';

const MODEL_NAME = {
  zh: { ols: '线性回归（OLS）', logit: '二元Logistic回归', ologit: '有序Logistic回归', oprobit: '有序Probit回归' },
  en: { ols: 'linear regression (OLS)', logit: 'binary logistic regression', ologit: 'ordinal logistic regression', oprobit: 'ordinal probit regression' },
};

const SCALE = {
  zh: { ols: '', logit: '（对数优势）', ologit: '（对数优势）', oprobit: '（probit尺度）' },
  en: { ols: '', logit: ' (log odds)', ologit: ' (log odds)', oprobit: ' (probit scale)' },
};

function termLabel(codebook: Codebook, term: string, lang: Lang): string {
  // A factor's term is R's name + level label (area农村); English reports show the level in English.
  if (lang === 'en') {
    for (const variable of codebook.variables) {
      const level = term.startsWith(variable.name) ? variable.choices?.find((c) => variable.name + c.label === term) : undefined;
      if (level) return `${variable.name}: ${level.labelEn ?? level.label}`;
    }
  }
  const v = codebook.variables.find((x) => x.name === term);
  const label = lang === 'zh' ? v?.label : v?.labelEn ?? v?.label;
  if (!label) return term;
  return lang === 'zh' ? `${term}（${label}）` : `${term} (${label})`;
}

/**
 * What the coefficients say, and no more: which terms are significantly associated with the
 * outcome (p < 0.05) and in which direction, holding the other terms fixed; no causal words.
 */
export function narrateRegression(r: RegressionResult, codebook: Codebook, lang: Lang): string {
  const terms = r.coefficients.filter((c) => c.term !== '(Intercept)');
  const describe = (c: CoefficientRow) =>
    lang === 'zh'
      ? `${termLabel(codebook, c.term, lang)}（系数${formatFixed(c.estimate, 3)}，p ${formatPClause(c.pValue)}）`
      : `${termLabel(codebook, c.term, lang)} (b = ${formatFixed(c.estimate, 3)}, p ${formatPClause(c.pValue)})`;
  const positive = terms.filter((c) => c.pValue < 0.05 && c.estimate > 0).map(describe);
  const negative = terms.filter((c) => c.pValue < 0.05 && c.estimate < 0).map(describe);
  const none = terms.filter((c) => !(c.pValue < 0.05)).map((c) => termLabel(codebook, c.term, lang));
  const outcome = r.formula.split('~')[0].trim();
  if (lang === 'zh') {
    const parts = [`以${termLabel(codebook, outcome, lang)}为因变量的${MODEL_NAME.zh[r.model]}（N = ${r.nobs}）显示，在控制模型中其他变量后：`];
    if (positive.length) parts.push(`${positive.join('、')}与其显著正相关；`);
    if (negative.length) parts.push(`${negative.join('、')}与其显著负相关；`);
    if (none.length) parts.push(`${none.join('、')}的关联在0.05水平上不显著；`);
    return `${parts.join('').replace(/；$/, '')}。这是相关关系，不能据此断定因果。`;
  }
  const article = /^[aeiou]/.test(MODEL_NAME.en[r.model]) ? 'An' : 'A';
  const parts = [`${article} ${MODEL_NAME.en[r.model]} of ${termLabel(codebook, outcome, lang)} (N = ${r.nobs}), holding the other terms fixed:`];
  if (positive.length) parts.push(` positively associated: ${positive.join(', ')};`);
  if (negative.length) parts.push(` negatively associated: ${negative.join(', ')};`);
  if (none.length) parts.push(` not significant at the 0.05 level: ${none.join(', ')};`);
  return `${parts.join('').replace(/;$/, '')}. These are associations, not proof of cause.`;
}

/** A coefficient plot of a model's terms (not the intercept or thresholds) with their intervals. */
function coefficientChart(r: RegressionResult, codebook: Codebook, lang: Lang, title: string): CoefficientChart {
  const terms = r.coefficients.filter((c) => c.term !== '(Intercept)');
  return {
    type: 'coefficients',
    title,
    terms: terms.map((c) => termLabel(codebook, c.term, lang)),
    estimate: terms.map((c) => c.estimate),
    low: terms.map((c) => c.confLow),
    high: terms.map((c) => c.confHigh),
    axisLabel: lang === 'zh' ? `系数及95%置信区间${SCALE.zh[r.model]}` : `Estimate and 95% CI${SCALE.en[r.model]}`,
    reference: 0,
  };
}

/** A regression as a 三线表 coefficient table (stars, CI), thresholds, fit, its narrative and a coefficient plot (`id` names it). */
export function regressionSection(r: RegressionResult, codebook: Codebook, lang: Lang, options: { title?: string; id: string }): ReportBlock[] {
  const t = REPORT_TEXT[lang];
  const row = (c: CoefficientRow) => [termLabel(codebook, c.term, lang), `${formatFixed(c.estimate, 3)}${stars(c.pValue)}`, formatFixed(c.standardError, 3), formatFixed(c.statistic, 2), formatPValue(c.pValue), `${formatFixed(c.confLow, 3)}–${formatFixed(c.confHigh, 3)}`];
  // Thresholds are cut points, not effects: no stars or p-values for them.
  const rows = [...r.coefficients.map(row), ...r.thresholds.map((c) => [`${t.threshold} ${c.term}`, formatFixed(c.estimate, 3), formatFixed(c.standardError, 3), '', '', `${formatFixed(c.confLow, 3)}–${formatFixed(c.confHigh, 3)}`])];
  const f = r.fit;
  const fit = [
    `N = ${r.nobs}`,
    ...(f.rSquared !== null ? [`R² = ${formatFixed(f.rSquared, 3)}`, `adj. R² = ${formatFixed(f.adjRSquared ?? Number.NaN, 3)}`] : []),
    ...(f.fStatistic !== null ? [`F(${f.dfModel}, ${f.dfResidual}) = ${formatFixed(f.fStatistic, 2)}, p ${formatPClause(f.fPValue ?? Number.NaN)}`] : []),
    ...(f.logLik !== null ? [`log L = ${formatFixed(f.logLik, 2)}`] : []),
    ...(f.aic !== null ? [`AIC = ${formatFixed(f.aic, 1)}`] : []),
    `SE: ${r.seType}`,
  ].join(lang === 'zh' ? '；' : '; ');
  const model = MODEL_NAME[lang][r.model];
  const title = options.title ?? `${model.charAt(0).toUpperCase()}${model.slice(1)}${lang === 'zh' ? '：' : ': '}${r.formula}`;
  return [
    { kind: 'paragraph', text: narrateRegression(r, codebook, lang) },
    tableBlock(title, [t.term, t.estimate, t.se, t.statistic, 'p', t.ci], rows, { notes: [fit, t.stars] }),
    { kind: 'chart', id: options.id, chart: coefficientChart(r, codebook, lang, title) },
  ];
}
