import { codeLabel, variableOf } from '../../core/variable-labels.js';
import type { Lang } from '../../locale/lang.js';
import type { Cell, CellValue, Sheet } from '../../io/xlsx/write/xlsx-model.js';
import { printSetup } from './sheet-grid.js';
import { textWidth } from '../../io/xlsx/write/xlsx-text.js';
import { MISSING_CODES } from '../../core/data-table.js';
import type { DataTable } from '../../core/data-table.js';
import { ownTextIn } from '../../locale/bilingual.js';
import { workbookWords } from '../../locale/workbook-words.js';

const HEADER = { bold: true, border: { bottom: 'thin' as const } };
/** Declared or other missing answers as the sheet shows them: `(skipped)`. */
const MISSING_TEXT = MISSING_CODES.map((reason) => `(${reason})`);

/**
 * 数据: the clean data with labels — a row per kept questionnaire (its source row first), answers
 * of choice questions as their labels, numbers as numbers, declared missing as its reason in
 * brackets; the first two rows (names, questions) stay in view.
 */
export function dataSheet(table: DataTable, lang: Lang, name: string): Sheet {
  const columns = table.names.map((n) => table.column(n));
  const labelled = columns.map((c) => c.kind === 'number' && (variableOf(table, c.name)?.choices?.length ?? 0) > 0);
  // Choice labels are looked up once per code, not once per cell.
  const caches = columns.map(() => new Map<number, string>());
  const rows: (Cell | CellValue)[][] = [
    [{ value: '_source_row', style: HEADER }, ...columns.map((c) => ({ value: c.name, style: HEADER }))],
    [{ value: workbookWords(lang).sourceRow, style: HEADER }, ...columns.map((c) => ({ value: ownTextIn(lang, variableOf(table, c.name)?.label, variableOf(table, c.name)?.labelEn) ?? '', style: HEADER }))],
  ];
  // Plain loops over hoisted column parts: this runs for every cell of the data (~450k in the bundled study).
  const width = columns.length;
  for (let i = 0; i < table.nrows; i++) {
    const row: CellValue[] = new Array(width + 1);
    row[0] = table.sourceRows[i];
    for (let k = 0; k < width; k++) {
      const c = columns[k];
      const missing = c.missing[i];
      if (missing) {
        row[k + 1] = MISSING_TEXT[missing];
      } else if (c.kind === 'text') {
        row[k + 1] = c.values[i];
      } else if (labelled[k]) {
        const code = c.values[i];
        let label = caches[k].get(code);
        if (label === undefined) caches[k].set(code, (label = codeLabel(table, c.name, code, lang)));
        row[k + 1] = label;
      } else {
        row[k + 1] = Number.isNaN(c.values[i]) ? null : c.values[i];
      }
    }
    rows.push(row);
  }
  const widths = [10, ...columns.map((c, k) => Math.min(24, Math.max(8, textWidth(c.name) + 2, labelled[k] ? 10 : 0)))];
  return { name, rows, columnWidths: widths, freeze: { rows: 2, cols: 1 }, print: printSetup(widths, 2) };
}
