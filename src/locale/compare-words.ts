import type { Lang } from './lang.js';
import { REPORT_MARKS } from './report-marks.js';

/** A change between two waves, its numbers already formatted (the interval as the report prints it). */
export interface ChangeFigures {
  from: string;
  to: string;
  earlier: string;
  later: string;
  up: boolean;
  size: string;
  /** A share's change (in percentage points), else a mean's or a coefficient's. */
  share: boolean;
  /** A mean's unit (元), said after the size in Chinese; English leaves it out. */
  unit: string;
  low: string;
  high: string;
  p: string;
  significant: boolean;
}

/** One row's change inside a list (a grid item, a crosstab cell, a group), without the levels. */
export interface ListedChange {
  /** Who changed: a quoted item, a group, a crosstab row's level. */
  name: string;
  up: boolean;
  size: string;
  share: boolean;
  low: string;
  high: string;
  p: string;
  significant: boolean;
}

/** How a setting's name is said: a variable by its words, a cleaning rule by its name. */
export interface SettingNamers {
  variable: (name: string) => string;
  rule: (rule: string) => string;
}

/** The words of a wave comparison: the report's 与上年比较 section, the workbook's 跨年比较 sheet and the reasons rows are not comparable. */
export interface CompareWords {
  /** A codebook change's kind (CodebookChangeKind). */
  kinds: Readonly<Record<'added' | 'removed' | 'reworded' | 'type' | 'order' | 'choice-added' | 'choice-removed' | 'recoded' | 'relabelled' | 'missing-codes' | 'range' | 'skip-logic' | 'derived', string>>;
  /** A value that is not there (a question only one wave has). */
  none: string;
  /** The variable a change is about, before its kind: a code gets a space, a Chinese name none. */
  subject: (named: string, isCode: boolean) => string;
  /** Between a setting and its values: a Chinese name takes ：, a code `: `. */
  settingSeparator: (isCode: boolean) => string;
  noCodebook: string;
  changeMatters: string;
  recoded: (variable: string, spacedVariable: string, from: string, codes: string) => string;
  stated: (variable: string, spacedVariable: string, reason: string) => string;
  /** A cleaning or weighting setting in words (Chinese), or as is (English). */
  setting: (setting: string, names: SettingNamers) => string;
  notComparable: string;
  significant: string;
  notSignificant: string;
  change: (c: ChangeFigures) => string;
  noCodebookFor: (from: string) => string;
  questionnaireChanged: (from: string, changes: readonly string[]) => string;
  questionnaireUnchanged: (from: string) => string;
  cleaningDiffers: (changes: readonly string[]) => string;
  weightingDiffers: (changes: readonly string[]) => string;
  crosstabName: (table: string) => string;
  crosstabCell: (c: ListedChange & { answer: string }) => string;
  crosstabSummary: (table: string, usable: number, from: string, changed: readonly string[]) => string;
  notCompared: (what: string, reasons: readonly string[]) => string;
  termChange: (code: string, words: string | null, change: string) => string;
  modelSummary: (m: { outcome: string; modelName: string; model?: string | null; formula?: string | null; terms: number; changed: readonly string[] }) => string;
  shareOf: (variable: string, answers: string) => string;
  alphaOf: (scale?: string | null) => string;
  meanOf: (variable: string) => string;
  statisticOf: (label: string, statistic: string) => string;
  weightedAside: string;
  groupChange: (c: ListedChange) => string;
  overall: (what: string, basis: string, change: string, groups: readonly string[]) => string;
  itemChange: (c: ListedChange) => string;
  notComparableItem: (name: string, reasons: readonly string[]) => string;
  gridSummary: (g: { items: number; answers: string; from: string; changed: readonly string[]; steady: number; broken: readonly string[] }) => string;
  trendTitle: (label: string) => string;
  allGroups: string;
  shareAxis: string;
  meanAxis: string;
  indicator: string;
  group: string;
  changeHead: string;
  ci: string;
  verdict: string;
  modelTerm: string;
  weightedBasis: string;
  method: (basis: string, from: string, to: string) => string;
  estimatesTitle: (from: string) => string;
  termsTitle: (from: string) => string;
  basis: string;
  se: string;
  seOfChange: string;
  low: string;
  high: string;
  notes: string;
  weighted: string;
  unweighted: string;
  sheetTitle: (from: string, to: string) => string;
  sheetNote: string;
  questionnaireChanges: (from: string, to: string) => string;
  cleaningDifferences: string;
  weightingDifferences: string;
  /** A wave named by its year (2025年 / 2025). */
  year: (year: string) => string;
}

const zhMarks = REPORT_MARKS.zh;
const enMarks = REPORT_MARKS.en;
const upDown = (up: boolean) => (up ? '上升' : '下降');

export const COMPARE_WORDS = {
  zh: {
    kinds: {
      added: '新增题目', removed: '删除题目', reworded: '题目措辞变化', type: '题型变化', order: '选项顺序性变化',
      'choice-added': '新增选项', 'choice-removed': '删除选项', recoded: '选项重新编码', relabelled: '选项标签变化',
      'missing-codes': '缺失值编码变化', range: '取值范围变化', 'skip-logic': '跳答逻辑变化', derived: '派生变量表达式变化',
    },
    none: '（无）',
    subject: (named, isCode) => (isCode ? `${named} ` : named),
    settingSeparator: (isCode) => (isCode ? ': ' : '：'),
    noCodebook: '缺少码本，未检查可比性',
    changeMatters: '（不影响可比性，请留意）',
    recoded: (_variable, spaced, from, codes) => `${from}的${spaced}按计划的映射重新编码后比较：${codes}`,
    stated: (_variable, spaced, reason) => `计划说明${spaced}可比：${reason}`,
    setting: (setting, names) => {
      if (setting === 'targets.total') return '总体人数';
      const target = /^targets\.([^=]+)=(.*)$/.exec(setting);
      if (target) return `总体中“${names.variable(target[1])}”为“${target[2]}”的人数`;
      const rule = /^([^.]+)\.(.+)$/.exec(setting);
      if (rule && !rule[1].startsWith('targets')) return `“${names.rule(rule[1])}”规则的${rule[2]}`;
      return setting;
    },
    notComparable: '不可比',
    significant: '显著',
    notSignificant: '不显著',
    change: (c) => {
      const points = c.share ? '个百分点' : '';
      return `由${c.from}的${c.earlier}${upDown(c.up)}到${c.to}的${c.later}，${upDown(c.up)}${c.size}${points}${c.unit}（变化的95%置信区间：${c.low}至${c.high}${points}，p ${c.p}），差异${c.significant ? '显著' : '不显著'}`;
    },
    noCodebookFor: (from) => `${from}的码本不可得，未检查问卷的可比性。`,
    questionnaireChanged: (from, changes) => `与${from}相比，问卷有以下变化：${changes.join('；')}。题目措辞或选项有变化的指标不作比较，除非计划说明其可比。`,
    questionnaireUnchanged: (from) => `与${from}相比，问卷题目和选项没有变化。`,
    cleaningDiffers: (changes) => `两次调查的清洗规则不同：${changes.join('；')}。`,
    weightingDiffers: (changes) => `加权设置或总体目标不同：${changes.join('；')}。`,
    crosstabName: (table) => `交叉表“${table}”`,
    crosstabCell: (c) => `${c.name}回答“${c.answer}”的比例${upDown(c.up)}${c.size}个百分点（95%置信区间：${c.low}至${c.high}，p ${c.p}）`,
    crosstabSummary: (table, usable, from, changed) => `交叉表“${table}”的${usable}个行内比例（不加权）中，与${from}相比差异显著的有${changed.length}个${changed.length ? `：${changed.join('；')}` : ''}。`,
    notCompared: (what, reasons) => `${what}：${reasons.join('；')}，不作比较。`,
    termChange: (code, words, change) => `${words === null ? code : `“${words}”的`}系数${change}`,
    modelSummary: (m) => `以“${m.outcome}”为因变量的${m.modelName}的${m.terms}个系数中，${m.changed.length ? `变化显著的有${m.changed.length}个：${m.changed.join('；')}` : '没有显著变化的'}。`,
    shareOf: (variable, answers) => `对${zhMarks.quote(variable)}回答${zhMarks.quote(answers)}的比例`,
    alphaOf: (scale) => `${zhMarks.quote(scale ?? '量表')}量表的Cronbach's α系数`,
    meanOf: (variable) => `${zhMarks.quote(variable)}的均值`,
    statisticOf: (label, statistic) => `${zhMarks.quote(label)}的${statistic}`,
    weightedAside: '（加权）',
    groupChange: (c) => `${c.name}${upDown(c.up)}${c.size}${c.share ? '个百分点' : ''}（${c.significant ? '显著' : '不显著'}）`,
    overall: (what, basis, change, groups) => `${what}${basis}${change}。${groups.length ? `分组看，${groups.join('，')}。` : ''}`,
    itemChange: (c) => `${c.name}${upDown(c.up)}${c.size}${c.share ? '个百分点' : ''}（95%置信区间：${c.low}至${c.high}，p ${c.p}）`,
    notComparableItem: (name, reasons) => `${name}（${reasons.join('；')}）`,
    gridSummary: (g) =>
      `${g.items}个题项回答${zhMarks.quote(g.answers)}的比例中，与${g.from}相比差异显著的有${g.changed.length}项${g.changed.length ? `：${g.changed.join('；')}` : ''}；差异不显著的有${g.steady}项${g.broken.length ? `；不可比、未作比较的有${g.broken.length}项：${g.broken.join('、')}` : ''}。`,
    // A question ending in ？ gets no second punctuation mark before the suffix.
    trendTitle: (label) => `${label.replace(/[？?：:。]$/, '')}：历次调查`,
    allGroups: '全体',
    shareAxis: '比例 (%)',
    meanAxis: '均值',
    indicator: '指标',
    group: '组别',
    changeHead: '变化',
    ci: '95%置信区间',
    verdict: '结论',
    modelTerm: '模型：项',
    weightedBasis: '比例和均值为加权估计；',
    method: (basis, from, to) => `注：${basis}变化 = ${to} − ${from}，比例的变化单位为百分点。两次调查为独立样本，变化的标准误为两次估计标准误的平方和的平方根（加权估计用正态检验，与R svycontrast一致；不加权比例用prop.test，不加权均值用Welch t检验）。`,
    estimatesTitle: (from) => `主要指标与${from}比较`,
    termsTitle: (from) => `模型系数与${from}比较`,
    basis: '估计',
    se: '标准误',
    seOfChange: '变化的标准误',
    low: '95%下限',
    high: '95%上限',
    notes: '说明',
    weighted: '加权',
    unweighted: '不加权',
    sheetTitle: (from, to) => `${to}与${from}比较`,
    sheetNote: '变化 = 后一次 − 前一次；比例的变化以百分点计（格式为%）。两次调查为独立样本：变化的标准误 = √(SE₁² + SE₂²)。',
    questionnaireChanges: (from, to) => `问卷变化（${from} → ${to}）`,
    cleaningDifferences: '清洗规则的差异',
    weightingDifferences: '加权的差异',
    year: (year) => `${year}年`,
  },
  en: {
    kinds: {
      added: 'question added', removed: 'question removed', reworded: 'question reworded', type: 'question type changed', order: 'answer order changed',
      'choice-added': 'answer added', 'choice-removed': 'answer removed', recoded: 'answer recoded', relabelled: 'answer relabelled',
      'missing-codes': 'missing codes changed', range: 'range changed', 'skip-logic': 'skip logic changed', derived: 'derived expression changed',
    },
    none: '(none)',
    subject: (named) => `${named} `,
    settingSeparator: () => ': ',
    noCodebook: 'no codebook for one wave: comparability not checked',
    changeMatters: ' (does not break comparability; note it)',
    recoded: (variable, _spaced, from, codes) => `${variable} of ${from} recoded by the plan's mapping before comparing: ${codes}`,
    stated: (variable, _spaced, reason) => `the plan states ${variable} comparable: ${reason}`,
    setting: (setting) => setting,
    notComparable: 'not comparable',
    significant: 'significant',
    notSignificant: 'not significant',
    change: (c) => {
      const ci = c.share ? `${c.low} to ${c.high} points` : `${c.low} to ${c.high}`;
      return `${c.up ? 'rose' : 'fell'} from ${c.earlier} in ${c.from} to ${c.later} in ${c.to}, ${c.up ? 'up' : 'down'} ${c.size}${c.share ? ' percentage points' : ''} (95% CI of the change ${ci}, p ${c.p}); the change is ${c.significant ? '' : 'not '}significant`;
    },
    noCodebookFor: (from) => `No codebook for ${from}: comparability was not checked.`,
    questionnaireChanged: (from, changes) => `Changes to the questionnaire since ${from}: ${changes.join('; ')}. Estimates whose wording or answers changed are not compared unless the plan states them comparable.`,
    questionnaireUnchanged: (from) => `The questionnaire is unchanged since ${from}.`,
    cleaningDiffers: (changes) => `Cleaning differs: ${changes.join('; ')}.`,
    weightingDiffers: (changes) => `Weighting differs: ${changes.join('; ')}.`,
    crosstabName: (table) => `Crosstab "${table}"`,
    crosstabCell: (c) => `"${c.answer}" in ${c.name} ${c.up ? 'up' : 'down'} ${c.size} points (95% CI ${c.low} to ${c.high}, p ${c.p})`,
    crosstabSummary: (table, usable, from, changed) => `Of the ${usable} row shares (unweighted) of the crosstab "${table}", ${changed.length} changed significantly since ${from}${changed.length ? `: ${changed.join('; ')}` : ''}.`,
    notCompared: (what, reasons) => `${what}: ${reasons.join('; ')}; not compared.`,
    termChange: (code, _words, change) => `${code} ${change}`,
    modelSummary: (m) => `Of the ${m.terms} coefficients of the ${m.model} model (${m.formula}), ${m.changed.length ? `${m.changed.length} changed significantly: ${m.changed.join('; ')}` : 'none changed significantly'}.`,
    shareOf: (variable, answers) => `The share answering ${enMarks.quote(answers)} to ${enMarks.quote(variable)}`,
    alphaOf: (scale) => `Cronbach's α of the ${enMarks.quote(scale ?? 'scale')} scale`,
    meanOf: (variable) => `The mean of ${enMarks.quote(variable)}`,
    statisticOf: (label, statistic) => `The ${statistic} of ${enMarks.quote(label)}`,
    weightedAside: ' (weighted)',
    groupChange: (c) => `${c.name} ${c.up ? 'up' : 'down'} ${c.size}${c.share ? ' points' : ''} (${c.significant ? 'significant' : 'not significant'})`,
    overall: (what, basis, change, groups) => `${what}${basis} ${change}.${groups.length ? ` By group: ${groups.join(', ')}.` : ''}`,
    itemChange: (c) => `${c.name}${c.up ? ' up ' : ' down '}${c.size}${c.share ? ' points' : ''} (95% CI ${c.low} to ${c.high}, p ${c.p})`,
    notComparableItem: (name, reasons) => `${name} (${reasons.join('; ')})`,
    gridSummary: (g) =>
      `Of ${g.items} items (share answering ${enMarks.quote(g.answers)}), ${g.changed.length} changed significantly since ${g.from}${g.changed.length ? `: ${g.changed.join('; ')}` : ''}; ${g.steady} did not${g.broken.length ? `; ${g.broken.length} are not comparable: ${g.broken.join(', ')}` : ''}.`,
    trendTitle: (label) => `${label.replace(/[?:.]$/, '')}: all waves`,
    allGroups: 'All',
    shareAxis: 'Share (%)',
    meanAxis: 'Mean',
    indicator: 'Indicator',
    group: 'Group',
    changeHead: 'Change',
    ci: '95% CI',
    verdict: 'Verdict',
    modelTerm: 'Model: term',
    weightedBasis: 'shares and means weighted; ',
    method: (basis, from, to) => `Note: ${basis}change = ${to} − ${from}, in percentage points for shares. The waves are independent samples: SE of the change = √(SE₁² + SE₂²) (normal test for design-based estimates, as R svycontrast; prop.test for unweighted shares, Welch's t test for unweighted means).`,
    estimatesTitle: (from) => `Estimates compared with ${from}`,
    termsTitle: (from) => `Model coefficients compared with ${from}`,
    basis: 'Basis',
    se: 'SE',
    seOfChange: 'SE of change',
    low: '95% low',
    high: '95% high',
    notes: 'Notes',
    weighted: 'weighted',
    unweighted: 'unweighted',
    sheetTitle: (from, to) => `${to} compared with ${from}`,
    sheetNote: 'Change = later − earlier; shares and their changes as percentages (percentage points). Independent samples: SE of the change = √(SE₁² + SE₂²).',
    questionnaireChanges: (from, to) => `Questionnaire changes (${from} → ${to})`,
    cleaningDifferences: 'Cleaning differences',
    weightingDifferences: 'Weighting differences',
    year: (year) => year,
  },
} satisfies Record<Lang, CompareWords>;

/** The comparison's words in `lang`. */
export const compareWords = (lang: Lang): CompareWords => COMPARE_WORDS[lang];
