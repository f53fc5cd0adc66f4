import type { Lang } from './lang.js';

/**
 * A codebook's or plan's own text in the language asked for: its English form (labelEn, title_en)
 * when English is asked for and given, else the Chinese one it always has.
 * @example labelIn('en', '城市', 'Urban') // 'Urban'
 */
export function labelIn<T>(lang: Lang, zh: T, en: T | undefined): T {
  return lang === 'en' ? en ?? zh : zh;
}
