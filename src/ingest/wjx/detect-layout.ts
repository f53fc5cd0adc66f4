import { parseNumber } from '../code/code-scalar.js';
import type { Layout } from '../code/coded-row.js';
import { isWjxHeader, type SourceItem } from './parse-wjx-header.js';
import { wjxMissingReason } from './wjx-missing-reason.js';

/**
 * Tells a 问卷星 按序号 export (option columns `第6题(…)`, or choice answers that are all integer
 * codes) from a 按文本 one, and both from any other table, using the header and the first rows.
 */
export function detectLayout(items: SourceItem[], sample: string[][]): Layout {
  if (!isWjxHeader(items)) return 'plain';
  if (items.some((i) => i.kind === 'options')) return 'wjx-code';
  const columns = items.flatMap((i) => {
    if (i.kind === 'question') return i.typeHint === 'text' ? [] : [i.column];
    if (i.kind === 'matrix') return i.rows.map((r) => r.column);
    return [];
  });
  let answered = 0;
  let integers = 0;
  for (const row of sample) {
    for (const c of columns) {
      const cell = row[c] ?? '';
      if (wjxMissingReason(cell)) continue;
      answered++;
      const n = parseNumber(cell);
      if (n !== null && Number.isInteger(n)) integers++;
    }
  }
  return answered > 0 && integers / answered >= 0.95 ? 'wjx-code' : 'wjx-text';
}
