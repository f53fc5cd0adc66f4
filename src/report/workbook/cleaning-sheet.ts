import type { Cell } from '../../io/xlsx/write/xlsx-model.js';
import { SheetGrid } from './sheet-grid.js';
import type { WorkbookInput } from './workbook-input.js';
import { ruleName } from '../../locale/rule-names.js';

// Excel's limit is 1,048,576 rows; a listing that long is unreadable anyway — excluded.csv has them all.
const MAX_LISTED = 50_000;

/** 清洗: the reconciliation (回收 = 剔除, by first reason, + 有效) and the issues per rule (the rows set aside have a sheet of their own, excludedSheet). */
export function cleaningSheet(input: WorkbookInput, name: string): SheetGrid | null {
  const c = input.cleaning;
  if (!c) return null;
  const zh = input.lang === 'zh';
  const s = c.summary;
  const grid = new SheetGrid(name);
  const indent = (text: string): Cell => ({ value: text, style: { indent: 1 } });
  grid.table([{ header: zh ? '项目' : 'Item' }, { header: zh ? '份数' : 'Questionnaires', numFmt: '0' }], [
    ...(c.distributed !== null ? [[zh ? '发放' : 'Handed out', c.distributed]] : []),
    [zh ? '回收' : 'Returned', s.inputRows],
    [zh ? '剔除' : 'Set aside', s.excludedRows],
    ...c.audit.excludedBy.map(([reason, n]) => [indent(ruleName(reason, input.lang, input.table.codebook.checks)), n]),
    [zh ? '有效' : 'Valid', s.keptRows],
    [indent(zh ? '其中保留但标记' : 'of which flagged'), s.flaggedRows],
  ], { title: zh ? '清洗汇总（份）' : 'Cleaning summary (questionnaires)', notes: [zh ? '剔除的问卷按首要原因各计一次，合计等于剔除份数' : 'Each set-aside questionnaire counted once, under its first reason'] });
  grid.table(
    [{ header: zh ? '规则' : 'Rule' }, { header: zh ? '问题数' : 'Issues', numFmt: '0' }, { header: zh ? '其中在有效问卷中' : 'In valid questionnaires', numFmt: '0' }],
    c.audit.issues.map((i) => [ruleName(i.rule, input.lang, input.table.codebook.checks), i.count, i.inKept]),
    { title: zh ? '逐项问题（见 issues.csv）' : 'Answer-level issues (issues.csv)' },
  );
  return grid;
}

const REASONS = '_reasons';

/**
 * The rows with their `_reasons` (rule codes joined by ';', as excluded.csv keeps them for
 * machines) named in Chinese for a zh reader: 答题时间过短；必答题未答. An English workbook keeps the codes.
 */
function readableReasons(input: WorkbookInput, rows: readonly (readonly string[])[], col: number): readonly (readonly string[])[] {
  if (input.lang !== 'zh' || col < 0) return rows;
  const name = (code: string) => ruleName(code, input.lang, input.table.codebook.checks);
  return rows.map((r) => r.map((cell, k) => (k === col && cell ? cell.split(';').map(name).join('；') : cell)));
}

/**
 * 剔除明细: every excluded row as excluded.csv has it (original cells, source row, reasons), on a
 * sheet of its own, so that its width does not shrink the 清洗 tables when printed to the page width.
 */
export function excludedSheet(input: WorkbookInput, name: string): SheetGrid | null {
  const c = input.cleaning;
  if (!c) return null;
  const zh = input.lang === 'zh';
  const reasons = c.excluded.header.lastIndexOf(REASONS);
  const listed = readableReasons(input, c.excluded.rows.slice(0, MAX_LISTED), reasons);
  const header = c.excluded.header.map((h, k) => (zh && k === reasons ? '剔除原因' : h));
  const notes = c.excluded.rows.length > MAX_LISTED ? [zh ? `仅列出前${MAX_LISTED}行，全部见 excluded.csv` : `First ${MAX_LISTED} rows; all are in excluded.csv`] : [zh ? '原始单元格、原始行号（_source_row）与剔除原因（_reasons）' : 'Original cells, source row (_source_row) and reasons (_reasons)'];
  return new SheetGrid(name).table(header.map((h) => ({ header: h })), listed, { title: zh ? `被剔除的问卷（${c.summary.excludedRows}份）` : `Set-aside questionnaires (${c.summary.excludedRows})`, notes });
}
