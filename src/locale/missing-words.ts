import type { MissingReason } from '../core/types.js';
import type { Lang } from './lang.js';

const MISSING_WORDS: Readonly<Record<MissingReason, { zh: string; en: string }>> = {
  empty: { zh: '未作答', en: 'not answered' },
  skipped: { zh: '跳过（不适用）', en: 'skipped (not asked)' },
  'not-ranked': { zh: '未排序', en: 'not ranked' },
  declared: { zh: '说不清/拒答', en: "don't know / refused" },
  invalid: { zh: '无效回答', en: 'invalid answer' },
};

/**
 * A frequency table's missing row: `缺失（无效回答）`, `Missing (invalid answer)`.
 * @example missingLabel('invalid', 'zh') // '缺失（无效回答）'
 */
export function missingLabel(reason: MissingReason, lang: Lang): string {
  const word = MISSING_WORDS[reason]?.[lang] ?? reason;
  return lang === 'zh' ? `缺失（${word}）` : `Missing (${word})`;
}
