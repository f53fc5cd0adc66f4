import { reasonsByCount } from '../reasons-by-count.js';
import { SheetGrid } from './sheet-grid.js';
import type { WorkbookInput } from './workbook-input.js';
import { ruleName } from '../../locale/rule-names.js';

// Excel's limit is 1,048,576 rows; a listing that long is unreadable anyway — excluded.csv has them all.
const MAX_LISTED = 50_000;

/** 清洗: the reconciliation (回收 = 有效 + 剔除), hits per rule, then every excluded row with its reasons. */
export function cleaningSheet(input: WorkbookInput, name: string): SheetGrid | null {
  const c = input.cleaning;
  if (!c) return null;
  const zh = input.lang === 'zh';
  const s = c.summary;
  const grid = new SheetGrid(name);
  grid.table([{ header: zh ? '项目' : 'Item' }, { header: zh ? '份数' : 'Rows', numFmt: '0' }], [
    ...(c.distributed !== null ? [[zh ? '发放' : 'Handed out', c.distributed]] : []),
    [zh ? '回收' : 'Returned', s.inputRows], [zh ? '有效' : 'Valid', s.keptRows], [zh ? '剔除' : 'Set aside', s.excludedRows], [zh ? '保留但标记' : 'Kept, flagged', s.flaggedRows],
  ], { title: zh ? '清洗汇总' : 'Cleaning summary' });
  const reasons = reasonsByCount(s.reasons).map(([rule, n]) => [ruleName(rule, input.lang, input.table.codebook.checks), n]);
  grid.table([{ header: zh ? '规则' : 'Rule' }, { header: zh ? '行/问题数' : 'Rows/issues', numFmt: '0' }], reasons, { title: zh ? '各规则命中数' : 'Hits per rule' });
  const listed = c.excluded.rows.slice(0, MAX_LISTED);
  const notes = c.excluded.rows.length > MAX_LISTED ? [zh ? `仅列出前${MAX_LISTED}行，全部见 excluded.csv` : `First ${MAX_LISTED} rows; all are in excluded.csv`] : [zh ? '原始单元格、原始行号（_source_row）与剔除原因（_reasons）' : 'Original cells, source row (_source_row) and reasons (_reasons)'];
  grid.table(c.excluded.header.map((header) => ({ header })), listed, { title: zh ? `被剔除的问卷（${s.excludedRows}份）` : `Set-aside questionnaires (${s.excludedRows})`, notes });
  return grid;
}
