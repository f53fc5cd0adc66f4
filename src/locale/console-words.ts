import type { Lang } from './lang.js';
import { REPORT_TEXT } from './report-words.js';

/** The report's fixed words, which every estimator command's console table starts from. */
type ReportWords = { readonly [K in keyof (typeof REPORT_TEXT)['zh']]: string };

/**
 * The console tables of the estimator commands and `survey weight`, by command: the report's words
 * (REPORT_TEXT) where they say the same, and the command's own headings and notes.
 */
export interface ConsoleWords {
  /** `survey freq`: a frequency table. */
  freq: ReportWords & { count: string; valid: string; total: string; missing: string };
  /** `survey means`: means by group and their tests. */
  means: ReportWords & { n: string; ci: string; difference: string; anova: string; wald: string };
  /** `survey shares`: shares by group, their differences and test. */
  shares: ReportWords & { ci: string; difference: string; of: string; variable: string; empty: string; equal: string };
  /** `survey multi`: a multi-select question's options. */
  multi: ReportWords & { option: string; count: string; responses: string; cases: string; ci: string; total: string; n: string; none: string; test: string; by: string; pearson: string; raoScott: string };
  /** `survey reliability`: Cronbach's α and its items. */
  reliability: ReportWords & { r: string; drop: string; reversed: string; n: string };
  /** `survey totals`: population totals. */
  totals: ReportWords & { value: string; n: string; total: string; ci: string; unweighted: string };
  /** `survey ratio`: a ratio of two totals. */
  ratio: ReportWords & { n: string; ratio: string; ci: string };
  /** `survey quantiles`: quantiles with Woodruff intervals. */
  quantiles: ReportWords & { n: string; prob: string; quantile: string; ci: string };
  /** `survey crosstab`: the panels of a cross table and its tests. */
  crosstab: { rs: (x2: string) => string; weighted: string; total: string; counts: string; rowPct: string; colPct: string; low: (k: number) => string; fisher: string; or: string };
  /** `survey weight`: the weighting diagnostics. */
  weight: { target: string; level: string; n: string; sample: string; wanted: string; weighted: string; title: string; statistic: string; value: string; margins: string };
}

const CONSOLE_WORDS = {
  zh: {
    freq: { ...REPORT_TEXT.zh, count: '频数', valid: '有效百分比', total: '合计', missing: '缺失' },
    means: { ...REPORT_TEXT.zh, n: '样本量', ci: '95% 置信区间', difference: '差异', anova: '单因素方差分析', wald: '组间均值相等的 Wald 检验 (regTermTest)' },
    shares: { ...REPORT_TEXT.zh, ci: '95% 置信区间', difference: '差异', of: '回答', variable: '项目', empty: '没有有效回答', equal: '各组占比相同的检验' },
    multi: { ...REPORT_TEXT.zh, option: '选项', count: '响应数', responses: '响应百分比', cases: '个案百分比', ci: '95% 置信区间', total: '合计', n: '回答人数', none: '未选任何选项', test: '检验', by: '按', pearson: 'Pearson χ²', raoScott: 'Rao-Scott F' },
    reliability: { ...REPORT_TEXT.zh, r: '校正项总相关', drop: '删除后 α', reversed: '（反向计分）', n: '完整个案' },
    totals: { ...REPORT_TEXT.zh, value: '类别', n: '样本量', total: '总量', ci: '95% 置信区间', unweighted: '未加权：总量为样本合计（R svydesign(ids = ~1, weights = ~one)），不代表总体。' },
    ratio: { ...REPORT_TEXT.zh, n: '样本量', ratio: '比值', ci: '95% 置信区间' },
    quantiles: { ...REPORT_TEXT.zh, n: '样本量', prob: '分位点', quantile: '分位数', ci: '95% 置信区间 (Woodruff)' },
    crosstab: { rs: (x2) => `Pearson χ² = ${x2}，经 Rao-Scott 二阶校正（按抽样设计，svychisq）；F 的分母自由度 = 设计自由度（PSU 数 − 层数）× 分子自由度`, weighted: '加权频数（总体估计）', total: '合计', counts: '频数', rowPct: '行百分比', colPct: '列百分比', low: (k) => `${k} 个单元格的期望频数小于 5，卡方近似可能不准确`, fisher: 'Fisher 精确检验', or: '条件极大似然比值比' },
    weight: { target: '目标', level: '类别', n: '样本数', sample: '样本占比', wanted: '目标占比', weighted: '加权占比', title: '加权诊断', statistic: '指标', value: '数值', margins: '加权前后的边际分布' },
  },
  en: {
    freq: { ...REPORT_TEXT.en, count: 'Count', valid: 'Valid %', total: 'Total', missing: 'Missing' },
    means: { ...REPORT_TEXT.en, n: 'n', ci: '95% CI', difference: 'Difference', anova: 'One-way ANOVA', wald: 'Wald test of equal means (regTermTest)' },
    shares: { ...REPORT_TEXT.en, ci: '95% CI', difference: 'Difference', of: 'answering', variable: 'Item', empty: 'no valid answers', equal: 'Test of equal shares' },
    multi: { ...REPORT_TEXT.en, option: 'Option', count: 'Responses', responses: '% of responses', cases: '% of cases', ci: '95% CI', total: 'Total', n: 'n answering', none: 'chose no option', test: 'Test', by: 'by', pearson: 'Pearson χ²', raoScott: 'Rao-Scott F' },
    reliability: { ...REPORT_TEXT.en, r: 'Corrected item-total r', drop: 'α if deleted', reversed: ' (reversed)', n: 'complete cases' },
    totals: { ...REPORT_TEXT.en, value: 'Category', n: 'n', total: 'Total', ci: '95% CI', unweighted: 'Unweighted: the total is the sample sum (R svydesign(ids = ~1, weights = ~one)), not a population total.' },
    ratio: { ...REPORT_TEXT.en, n: 'n', ratio: 'Ratio', ci: '95% CI' },
    quantiles: { ...REPORT_TEXT.en, n: 'n', prob: 'p', quantile: 'Quantile', ci: '95% CI (Woodruff)' },
    crosstab: { rs: (x2) => `Pearson χ² = ${x2} with the Rao-Scott second-order design correction (svychisq); the F's denominator df = design df (PSUs − strata) × numerator df`, weighted: 'Weighted counts (population estimates)', total: 'Total', counts: 'Counts', rowPct: 'Row %', colPct: 'Column %', low: (k) => `${k} cell${k === 1 ? ' has' : 's have'} expected count below 5; the chi-square approximation may be inaccurate`, fisher: "Fisher's exact test", or: 'conditional MLE odds ratio' },
    weight: { target: 'Target', level: 'Level', n: 'n', sample: 'Sample share', wanted: 'Target share', weighted: 'Weighted share', title: 'Weighting diagnostics', statistic: 'Statistic', value: 'Value', margins: 'Margins before and after weighting' },
  },
} satisfies Record<Lang, ConsoleWords>;

/** The estimator commands' console words in one language. */
export function consoleWords(lang: Lang): ConsoleWords {
  return CONSOLE_WORDS[lang];
}
