import type { Lang } from './lang.js';

/** A comparison a skip condition can make, as the paper form words it. */
export type ComparisonOperator = '>=' | '>' | '<=' | '<' | '!=';

/**
 * The words of the printed questionnaire (`survey form`): its fixed lines, and the skip
 * instructions built from a question's `relevant:`. Chinese and English put the question number
 * and the condition in different places (第5题选1 / Q5 is 1), so each instruction is a function.
 */
export interface PaperWords {
  formNo: string;
  intro: string;
  multi: string;
  rank: string;
  range: string;
  item: string;
  no: string;
  grid: string;
  end: string;
  /** The blanks a date question prints. */
  dateBlank: string;
  /** The k-th place of a ranking (第1位, 1.). */
  rankPlace: (k: number) => string;
  /** A question named by its number (第5题, Q5). */
  question: (n: number) => string;
  /** Question n's answer is one of `codes`: chosen (a choice question) or written (a number). */
  isOneOf: (n: number, codes: readonly string[], isChoice: boolean) => string;
  /** Question n (a multi-select) has `code` among its answers. */
  includes: (n: number, code: string) => string;
  /** Question n's answer compared with a value. */
  compares: (n: number, operator: ComparisonOperator, value: string) => string;
  /** Two conditions joined by and / or. */
  joined: (left: string, operator: 'and' | 'or', right: string) => string;
  /** Who answers, the condition in words. */
  answerIf: (condition: string) => string;
  /** Who answers, the condition as an expression (the shapes with no words). */
  answerOnlyIf: (expression: string) => string;
  /** Where the other codes of a question jump to: question `target`, or the end when null. */
  jump: (codes: readonly string[], target: number | null) => string;
}

const ZH_OPERATOR: Record<ComparisonOperator, string> = { '>=': '答案大于等于', '>': '答案大于', '<=': '答案小于等于', '<': '答案小于', '!=': '未选' };
const EN_OPERATOR: Record<ComparisonOperator, string> = { '>=': 'at least', '>': 'over', '<=': 'at most', '<': 'under', '!=': 'other than' };

const PAPER_WORDS = {
  zh: {
    formNo: '问卷编号：',
    intro: '请在所选答案的代码前的“□”内打“√”，或在横线上填写。',
    multi: '（可多选）',
    rank: '（请按顺序填写代码）',
    range: '范围',
    item: '项目',
    no: '题号',
    grid: '以下各项每行选一项',
    end: '问卷到此结束，谢谢您的合作！',
    dateBlank: '______年____月____日',
    rankPlace: (k) => `第${k}位`,
    question: (n) => `第${n}题`,
    isOneOf: (n, codes, isChoice) => `第${n}题${isChoice ? '选' : '填'}${codes.join('或')}`,
    includes: (n, code) => `第${n}题选了${code}`,
    compares: (n, operator, value) => `第${n}题${ZH_OPERATOR[operator]}${value}`,
    joined: (left, operator, right) => `${left}${operator === 'and' ? '且' : '或'}${right}`,
    answerIf: (condition) => `（回答${condition}者填答）`,
    answerOnlyIf: (expression) => `（仅当 ${expression} 时回答）`,
    jump: (codes, target) => `（选${codes.join('或')}者跳答至${target ? `第${target}题` : '问卷结束'}）`,
  },
  en: {
    formNo: 'Questionnaire no.: ',
    intro: 'Tick the box of the answer chosen, or write on the line.',
    multi: ' (tick all that apply)',
    rank: ' (write the codes in order)',
    range: 'range',
    item: 'Item',
    no: 'No.',
    grid: 'one answer per row',
    end: 'End of the questionnaire. Thank you!',
    dateBlank: '____ (year) __ (month) __ (day)',
    rankPlace: (k) => `${k}.`,
    question: (n) => `Q${n}`,
    isOneOf: (n, codes) => `Q${n} is ${codes.join(' or ')}`,
    includes: (n, code) => `Q${n} includes ${code}`,
    compares: (n, operator, value) => `Q${n} is ${EN_OPERATOR[operator]} ${value}`,
    joined: (left, operator, right) => `${left} ${operator} ${right}`,
    answerIf: (condition) => `(Answer if ${condition})`,
    answerOnlyIf: (expression) => `(Answer only if ${expression})`,
    jump: (codes, target) => `(If ${codes.join(' or ')}, go to ${target ? `Q${target}` : 'the end'})`,
  },
} satisfies Record<Lang, PaperWords>;

/** Whether an operator is one the paper form words (the others fall back to the expression). */
export const isComparisonOperator = (operator: string): operator is ComparisonOperator => Object.hasOwn(ZH_OPERATOR, operator);

/** The printed questionnaire's words in one language. */
export function paperWords(lang: Lang): PaperWords {
  return PAPER_WORDS[lang];
}
