import type { Lang } from './lang.js';

/** Longest label a table's first column shows whole; a longer one, or a question, is shortened. */
const SHORT = 10;

/**
 * A question text cut to the words a table row needs: the clause after a leading one
 * (过去一年，…), without 您/您的/您家/您目前的 before it or the question's ending after it
 * (是？, 有几人？, 大约是多少元？, 吗？); a parenthesis it ends with is kept (年龄（周岁）).
 * @example shortenQuestion('您的最高学历是？') // '最高学历'
 */
export function shortenQuestion(label: string): string {
  let text = label.trim().replace(/[？?。：:]+$/, '');
  const clauses = text.split(/[，,]/);
  text = clauses[clauses.length - 1];
  const aside = /（[^（）]*）$/.exec(text)?.[0] ?? '';
  text = text.slice(0, text.length - aside.length).replace(/[？?]$/, '');
  text = text.replace(/^(?:请问)?(?:您目前的|您现在的|您的|您家|您)/, '');
  text = text.replace(/(?:大约|大概)?(?:是多少[^，]*|有多少[^，]*|有几[人个口次]|是几[人个口]|是什么|如何|怎么样|吗|是)$/, '');
  return `${text}${aside}`;
}

/** What a codebook says of a variable that a table row could name it by. */
export interface RowLabelSource {
  shortLabel?: string;
  shortLabelEn?: string;
  unit?: string;
  /** Its label (question text) in the report's language, else its name. */
  label: string;
}

/**
 * How a table row names a variable, per language: Chinese takes the short label with a number's
 * unit (人均可支配收入（元）), else a short label or the question cut to its words; English takes
 * the short label, else the label whole (its questions are not cut).
 */
export const ROW_LABEL_WORDS = {
  zh: {
    rowLabel: (v) => {
      const withUnit = (short: string) => (v.unit && !short.endsWith('）') ? `${short}（${v.unit}）` : short);
      if (v.shortLabel) return withUnit(v.shortLabel);
      if ([...v.label].length <= SHORT && !/[？?]$/.test(v.label)) return v.label;
      const short = shortenQuestion(v.label);
      return short.length < 2 ? v.label : withUnit(short);
    },
  },
  en: {
    rowLabel: (v) => (v.shortLabelEn ?? v.shortLabel) || v.label,
  },
} satisfies Record<Lang, { rowLabel: (v: RowLabelSource) => string }>;

/** A table row's name for a variable in `lang`. */
export const rowLabel = (v: RowLabelSource, lang: Lang): string => ROW_LABEL_WORDS[lang].rowLabel(v);
