import type { Lang } from '../locale/lang.js';

const DIGITS = '〇一二三四五六七八九';

/** A chapter number as Chinese writes it: 一 … 十, 十一 … 九十九. */
function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${n % 10 ? DIGITS[n % 10] : ''}`;
}

/** A chapter heading with its number, as a 结项 report numbers them: 一、调研基本情况 / 1. Survey basics. */
export function chapterTitle(k: number, title: string, lang: Lang): string {
  return lang === 'zh' ? `${chineseNumber(k)}、${title}` : `${k}. ${title}`;
}
