import type { Lang } from './lang.js';

/**
 * Why the collection form refuses an answer (check-answers.ts). Every problem carries both
 * languages — the browser shows the enumerator's, the API answers with both — so a check builds
 * its message from each table.
 */
export interface AnswerWords {
  notAChoice: (raw: string, question: string) => string;
  notAList: (question: string) => string;
  givenTwice: (item: string) => string;
  notANumber: (raw: string) => string;
  notADate: string;
  notText: string;
  tooLong: (max: number) => string;
  unknownQuestion: (name: string) => string;
  notAsked: (question: string, relevant: string | undefined) => string;
  required: (question: string) => string;
  outOfRange: (value: number, low: number, high: number) => string;
  breaksConstraint: (value: string, constraint: string | undefined) => string;
}

const ANSWER_WORDS = {
  zh: {
    notAChoice: (raw) => `“${raw}”不是本题的选项`,
    notAList: () => '应为选项列表',
    givenTwice: () => '选项重复',
    notANumber: (raw) => `“${raw}”不是数字`,
    notADate: '日期格式应为 2025-03-14 或 2025-03-14T09:30',
    notText: '应为文字',
    tooLong: (max) => `不能超过 ${max} 字`,
    unknownQuestion: (name) => `问卷中没有 ${name} 这一题`,
    notAsked: () => '按跳转逻辑本题不应回答',
    required: () => '本题必答',
    outOfRange: (_value, low, high) => `应在 ${low} 到 ${high} 之间`,
    breaksConstraint: (_value, constraint) => `不符合条件：${constraint}`,
  },
  en: {
    notAChoice: (raw, question) => `"${raw}" is not a choice of ${question}`,
    notAList: (question) => `expected a list of choices for ${question}`,
    givenTwice: (item) => `choice ${item} given twice`,
    notANumber: (raw) => `"${raw}" is not a number`,
    notADate: 'expected a date like 2025-03-14 or 2025-03-14T09:30',
    notText: 'expected text',
    tooLong: (max) => `longer than ${max} characters`,
    unknownQuestion: (name) => `the questionnaire has no question ${name}`,
    notAsked: (question, relevant) => `${question} is answered although not asked (relevant: ${relevant})`,
    required: (question) => `${question} is required`,
    outOfRange: (value, low, high) => `${value} is outside the range [${low}, ${high}]`,
    breaksConstraint: (value, constraint) => `${value} breaks the constraint ${constraint}`,
  },
} satisfies Record<Lang, AnswerWords>;

/** An answer problem's message in both languages, from one wording picked out of each table. */
export function answerMessages(words: (w: AnswerWords) => string): { message: string; messageEn: string } {
  return { message: words(ANSWER_WORDS.zh), messageEn: words(ANSWER_WORDS.en) };
}

/** The answer checks' words in one language. */
export function answerWords(lang: Lang): AnswerWords {
  return ANSWER_WORDS[lang];
}
