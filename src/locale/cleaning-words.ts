import type { Lang } from './lang.js';

/** The words of the cleaning account: the report's 数据清洗 tables, the workbook's 清洗, 剔除明细 and 概览 sheets. */
export interface CleaningWords {
  /** The 发放/回收/有效/有效率 sentence; `rate` is formatted. */
  account: (distributed: number | null, returned: number, excluded: number, kept: number, rate: string) => string;
  handedOut: string;
  returned: string;
  setAside: string;
  valid: string;
  /** The lead of the k-th reason a questionnaire was set aside for, under 剔除 (其中：…). */
  ofWhich: (k: number) => string;
  flaggedKept: (n: number) => string;
  returnedTitle: string;
  questionnaires: string;
  count: string;
  ofReturned: string;
  returnedNote: (flagged: string) => string;
  issuesTitle: string;
  rule: string;
  issues: string;
  inValid: string;
  issuesNote: string;
  item: string;
  questionnairesColumn: string;
  flagged: string;
  summaryTitle: string;
  summaryNote: string;
  issuesSheetTitle: string;
  /** excluded.csv's `_reasons` cell (rule codes joined by `;`) for a reader: named in Chinese, the codes in English. */
  reasons: (codes: string, name: (code: string) => string) => string;
  reasonsHeader: (column: string) => string;
  firstRows: (n: number) => string;
  excludedNote: string;
  excludedTitle: (n: number) => string;
  handedOutFact: string;
  returnedFact: string;
  setAsideFact: string;
  validFact: string;
  validRate: string;
  analysedFact: string;
  weighting: string;
  kishDeff: string;
  effectiveN: string;
  value: string;
  sample: string;
  keyFindings: string;
}

export const CLEANING_WORDS = {
  zh: {
    account: (distributed, returned, excluded, kept, rate) => `本次调查${distributed === null ? '' : `发放问卷${distributed}份，`}回收${returned}份，经清洗剔除${excluded}份，有效问卷${kept}份，有效率${rate}。`,
    handedOut: '发放',
    returned: '回收',
    setAside: '剔除',
    valid: '有效',
    ofWhich: (k) => (k === 0 ? '\u3000其中：' : '\u3000\u3000\u3000'),
    flaggedKept: (n) => `有效问卷中${n}份被标记但保留（clean.csv 的 _flags 列）。`,
    returnedTitle: '数据清洗：问卷回收与剔除',
    questionnaires: '项目',
    count: '份数',
    ofReturned: '占回收',
    returnedNote: (flagged) => `剔除的问卷按首要原因各计一次，合计等于剔除份数；逐份原因见 excluded.csv。${flagged}`,
    issuesTitle: '数据清洗：逐项问题',
    rule: '规则',
    issues: '问题数',
    inValid: '其中在有效问卷中',
    issuesNote: '问题按答案或码本检查计（一份问卷可有多个），有问题的答案置为缺失或仅作提示，逐项见 issues.csv。',
    item: '项目',
    questionnairesColumn: '份数',
    flagged: '其中保留但标记',
    summaryTitle: '清洗汇总（份）',
    summaryNote: '剔除的问卷按首要原因各计一次，合计等于剔除份数',
    issuesSheetTitle: '逐项问题（见 issues.csv）',
    reasons: (codes, name) => codes.split(';').map(name).join('；'),
    reasonsHeader: () => '剔除原因',
    firstRows: (n) => `仅列出前${n}行，全部见 excluded.csv`,
    excludedNote: '原始单元格、原始行号（_source_row）与剔除原因（_reasons）',
    excludedTitle: (n) => `被剔除的问卷（${n}份）`,
    handedOutFact: '发放问卷（份）',
    returnedFact: '回收问卷（份）',
    setAsideFact: '剔除（份）',
    validFact: '有效问卷（份）',
    validRate: '有效率',
    analysedFact: '分析样本（份）',
    weighting: '加权方法',
    kishDeff: '加权设计效应（Kish）',
    effectiveN: '有效样本量',
    value: '数值',
    sample: '样本',
    keyFindings: '主要发现',
  },
  en: {
    account: (distributed, returned, excluded, kept, rate) => `${distributed === null ? '' : `${distributed} questionnaires were handed out; `}${returned} were returned, ${excluded} set aside in cleaning, ${kept} valid (${rate}).`,
    handedOut: 'Handed out',
    returned: 'Returned',
    setAside: 'Set aside',
    valid: 'Valid',
    ofWhich: () => '\u2003',
    flaggedKept: (n) => ` ${n} valid questionnaires are flagged but kept (clean.csv, column _flags).`,
    returnedTitle: 'Cleaning: questionnaires returned and set aside',
    questionnaires: 'Questionnaires',
    count: 'Count',
    ofReturned: 'Of returned',
    returnedNote: (flagged) => `Each set-aside questionnaire is counted once, under its first reason, so they add up to the total; every reason: excluded.csv.${flagged}`,
    issuesTitle: 'Cleaning: answer-level issues',
    rule: 'Rule',
    issues: 'Issues',
    inValid: 'In valid questionnaires',
    issuesNote: 'Counted per answer (a questionnaire may have several); the answer is set missing or only noted; every issue: issues.csv.',
    item: 'Item',
    questionnairesColumn: 'Questionnaires',
    flagged: 'of which flagged',
    summaryTitle: 'Cleaning summary (questionnaires)',
    summaryNote: 'Each set-aside questionnaire counted once, under its first reason',
    issuesSheetTitle: 'Answer-level issues (issues.csv)',
    // An English workbook keeps the rule codes, as excluded.csv has them.
    reasons: (codes) => codes,
    reasonsHeader: (column) => column,
    firstRows: (n) => `First ${n} rows; all are in excluded.csv`,
    excludedNote: 'Original cells, source row (_source_row) and reasons (_reasons)',
    excludedTitle: (n) => `Set-aside questionnaires (${n})`,
    handedOutFact: 'Questionnaires handed out',
    returnedFact: 'Returned',
    setAsideFact: 'Set aside',
    validFact: 'Valid',
    validRate: 'Valid rate',
    analysedFact: 'Responses analysed',
    weighting: 'Weighting',
    kishDeff: "Kish's design effect",
    effectiveN: 'Effective n',
    value: 'Value',
    sample: 'Sample',
    keyFindings: 'Key findings',
  },
} satisfies Record<Lang, CleaningWords>;

/** The cleaning account's words in `lang`. */
export const cleaningWords = (lang: Lang): CleaningWords => CLEANING_WORDS[lang];
