import type { Lang } from './lang.js';

const DIGITS = '〇一二三四五六七八九';

/** A chapter number as Chinese writes it: 一 … 十, 十一 … 九十九. */
function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${n % 10 ? DIGITS[n % 10] : ''}`;
}

/** The weighting paragraph's figures, formatted. */
export interface WeightingFacts {
  targets: string;
  method: string;
  trim: string;
  min: string;
  max: string;
  deff: string;
  effectiveN: string;
}

/** The reliability paragraph's figures, formatted; `verdict` is alphaVerdict's words, or empty. */
export interface ReliabilityFacts {
  scale: string;
  items: number;
  n: number;
  alpha: string;
  standardized: string;
  verdict: string;
  kmo: string;
  df: number;
  chi2: string;
  p: string;
}

/** The words of the report's smaller sections: chapters, cover, 摘要, weighting, sample profile, crosstab, means, reliability, frequencies. */
export interface SectionWords {
  /** A chapter heading with its number: 一、调研基本情况 / 1. About the survey. */
  chapter: (k: number, title: string) => string;
  /** The first sentence of a paragraph (to 。 in Chinese, to ". " in English), else all of it. */
  firstSentence: (text: string) => string;
  /** The sample sentence of the 摘要 followed by the lead-in of its numbered findings. */
  findingsLead: (sample: string | null) => string;
  cover: { heading: string; number: string; category: string; project: string; leader: string; unit: string; date: string };
  /** An ISO date as a 填表日期 reads (2025年6月30日); anything else as written. */
  coverDate: (date: string, iso: readonly [year: string, month: string, day: string] | null) => string;
  rakeMethod: (name: string, iterations: number) => string;
  trimmed: (low: string, high: string) => string;
  weighting: (f: WeightingFacts) => string;
  weightingColumns: readonly string[];
  weightingTitle: string;
  meanSd: string;
  profileTitle: (groups: string) => string;
  profileNote: string;
  /** A count with its row or column percentage: 120（35.2%） / 120 (35.2%). */
  countShare: (count: string, share: string) => string;
  crosstab: (rowName: string, colName: string, test: string, significant: boolean, lowExpected: number) => string;
  rowPercentages: string;
  unit: (unit: string) => string;
  meansDifference: (name: string, claim: string, interval: string, test: string, p: string, significant: boolean) => string;
  reliability: (f: ReliabilityFacts) => string;
  alphaBands: string;
  frequencyNote: (total: number, valid: number) => string;
  /** A numbered table or figure caption: 表3 … / Table 3. … */
  caption: (kind: 'table' | 'figure', n: number, title: string) => string;
  /** The totals, quantiles and ratio tables. */
  estimates: { value: string; total: string; prob: string; quantile: string; ratio: string; sampleTotal: string; woodruff: string };
}

export const SECTION_WORDS = {
  zh: {
    chapter: (k, title) => `${chineseNumber(k)}、${title}`,
    firstSentence: (text) => {
      const end = text.indexOf('。');
      return end < 0 ? text : text.slice(0, end + 1);
    },
    findingsLead: (sample) => `${sample ?? ''}主要发现如下：`,
    cover: { heading: '结项报告', number: '立项编号', category: '项目类别', project: '项目名称', leader: '项目负责人', unit: '所在单位', date: '填表日期' },
    coverDate: (date, iso) => (iso ? `${iso[0]}年${Number(iso[1])}月${Number(iso[2])}日` : date),
    rakeMethod: (name, iterations) => `${name}（${iterations}轮）`,
    trimmed: (low, high) => `，权数截尾于[${low}, ${high}]`,
    weighting: (f) => `为使样本结构与总体一致，按${f.targets}的总体结构对有效样本进行${f.method}加权${f.trim}。权数最小${f.min}、最大${f.max}，加权设计效应（Kish）${f.deff}，有效样本量${f.effectiveN}。下文比例和均值同时给出不加权与加权结果。`,
    weightingColumns: ['变量', '类别', '样本量', '样本占比', '总体占比', '加权后占比'],
    weightingTitle: '加权前后的样本结构',
    meanSd: '均值（标准差）',
    profileTitle: (groups) => `样本概况${groups ? `（${groups}）` : ''}`,
    profileNote: '分类变量为人数（列百分比），数值变量为均值（标准差）；不加权。',
    countShare: (count, share) => `${count}（${share}）`,
    crosstab: (rowName, colName, test, significant, lowExpected) => `“${rowName}”与“${colName}”的交叉分析（${test}）显示，两者${significant ? '显著相关' : '未见显著相关'}（0.05水平）。${lowExpected ? `有${lowExpected}个单元格期望频数小于5，χ²近似可能不准。` : ''}`,
    rowPercentages: '括号内为行百分比',
    unit: (unit) => `单位：${unit}`,
    meansDifference: (name, claim, interval, test, p, significant) => `“${name}”的均值，${claim}（${interval}，${test}，p ${p}），${significant ? '差异显著' : '差异不显著'}。`,
    reliability: (f) => `“${f.scale}”共${f.items}题，完整回答${f.n}人，Cronbach's α = ${f.alpha}（标准化α = ${f.standardized}）${f.verdict ? `，按常用标准${f.verdict}` : ''}；KMO = ${f.kmo}，Bartlett球形检验 χ²(${f.df}) = ${f.chi2}，p ${f.p}。`,
    alphaBands: '注：α<0.6为偏低，0.6～0.7为可接受，0.7～0.8为较好，≥0.8为良好（社会科学常用标准）。',
    frequencyNote: (total, valid) => `样本量 ${total}，有效 ${valid}`,
    caption: (kind, n, title) => `${kind === 'table' ? '表' : '图'}${n} ${title}`,
    estimates: { value: '类别', total: '总量', prob: '分位点', quantile: '分位数', ratio: '比值', sampleTotal: '注：未加权，总量为样本合计。', woodruff: '注：置信区间为 Woodruff 区间。' },
  },
  en: {
    chapter: (k, title) => `${k}. ${title}`,
    firstSentence: (text) => {
      const end = text.search(/\.\s/);
      return end < 0 ? text : text.slice(0, end + 1);
    },
    findingsLead: (sample) => `${sample ?? ''}${sample ? ' ' : ''}The main findings:`,
    cover: { heading: 'Final Report', number: 'Project number', category: 'Category', project: 'Project', leader: 'Principal investigator', unit: 'Institution', date: 'Date' },
    coverDate: (date) => date,
    rakeMethod: (name, iterations) => `${name} (${iterations} iterations)`,
    trimmed: (low, high) => `, trimmed to [${low}, ${high}]`,
    weighting: (f) => `To match the population, the valid sample was weighted by ${f.method} on ${f.targets}${f.trim}. Weights range from ${f.min} to ${f.max}; Kish's design effect is ${f.deff} (effective n ${f.effectiveN}). Shares and means below are given unweighted and weighted.`,
    weightingColumns: ['Variable', 'Level', 'n', 'Sample share', 'Population share', 'Weighted share'],
    weightingTitle: 'Sample structure before and after weighting',
    meanSd: 'Mean (SD)',
    profileTitle: (groups) => `Sample profile${groups ? ` (${groups})` : ''}`,
    profileNote: 'Categorical: count (column %); numeric: mean (SD); unweighted.',
    countShare: (count, share) => `${count} (${share})`,
    crosstab: (rowName, colName, test, significant, lowExpected) => `"${rowName}" by "${colName}" (${test}): the two are ${significant ? '' : 'not '}significantly associated at the 0.05 level.${lowExpected ? ` ${lowExpected} cells have expected counts below 5.` : ''}`,
    rowPercentages: 'Row percentages in brackets',
    unit: (unit) => `Unit: ${unit}`,
    meansDifference: (name, claim, interval, test, p, significant) => `The mean of "${name}": ${claim} (${interval}, ${test}, p ${p}); the difference is ${significant ? '' : 'not '}significant.`,
    reliability: (f) => `"${f.scale}": ${f.items} items, ${f.n} complete answers, Cronbach's α = ${f.alpha} (standardized ${f.standardized})${f.verdict ? `; by the usual bands, ${f.verdict}` : ''}; KMO = ${f.kmo}, Bartlett χ²(${f.df}) = ${f.chi2}, p ${f.p}.`,
    alphaBands: 'Note: α < 0.6 low, 0.6–0.7 acceptable, 0.7–0.8 good, ≥ 0.8 very good (the usual social-science bands).',
    frequencyNote: (total, valid) => `n = ${total}, valid ${valid}`,
    caption: (kind, n, title) => `${kind === 'table' ? 'Table' : 'Figure'} ${n}. ${title}`,
    estimates: { value: 'Category', total: 'Total', prob: 'p', quantile: 'Quantile', ratio: 'Ratio', sampleTotal: 'Note: unweighted; totals are sample sums.', woodruff: 'Note: Woodruff confidence intervals.' },
  },
} satisfies Record<Lang, SectionWords>;

/** The smaller sections' words in `lang`. */
export const sectionWords = (lang: Lang): SectionWords => SECTION_WORDS[lang];

