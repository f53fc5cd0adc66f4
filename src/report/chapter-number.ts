import type { Lang } from '../locale/lang.js';
import { sectionWords } from '../locale/section-words.js';

/** A chapter heading with its number, as a 结项 report numbers them: 一、调研基本情况 / 1. Survey basics. */
export function chapterTitle(k: number, title: string, lang: Lang): string {
  return sectionWords(lang).chapter(k, title);
}
