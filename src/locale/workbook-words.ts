import type { Lang } from './lang.js';

/** The words of the workbook's sheets that have no report section of their own: 样本概况, 码本, 数据, 交叉表, 信度. */
export interface WorkbookWords {
  all: string;
  item: string;
  answer: string;
  mean: string;
  sd: string;
  profileTitle: (levels: readonly string[]) => string;
  profileNote: string;
  codebookHeaders: readonly string[];
  ordered: string;
  codebookTitle: (id: string) => string;
  derivedHeaders: readonly string[];
  derivedTitle: string;
  sourceRow: string;
  total: string;
  rowPercentages: string;
  statistic: string;
  value: string;
  standardizedAlpha: string;
  completeAnswers: string;
}

export const WORKBOOK_WORDS = {
  zh: {
    all: '全部',
    item: '题项',
    answer: '选项',
    mean: '均值',
    sd: '标准差',
    profileTitle: (levels) => `样本概况${levels.length ? `（${levels.join('/')}）` : ''}`,
    profileNote: '不加权；数值变量为均值与标准差',
    codebookHeaders: ['变量名', '题目', '类型', '选项编码', '缺失编码', '取值范围', '题组', '跳题条件', '约束'],
    ordered: '（有序）',
    codebookTitle: (id) => `码本: ${id}`,
    derivedHeaders: ['变量名', '标签', '表达式'],
    derivedTitle: '派生变量',
    sourceRow: '原始行号',
    total: '合计',
    rowPercentages: '百分比为行百分比',
    statistic: '指标',
    value: '数值',
    standardizedAlpha: '标准化α',
    completeAnswers: '完整回答人数',
  },
  en: {
    all: 'All',
    item: 'Item',
    answer: 'Answer',
    mean: 'Mean',
    sd: 'SD',
    // The English title does not list the groups.
    profileTitle: () => 'Sample profile',
    profileNote: 'Unweighted; numeric variables as mean and SD',
    codebookHeaders: ['Name', 'Question', 'Type', 'Codes', 'Missing codes', 'Range', 'Group', 'Asked when', 'Constraint'],
    ordered: ' (ordered)',
    codebookTitle: (id) => `Codebook: ${id}`,
    derivedHeaders: ['Name', 'Label', 'Expression'],
    derivedTitle: 'Derived variables',
    sourceRow: 'Source row',
    total: 'Total',
    rowPercentages: 'Percentages are row percentages',
    statistic: 'Statistic',
    value: 'Value',
    standardizedAlpha: 'Standardized α',
    completeAnswers: 'Complete answers',
  },
} satisfies Record<Lang, WorkbookWords>;

/** The workbook sheets' words in `lang`. */
export const workbookWords = (lang: Lang): WorkbookWords => WORKBOOK_WORDS[lang];
