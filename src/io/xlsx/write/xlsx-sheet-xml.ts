import { UsageError } from '../../../core/errors.js';
import { startsLikeFormula } from '../../formula-start.js';
import { argb, type StyleTable } from './xlsx-styles.js';
import { AsciiBuffer } from './ascii-buffer.js';
import { rowHeight } from './xlsx-row-height.js';
import { cellReference, columnName } from './xlsx-text.js';
import type { SharedStrings } from './xlsx-shared-strings.js';
import type { Cell, CellValue, Sheet } from './xlsx-model.js';

/** Excel's limits: a cell's characters, a sheet's rows and columns, a column's width. */
const MAX_TEXT = 32_767;
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const MAX_WIDTH = 255;

/** What a sheet's XML refers to in the rest of the workbook. */
export interface SheetParts {
  styles: StyleTable;
  strings: SharedStrings;
  /** The first sheet is the one shown on opening. */
  selected: boolean;
  /** Relationship id of the sheet's drawing, when it has images. */
  drawing?: string;
}

/**
 * A worksheet part (xl/worksheets/sheetN.xml), pure ASCII. Throws a UsageError for what Excel
 * cannot hold.
 */
export function sheetXml(sheet: Sheet, parts: SheetParts): Buffer {
  let cells = 0;
  for (const row of sheet.rows) cells += row.length;
  // About 35 bytes a cell (`<c r="AB1234" s="2"><v>0.123</v></c>`) plus the rest of the part.
  const out = new AsciiBuffer(4096 + cells * 40);
  writeSheetXml(sheet, parts, out);
  return out.result();
}

/** Writes a worksheet part into `out` (see sheetXml). */
export function writeSheetXml(sheet: Sheet, parts: SheetParts, out: AsciiBuffer): void {
  if (sheet.rows.length > MAX_ROWS) throw new UsageError(`sheet "${sheet.name}" has ${sheet.rows.length} rows; Excel allows at most ${MAX_ROWS}`);
  let width = 0;
  for (const row of sheet.rows) width = Math.max(width, row.length);
  out.text(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      sheetProperties(sheet) +
      `<dimension ref="${width === 0 ? 'A1' : `A1:${cellReference(sheet.rows.length - 1, width - 1)}`}"/>` +
      sheetViews(sheet, parts.selected) +
      '<sheetFormatPr defaultRowHeight="13.5"/>' +
      columns(sheet.columnWidths ?? []),
  );
  sheetData(sheet, parts, out);
  out.text(
    mergeCells(sheet) +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      // A4 (paperSize 9), one page wide and as many down as it takes (fitToHeight 0).
      (sheet.print ? `<pageSetup paperSize="9" orientation="${sheet.print.landscape ? 'landscape' : 'portrait'}" fitToWidth="1" fitToHeight="0"/>` : '') +
      (parts.drawing ? `<drawing r:id="${parts.drawing}"/>` : '') +
      '</worksheet>',
  );
}

/**
 * Writes `<sheetData>`, leaving out empty rows and unstyled empty cells; rows are as high as
 * `rowHeight` estimates. Every cell names its reference (`r`): the standard makes it optional,
 * but readxl, openxlsx and exceljs misplace or refuse cells without one.
 */
function sheetData(sheet: Sheet, { styles, strings }: SheetParts, out: AsciiBuffer): void {
  out.text('<sheetData>');
  const styleAttributes: string[] = [];
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (row.length > MAX_COLS) throw new UsageError(`sheet "${sheet.name}" row ${r + 1} has ${row.length} cells; Excel allows at most ${MAX_COLS} columns`);
    const rowEnd = `${r + 1}"`;
    let open = false;
    for (let c = 0; c < row.length; c++) {
      const item: Cell | CellValue | undefined = row[c];
      const cell = item !== null && typeof item === 'object';
      const value = cell ? item.value : item;
      const base = cell ? styles.index(item.style) : 0;
      // Text that looks like a formula (= + - @) stays text even when a user edits the cell.
      const s = typeof value === 'string' && startsLikeFormula(value) ? styles.quoted(base) : base;
      const empty = value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value));
      // An empty cell is kept only for its style: a table's rules and fills run across blanks.
      if (empty && s === 0) continue;
      if (!open) {
        const height = rowHeight(sheet, r);
        out.text(height ? `<row r="${rowEnd} ht="${height}">` : `<row r="${rowEnd}>`);
        open = true;
      }
      out.text(cellStart(c));
      out.text(rowEnd);
      if (s !== 0) out.text((styleAttributes[s] ??= ` s="${s}"`));
      if (empty) {
        out.text('/>');
      } else if (typeof value === 'number') {
        out.text('><v>');
        writeNumber(value, out);
        out.text('</v></c>');
      } else if (typeof value === 'string') {
        if (value.length > MAX_TEXT) throw tooLong(sheet.name, r, c, value.length);
        out.text(' t="s"><v>');
        out.digits(strings.index(value));
        out.text('</v></c>');
      } else {
        out.text(value ? ' t="b"><v>1</v></c>' : ' t="b"><v>0</v></c>');
      }
    }
    if (open) out.text('</row>');
  }
  out.text('</sheetData>');
}

const cellStarts: string[] = [];

/** `<c r="` and a column's letters, made once per column. */
function cellStart(col: number): string {
  return (cellStarts[col] ??= `<c r="${columnName(col)}`);
}

/** A number as the shortest text that reads back as the same double (String()), small whole numbers without making a string. */
function writeNumber(value: number, out: AsciiBuffer): void {
  if (Number.isSafeInteger(value) && value >= 0) out.digits(value);
  else out.text(String(value));
}

function tooLong(sheet: string, row: number, col: number, length: number): UsageError {
  return new UsageError(
    `sheet "${sheet}" cell ${cellReference(row, col)} (row ${row + 1}, column ${col + 1}) holds ${length} characters; Excel allows at most ${MAX_TEXT} in a cell`,
    { path: `${sheet}!${cellReference(row, col)}`, hint: 'shorten the text or leave it out of the workbook (the CSV and Markdown outputs have no such limit)' },
  );
}

/** `<sheetPr>`: the tab colour, and fit-to-page printing when the sheet has a print setup. */
function sheetProperties(sheet: Sheet): string {
  const tab = sheet.tabColor === undefined ? '' : `<tabColor rgb="${argb(sheet.tabColor, 'tab colour')}"/>`;
  const fit = sheet.print ? '<pageSetUpPr fitToPage="1"/>' : '';
  return tab || fit ? `<sheetPr>${tab}${fit}</sheetPr>` : '';
}

function sheetViews(sheet: Sheet, selected: boolean): string {
  const rows = sheet.freeze?.rows ?? 0;
  const cols = sheet.freeze?.cols ?? 0;
  for (const n of [rows, cols]) {
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`sheet "${sheet.name}": frozen rows and columns must be whole numbers ≥ 0, not ${n}`);
  }
  const open = `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0"`;
  if (rows === 0 && cols === 0) return `${open}/></sheetViews>`;
  const pane = rows && cols ? 'bottomRight' : rows ? 'bottomLeft' : 'topRight';
  const split = (cols ? ` xSplit="${cols}"` : '') + (rows ? ` ySplit="${rows}"` : '');
  return (
    `${open}><pane${split} topLeftCell="${cellReference(rows, cols)}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${cellReference(rows, cols)}" sqref="${cellReference(rows, cols)}"/></sheetView></sheetViews>`
  );
}

function columns(widths: readonly number[]): string {
  let xml = '';
  widths.forEach((width, c) => {
    // A width beyond Excel's 255 is cut to it: a wide column is no reason to fail a report.
    if (width > 0) xml += `<col min="${c + 1}" max="${c + 1}" width="${Math.min(width, MAX_WIDTH)}" customWidth="1"/>`;
  });
  return xml ? `<cols>${xml}</cols>` : '';
}

/** The `<mergeCells>` element; a 1×1 range merges nothing and is left out, overlapping ranges (which Excel repairs away) throw. */
function mergeCells(sheet: Sheet): string {
  const ranges = (sheet.merges ?? []).filter((m) => m.rows * m.cols !== 1);
  ranges.forEach((m, i) => {
    const bad = [m.row, m.col, m.rows, m.cols].some((n) => !Number.isInteger(n)) || m.row < 0 || m.col < 0 || m.rows < 1 || m.cols < 1 || m.row + m.rows > MAX_ROWS || m.col + m.cols > MAX_COLS;
    if (bad) throw new UsageError(`sheet "${sheet.name}": merge ${JSON.stringify(m)} is not a range of whole cells inside the sheet`);
    for (const o of ranges.slice(0, i)) {
      if (m.row < o.row + o.rows && o.row < m.row + m.rows && m.col < o.col + o.cols && o.col < m.col + m.cols) {
        throw new UsageError(`sheet "${sheet.name}": merged ranges ${range(o)} and ${range(m)} overlap`);
      }
    }
  });
  return ranges.length ? `<mergeCells count="${ranges.length}">${ranges.map((m) => `<mergeCell ref="${range(m)}"/>`).join('')}</mergeCells>` : '';
}

function range(m: { row: number; col: number; rows: number; cols: number }): string {
  return `${cellReference(m.row, m.col)}:${cellReference(m.row + m.rows - 1, m.col + m.cols - 1)}`;
}
