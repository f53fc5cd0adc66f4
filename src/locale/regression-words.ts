import type { Lang } from './lang.js';

/** What a model's narrative needs: its outcome in words and the terms that go with it, each already described. */
export interface RegressionStory {
  outcome: { name: string; up: string; down: string };
  /** The model in words (有序Logistic回归 / ordered logit). */
  model: string;
  n: number;
  positive: readonly string[];
  negative: readonly string[];
  /** The terms not significant at 0.05, by name. */
  none: readonly string[];
}

/** The words of a regression: the report's section, the workbook's 回归模型 sheet and the console tables of `survey regress`. */
export interface RegressionWords {
  /** The scale of a coefficient plot's axis, by model. */
  axis: (model: 'ols' | 'logit' | 'ologit' | 'oprobit') => string;
  /** A significant term in the narrative: what its larger value means, with b and p. */
  termEffect: (higher: string, estimate: string, p: string) => string;
  /** The narrative: which terms go with the outcome, in which direction; associations, not causes. */
  story: (s: RegressionStory) => string;
  title: (outcome: string, model: string) => string;
  formulaLine: (model: string, outcome: string, formula: string) => string;
  adjRSquared: string;
  logLik: string;
  sheetTitle: string;
  /** The console table (R `summary()`-like). */
  consoleHeader: readonly [term: string, estimate: string, se: string];
  consoleThresholds: string;
  rowsDropped: (n: number) => string;
  consoleSe: string;
  consoleMissing: string;
  pooled: string;
  consoleTerm: string;
  waldTest: string;
  equalityTest: string;
  groupedNote: string;
}

export const REGRESSION_WORDS = {
  zh: {
    axis: (model) => `系数及95%置信区间${{ ols: '', logit: '（对数优势）', ologit: '（对数优势）', oprobit: '（probit尺度）' }[model]}`,
    termEffect: (higher, estimate, p) => `${higher}（系数${estimate}，p ${p}）`,
    story: (s) => {
      const parts = [`以“${s.outcome.name}”为因变量的${s.model}（N = ${s.n}）显示，在控制模型中其他变量后：`];
      if (s.positive.length) parts.push(`${s.positive.join('、')}，${s.outcome.up}；`);
      if (s.negative.length) parts.push(`${s.negative.join('、')}，${s.outcome.down}；`);
      if (s.none.length) parts.push(`${s.none.join('、')}的关联在0.05水平上不显著；`);
      return `${parts.join('').replace(/；$/, '')}。这是相关关系，不能据此断定因果。`;
    },
    title: (outcome, model) => `“${outcome}”的影响因素：${model}`,
    formulaLine: (model, outcome, formula) => `${model}（${outcome}）：${formula}`,
    adjRSquared: '调整R²',
    logLik: '对数似然',
    sheetTitle: '回归模型',
    consoleHeader: ['变量', '系数', '标准误'],
    consoleThresholds: '阈值（切点）',
    rowsDropped: (n) => `缺失删除 ${n} 行`,
    consoleSe: '标准误',
    consoleMissing: '缺失',
    pooled: '全部',
    consoleTerm: '变量',
    waldTest: '设计基础 Wald 检验（全交互模型中分组项与交互项）',
    equalityTest: '各组系数相同的检验',
    groupedNote: '括号内为标准误；*** p<0.001, ** p<0.01, * p<0.05',
  },
  en: {
    axis: (model) => `Estimate and 95% CI${{ ols: '', logit: ' (log odds)', ologit: ' (log odds)', oprobit: ' (probit scale)' }[model]}`,
    termEffect: (higher, estimate, p) => `${higher} (b = ${estimate}, p ${p})`,
    story: (s) => {
      const article = /^[aeiou]/.test(s.model) ? 'An' : 'A';
      const parts = [`${article} ${s.model} of "${s.outcome.name}" (N = ${s.n}), holding the other terms fixed:`];
      if (s.positive.length) parts.push(` ${s.positive.join(', ')} go with ${s.outcome.up};`);
      if (s.negative.length) parts.push(` ${s.negative.join(', ')} go with ${s.outcome.down};`);
      if (s.none.length) parts.push(` not significant at the 0.05 level: ${s.none.join(', ')};`);
      return `${parts.join('').replace(/;$/, '')}. These are associations, not proof of cause.`;
    },
    title: (outcome, model) => `What goes with "${outcome}": ${model}`,
    formulaLine: (model, outcome, formula) => `${model} (${outcome}): ${formula}`,
    adjRSquared: 'adj. R²',
    logLik: 'log L',
    sheetTitle: 'Regression models',
    consoleHeader: ['term', 'estimate', 'std. error'],
    consoleThresholds: 'thresholds',
    rowsDropped: (n) => `${n} rows dropped (missing)`,
    consoleSe: 'SE',
    consoleMissing: 'missing',
    pooled: 'pooled',
    consoleTerm: 'term',
    waldTest: 'design-based Wald test of the group and interaction terms of the fully interacted model',
    equalityTest: 'test that the groups share coefficients',
    groupedNote: 'standard errors in parentheses; *** p<0.001, ** p<0.01, * p<0.05',
  },
} satisfies Record<Lang, RegressionWords>;

/** A regression's words in `lang`. */
export const regressionWords = (lang: Lang): RegressionWords => REGRESSION_WORDS[lang];
