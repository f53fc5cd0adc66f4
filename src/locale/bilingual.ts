import type { Lang } from './lang.js';

/** Which of a pair of texts a language reads, falling back to the other when its own is missing. */
const PICK = {
  zh: (zh: string | undefined, en: string | undefined) => zh ?? en,
  en: (zh: string | undefined, en: string | undefined) => en ?? zh,
} satisfies Record<Lang, (zh: string | undefined, en: string | undefined) => string | undefined>;

/**
 * One text kept in two languages, as codebooks, forms and answer checks keep it (`label` and
 * `labelEn`, `title` and `titleEn`, `message` and `messageEn`): the one `lang` reads, else the other.
 * @example inLang('en', '城市', undefined) // '城市'
 */
export function inLang(lang: Lang, zh: string, en: string | undefined): string;
export function inLang(lang: Lang, zh: string | undefined, en: string | undefined): string | undefined;
export function inLang(lang: Lang, zh: string | undefined, en: string | undefined): string | undefined {
  return PICK[lang](zh, en);
}

/** A question's or a choice's label in `lang` (the English label where the codebook has one). */
export const labelIn = (lang: Lang, item: { label: string; labelEn?: string }): string => inLang(lang, item.label, item.labelEn);

/** An answer check's message in `lang` (checks always carry both). */
export const messageIn = (lang: Lang, problem: { message: string; messageEn: string }): string => inLang(lang, problem.message, problem.messageEn);

/**
 * A plan's or codebook's own text whose Chinese form is the one it keeps (title and title_en,
 * authors and authors_en, a label that may be absent): the English form when English is asked for
 * and given, else the Chinese one — even when that is absent (unlike inLang, a Chinese report never
 * shows the English form instead).
 * @example ownTextIn('en', '城市', 'Urban') // 'Urban'
 */
export function ownTextIn<T>(lang: Lang, zh: T, en: T | undefined): T {
  return lang === 'en' ? en ?? zh : zh;
}
