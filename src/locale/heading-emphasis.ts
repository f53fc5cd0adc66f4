import type { Lang } from './lang.js';

/**
 * How a report's headings stand out from the text, per language: Chinese heads by their typeface
 * alone (黑体, 楷体 — a bold or slanted CJK face is a faked one), English heads by weight and slant.
 */
export const HEADING_EMPHASIS = {
  zh: { byWeight: false },
  en: { byWeight: true },
} satisfies Record<Lang, { byWeight: boolean }>;

/** Whether `lang`'s headings are set bold (and italic below the first level). */
export const headsByWeight = (lang: Lang): boolean => HEADING_EMPHASIS[lang].byWeight;
