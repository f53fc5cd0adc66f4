import type { Cell } from '../../io/xlsx/write/xlsx-model.js';
import { SheetGrid } from './sheet-grid.js';
import type { WorkbookInput } from './workbook-input.js';
import { ruleName } from '../../locale/rule-names.js';
import { cleaningWords } from '../../locale/cleaning-words.js';

// Excel's limit is 1,048,576 rows; a listing that long is unreadable anyway — excluded.csv has them all.
const MAX_LISTED = 50_000;

/** 清洗: the reconciliation (回收 = 剔除, by first reason, + 有效) and the issues per rule (the rows set aside have a sheet of their own, excludedSheet). */
export function cleaningSheet(input: WorkbookInput, name: string): SheetGrid | null {
  const c = input.cleaning;
  if (!c) return null;
  const w = cleaningWords(input.lang);
  const s = c.summary;
  const grid = new SheetGrid(name);
  const indent = (text: string): Cell => ({ value: text, style: { indent: 1 } });
  grid.table([{ header: w.item }, { header: w.questionnairesColumn, numFmt: '0' }], [
    ...(c.distributed !== null ? [[w.handedOut, c.distributed]] : []),
    [w.returned, s.inputRows],
    [w.setAside, s.excludedRows],
    ...c.audit.excludedBy.map(([reason, n]) => [indent(ruleName(reason, input.lang, input.table.codebook.checks)), n]),
    [w.valid, s.keptRows],
    [indent(w.flagged), s.flaggedRows],
  ], { title: w.summaryTitle, notes: [w.summaryNote] });
  grid.table(
    [{ header: w.rule }, { header: w.issues, numFmt: '0' }, { header: w.inValid, numFmt: '0' }],
    c.audit.issues.map((i) => [ruleName(i.rule, input.lang, input.table.codebook.checks), i.count, i.inKept]),
    { title: w.issuesSheetTitle },
  );
  return grid;
}

const REASONS = '_reasons';

/**
 * The rows with their `_reasons` (rule codes joined by ';', as excluded.csv keeps them for
 * machines) named in Chinese for a zh reader: 答题时间过短；必答题未答. An English workbook keeps the codes.
 */
function readableReasons(input: WorkbookInput, rows: readonly (readonly string[])[], col: number): readonly (readonly string[])[] {
  if (col < 0) return rows;
  const { reasons } = cleaningWords(input.lang);
  const name = (code: string) => ruleName(code, input.lang, input.table.codebook.checks);
  return rows.map((r) => r.map((cell, k) => (k === col && cell ? reasons(cell, name) : cell)));
}

/**
 * 剔除明细: every excluded row as excluded.csv has it (original cells, source row, reasons), on a
 * sheet of its own, so that its width does not shrink the 清洗 tables when printed to the page width.
 */
export function excludedSheet(input: WorkbookInput, name: string): SheetGrid | null {
  const c = input.cleaning;
  if (!c) return null;
  const w = cleaningWords(input.lang);
  const reasons = c.excluded.header.lastIndexOf(REASONS);
  const listed = readableReasons(input, c.excluded.rows.slice(0, MAX_LISTED), reasons);
  const header = c.excluded.header.map((h, k) => (k === reasons ? w.reasonsHeader(h) : h));
  const notes = c.excluded.rows.length > MAX_LISTED ? [w.firstRows(MAX_LISTED)] : [w.excludedNote];
  return new SheetGrid(name).table(header.map((h) => ({ header: h })), listed, { title: w.excludedTitle(c.summary.excludedRows), notes });
}
