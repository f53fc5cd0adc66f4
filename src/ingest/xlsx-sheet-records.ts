import { booleanText, dateText, isDateFormat, numberText, serialToDate } from './cell-text.js';
import { xmlElements } from './xml-elements.js';
import { ZipError } from './zip-entries.js';
import { decodeXml, elementContent, runText, xmlAttributes } from './xml-text.js';
import type { SourceRecord } from './table-from-records.js';

/** What turning a sheet's cells into text needs from the rest of the workbook. */
export interface SheetContext {
  sharedStrings: string[];
  /** Number format by cell style index (the `s` attribute). */
  formats: (string | undefined)[];
  date1904: boolean;
}

const CELL = /<(?:[\w.-]+:)?c(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;

/** Empty records made for a gap of missing rows go out in batches of at most this many. */
const GAP_BATCH = 10_000;

/**
 * The rows of a worksheet part, streamed, as batches of records of cell text. Rows the file
 * leaves out (empty rows) come as empty records, so data rows keep their positions.
 */
export async function* xlsxSheetRecords(xml: AsyncIterable<string>, context: SheetContext): AsyncGenerator<SourceRecord[]> {
  let expected = 1;
  for await (const rows of xmlElements(xml, 'row')) {
    let batch: SourceRecord[] = [];
    for (const row of rows) {
      const tagEnd = row.indexOf('>');
      const number = Number(xmlAttributes(row.slice(0, tagEnd)).r ?? expected);
      for (; expected < number; expected++) {
        batch.push({ cells: [] });
        if (batch.length >= GAP_BATCH) {
          yield batch;
          batch = [];
        }
      }
      expected = number + 1;
      batch.push({ cells: rowCells(row, tagEnd, context) });
    }
    yield batch;
  }
}

function rowCells(row: string, tagEnd: number, context: SheetContext): string[] {
  const cells: string[] = [];
  let column = 0;
  CELL.lastIndex = tagEnd + 1;
  for (let m = CELL.exec(row); m; m = CELL.exec(row)) {
    const attributes = xmlAttributes(m[1]);
    column = attributes.r === undefined ? column + 1 : columnNumber(attributes.r);
    for (let c = cells.length; c < column - 1; c++) cells.push('');
    cells[column - 1] = cellText(attributes, m[2] ?? '', context);
  }
  return cells;
}

/** The 1-based column of a cell reference: `C7` → 3, `AA1` → 27. */
function columnNumber(reference: string): number {
  let n = 0;
  for (const ch of reference.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + code - 64;
  }
  return n;
}

/** A cell as text: formulas give their cached result (`<v>`), whose type `t` names. */
function cellText(attributes: Record<string, string>, content: string, context: SheetContext): string {
  const type = attributes.t ?? 'n';
  if (type === 'inlineStr') return runText(elementContent(content, 'is') ?? '');
  const raw = elementContent(content, 'v');
  if (raw === undefined || raw === '') return '';
  const value = decodeXml(raw);
  const format = context.formats[Number(attributes.s ?? 0)];
  switch (type) {
    case 's': {
      const text = context.sharedStrings[Number(value)];
      if (text === undefined) throw new ZipError(`a cell refers to shared string ${value}, which the file lacks`);
      return text;
    }
    case 'b':
      return booleanText(value === '1' || value === 'true');
    case 'd':
      return isoDateText(value, format);
    case 'str':
    case 'e':
      return value;
    default: {
      const n = Number(value);
      if (Number.isNaN(n)) return value;
      return isDateFormat(format) ? dateText(serialToDate(n, context.date1904), format) : numberText(n);
    }
  }
}

/** A `t="d"` cell's ISO 8601 text as a wall-clock date; text that is not such a date is kept as it is. */
function isoDateText(value: string, format: string | undefined): string {
  const m = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d(?:\.\d+)?))?)?/.exec(value);
  if (!m) return value;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi)) + Number(s) * 1000;
  return dateText(new Date(ms), format ?? (m[4] === undefined ? 'yyyy/m/d' : ''));
}
