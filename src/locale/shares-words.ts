import type { Lang } from './lang.js';
import { REPORT_MARKS } from './report-marks.js';

/** An option or item with its share, formatted (幸福感, 55.2%). */
export interface LabelShare {
  label: string;
  share: string;
}

/** The grid of share items in words: highest and lowest, and which items differ between the two groups. */
export interface SharesGrid {
  items: number;
  answers: string;
  top: LabelShare;
  bottom: LabelShare;
  /** The two groups compared, when there are two. */
  difference?: { first: string; second: string };
  significant: readonly string[];
  notSignificant: readonly string[];
}

/** A multiple-response question in words. */
export interface MultiStory {
  label: string;
  n: number;
  responses: string;
  perCase: string;
  /** The three most chosen options, each quoted with its % of cases. */
  top: readonly string[];
  bottom: LabelShare;
  weightedTop?: LabelShare;
  /** The grouping variable's label, when the options were tested by group. */
  byLabel?: string;
  significant: readonly string[];
}

/** The words of shares and multiple-response questions: report sections and workbook sheets. */
export interface SharesWords {
  /** The answers a share counts, quoted and joined (“比较幸福”和“非常幸福”). */
  answers: (labels: readonly string[]) => string;
  points: string;
  difference: (claim: string, interval: string, p: string, significant: boolean) => string;
  overall: (name: string, answers: string, n: number, share: string, interval: string) => string;
  weighted: (share: string, interval: string) => string;
  group: (level: string, share: string) => string;
  groups: (each: readonly string[]) => string;
  methodNote: (interval: string, weightedInterval: string | null) => string;
  differenceColumn: (first: string, second: string) => string;
  gridTitle: (answers: string) => string;
  grid: (g: SharesGrid) => string;
  differenceNote: (first: string, second: string) => string;
  low: string;
  high: string;
  weightedLow: string;
  weightedHigh: string;
  deff: string;
  /** The shares sheet's note: Chinese names the interval methods, English gives their codes. */
  sheetNote: (values: readonly string[], interval: { code: string; name: string }, weighted: { code: string; name: string } | null) => string;
  itemsTitle: (n: number) => string;
  multi: {
    heading: string; responses: string; ofResponses: string; ofCases: string; total: string; weightedOfCases: string; test: string; pearson: string; raoScott: string;
  };
  multiStory: (s: MultiStory) => string;
  multiTitle: (label: string) => string;
  multiNote: (n: number, none: string | null, interval: string, weightedInterval: string | null) => string;
  multiByNote: (byLabel: string, test: string) => string;
  multiByTitle: (label: string, byLabel: string) => string;
  perOption: (byLabel: string, each: readonly string[]) => string;
}

const zhQuote = REPORT_MARKS.zh.quote;
const enQuote = REPORT_MARKS.en.quote;

export const SHARES_WORDS = {
  zh: {
    answers: (labels) => labels.map(zhQuote).join('和'),
    points: '个百分点',
    difference: (claim, interval, p, significant) => `${claim}（${interval}，p ${p}），${significant ? '差异在0.05水平上显著' : '差异在0.05水平上不显著'}。`,
    overall: (name, answers, n, share, interval) => `调查结果显示：对“${name}”回答${answers}的，占有效样本（${n}人）的${share}（95%置信区间：${interval}）。`,
    weighted: (share, interval) => `按总体结构加权后，这一比例为${share}（95%置信区间：${interval}）。`,
    group: (level, share) => `${level}为${share}`,
    groups: (each) => `分组看，${each.join('，')}。`,
    methodNote: (interval, weighted) => `置信区间：${interval}${weighted === null ? '' : `；加权：${weighted}（线性化标准误）`}`,
    differenceColumn: (first, second) => `${first}−${second}（百分点）`,
    gridTitle: (answers) => `各项回答“${answers}”的比例`,
    grid: (g) =>
      `${g.items}个题项中，回答“${g.answers}”的比例最高的是${zhQuote(g.top.label)}（${g.top.share}），最低的是${zhQuote(g.bottom.label)}（${g.bottom.share}）。` +
      (g.difference ? `${g.difference.first}与${g.difference.second}的差异在0.05水平上显著的有${g.significant.length}项${g.significant.length ? `：${g.significant.map(zhQuote).join('、')}` : ''}；不显著的有${g.notSignificant.length}项${g.notSignificant.length ? `：${g.notSignificant.map(zhQuote).join('、')}` : ''}。` : ''),
    differenceNote: (first, second) => `；p为${first}与${second}比例之差的检验`,
    low: '下限',
    high: '上限',
    weightedLow: '加权下限',
    weightedHigh: '加权上限',
    deff: '设计效应',
    sheetNote: (values, interval, weighted) => `“是”的回答：${values.join(' / ')}；区间：${interval.name}${weighted ? `，加权：${weighted.name}` : ''}`,
    itemsTitle: (n) => `${n}个题项`,
    multi: { heading: '多选题', responses: '响应数', ofResponses: '响应百分比', ofCases: '个案百分比', total: '合计', weightedOfCases: '加权个案百分比', test: '检验', pearson: 'χ²', raoScott: 'Rao-Scott F' },
    multiStory: (s) => [
      `“${s.label}”为多选题，回答的${s.n}人共选择${s.responses}项，人均${s.perCase}项。`,
      `选择比例（个案百分比）最高的是${s.top.join('、')}，最低的是${zhQuote(s.bottom.label)}（${s.bottom.share}）。`,
      s.weightedTop ? `按总体结构加权后，选择比例最高的是${zhQuote(s.weightedTop.label)}（${s.weightedTop.share}）。` : '',
      s.byLabel !== undefined ? `按“${s.byLabel}”分组逐项检验，选择比例在0.05水平上差异显著的选项有${s.significant.length}项${s.significant.length ? `：${s.significant.map(zhQuote).join('、')}` : ''}。` : '',
    ].join(''),
    multiTitle: (label) => `${label}（多选题）`,
    multiNote: (n, none, interval, weighted) => `回答人数 ${n}${none === null ? '' : `（其中未选任何选项 ${none}）`}；个案百分比之和可超过100%；置信区间：${interval}${weighted === null ? '' : `，加权：${weighted}`}`,
    multiByNote: (byLabel, test) => `个案百分比；每个选项单独检验选择比例与“${byLabel}”是否独立（${test}），未作多重比较校正`,
    multiByTitle: (label, byLabel) => `${label}：按${byLabel}`,
    perOption: (byLabel, each) => `逐项检验（按${byLabel}）：${each.join('；')}`,
  },
  en: {
    answers: (labels) => labels.map(enQuote).join(' or '),
    points: 'percentage points',
    difference: (claim, interval, p, significant) => `${claim} (${interval}, p ${p}); ${significant ? 'the difference is significant at the 0.05 level' : 'the difference is not significant at the 0.05 level'}.`,
    overall: (name, answers, n, share, interval) => `Of the ${n} valid answers to "${name}", ${share} were ${answers} (95% CI ${interval}).`,
    weighted: (share, interval) => `Weighted to the population, the share is ${share} (95% CI ${interval}).`,
    group: (level, share) => `${level} ${share}`,
    groups: (each) => `By group: ${each.join(', ')}.`,
    methodNote: (interval, weighted) => `Interval: ${interval}${weighted === null ? '' : `; weighted: ${weighted} (linearization SE)`}`,
    differenceColumn: (first, second) => `${first} − ${second} (pp)`,
    gridTitle: (answers) => `Share answering "${answers}", by item`,
    grid: (g) =>
      `Of ${g.items} items, the share answering "${g.answers}" is highest for ${enQuote(g.top.label)} (${g.top.share}) and lowest for ${enQuote(g.bottom.label)} (${g.bottom.share}).` +
      (g.difference ? ` ${g.difference.first} and ${g.difference.second} differ significantly at the 0.05 level on ${g.significant.length} item${g.significant.length === 1 ? '' : 's'}${g.significant.length ? ` (${g.significant.map(enQuote).join(', ')})` : ''} and not on ${g.notSignificant.length}${g.notSignificant.length ? ` (${g.notSignificant.map(enQuote).join(', ')})` : ''}.` : ''),
    differenceNote: (first, second) => `; p tests the ${first} − ${second} difference`,
    low: 'Low',
    high: 'High',
    weightedLow: 'Weighted low',
    weightedHigh: 'Weighted high',
    deff: 'Deff',
    sheetNote: (values, interval, weighted) => `Counted: ${values.join(' / ')}; interval: ${interval.code}${weighted ? `, weighted: ${weighted.code}` : ''}`,
    itemsTitle: (n) => `${n} items`,
    multi: { heading: 'Multiple response', responses: 'Responses', ofResponses: '% of responses', ofCases: '% of cases', total: 'Total', weightedOfCases: 'Weighted % of cases', test: 'Test', pearson: 'χ²', raoScott: 'Rao-Scott F' },
    multiStory: (s) => [
      `"${s.label}" is a multiple-response question: the ${s.n} respondents answering it chose ${s.responses} options, ${s.perCase} each on average.`,
      ` The most chosen: ${s.top.join(', ')}; the least: ${enQuote(s.bottom.label)} (${s.bottom.share}).`,
      s.weightedTop ? ` Weighted to the population, the most chosen is ${enQuote(s.weightedTop.label)} (${s.weightedTop.share}).` : '',
      s.byLabel !== undefined ? ` Tested option by option against ${s.byLabel}, ${s.significant.length} option${s.significant.length === 1 ? '' : 's'} differ${s.significant.length === 1 ? 's' : ''} at the 0.05 level${s.significant.length ? ` (${s.significant.map(enQuote).join(', ')})` : ''}.` : '',
    ].join(''),
    multiTitle: (label) => `${label} (multiple response)`,
    multiNote: (n, none, interval, weighted) => `n answering ${n}${none === null ? '' : ` (${none} chose none)`}; % of cases may sum to over 100%; interval: ${interval}${weighted === null ? '' : `, weighted: ${weighted}`}`,
    multiByNote: (byLabel, test) => `% of cases; each option tested for independence of ${byLabel} (${test}), without a multiple-comparison correction`,
    multiByTitle: (label, byLabel) => `${label} by ${byLabel}`,
    perOption: (byLabel, each) => `Per option, by ${byLabel}: ${each.join('; ')}`,
  },
} satisfies Record<Lang, SharesWords>;

/** The words of shares and multiple-response questions in `lang`. */
export const sharesWords = (lang: Lang): SharesWords => SHARES_WORDS[lang];
