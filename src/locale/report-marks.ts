import type { Lang } from './lang.js';

/**
 * The punctuation a sentence or label is built with: Chinese uses full-width marks with no
 * spaces (“幸福感”，城市、农村；), English half-width ones followed by a space. Kept apart from the
 * words so that a sentence assembled from parts punctuates the same way everywhere.
 */
export interface Marks {
  /** A name in quotation marks: “幸福感” / "happiness". */
  quote: (s: string) => string;
  /** An aside after a word: （…） / ` (…)`. */
  aside: (s: string) => string;
  /** The opening and closing bracket of an aside, for a label built piece by piece. */
  open: string;
  close: string;
  /** A label followed by what it introduces: ： / `: `. */
  colon: string;
  /** Between the items of a list of clauses: ； / `; `. */
  semicolon: string;
  /** Between clauses of a sentence: ， / `, `. */
  comma: string;
  /** Between the words of an enumeration: 、 / `, `. */
  enumeration: string;
  /** Sentences joined into a paragraph: without a space in Chinese, with one in English. */
  paragraph: (sentences: readonly string[]) => string;
}

export const REPORT_MARKS = {
  zh: {
    quote: (s) => `“${s}”`,
    aside: (s) => `（${s}）`,
    open: '（',
    close: '）',
    colon: '：',
    semicolon: '；',
    comma: '，',
    enumeration: '、',
    paragraph: (sentences) => sentences.join(''),
  },
  en: {
    quote: (s) => `"${s}"`,
    aside: (s) => ` (${s})`,
    open: ' (',
    close: ')',
    colon: ': ',
    semicolon: '; ',
    comma: ', ',
    enumeration: ', ',
    paragraph: (sentences) => sentences.join(' '),
  },
} satisfies Record<Lang, Marks>;

/** The punctuation of `lang`. */
export const marks = (lang: Lang): Marks => REPORT_MARKS[lang];
