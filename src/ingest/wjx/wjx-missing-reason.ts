import type { MissingReason } from '../../core/types.js';

/**
 * Why a 问卷星 cell holds no answer: `(跳过)`/-3 skipped by logic, -2 not ranked, `(空)`, blank or
 * `NULL` (old exports' unrecorded metadata) empty; null when the cell holds an answer.
 * @example wjxMissingReason('(跳过)') // 'skipped'
 */
export function wjxMissingReason(cell: string): MissingReason | null {
  const text = cell.trim();
  if (text === '' || text === '(空)' || text === '（空）' || text === 'NULL') return 'empty';
  if (text === '(跳过)' || text === '（跳过）' || text === '-3') return 'skipped';
  if (text === '-2') return 'not-ranked';
  return null;
}
