import { booleanText, dateText, isDateFormat, numberText, serialToDate } from './cell-text.js';
import { ZipError } from '../../zip/zip-entries.js';
import { checkColumn } from './xlsx-limits.js';
import { decodeXml, elementContent, runText, xmlAttributes } from './xml-text.js';
import type { SheetContext } from './xlsx-sheet-context.js';

/** Any cell element, whatever its spacing, prefixes and content. */
const CELL = /<(?:[\w.-]+:)?c(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;

/**
 * The cells of one `<row>` element (its text; its start tag ends at `tagEnd`) as text, by column
 * (`r`, else the next column); gaps are ''. The general reader, for any way of writing a cell
 * (prefixes, inline strings, formulas, escapes); rows of plain cells are read from their bytes
 * by plainRowCells.
 */
export function rowCells(row: string, tagEnd: number, context: SheetContext): string[] {
  const cells: string[] = [];
  let column = 0;
  CELL.lastIndex = tagEnd + 1;
  for (let m = CELL.exec(row); m; m = CELL.exec(row)) {
    const attributes = xmlAttributes(m[1]);
    const r = attributes.r;
    column = r === undefined ? column + 1 : columnNumber(r);
    checkColumn(column);
    for (let c = cells.length; c < column - 1; c++) cells.push('');
    cells[column - 1] = cellText(attributes, m[2] ?? '', context);
  }
  return cells;
}

/** The 1-based column of a cell reference: `C7` → 3, `AA1` → 27. */
function columnNumber(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 97 && code <= 122) code -= 32;
    if (code < 65 || code > 90) break;
    n = n * 26 + code - 64;
  }
  return n;
}

/** A cell as text: formulas give their cached result (`<v>`), whose type `t` names. */
function cellText(attributes: Record<string, string>, content: string, context: SheetContext): string {
  const type = attributes.t ?? 'n';
  if (type === 'inlineStr') return runText(elementContent(content, 'is') ?? '');
  return valueText(type, elementContent(content, 'v'), attributes.s, context);
}

/** The text of a cell of type `type` whose `<v>` holds `raw` (undefined: no `<v>`), styled by `style`. */
export function valueText(type: string, raw: string | undefined, style: string | undefined, context: SheetContext): string {
  // An inline string keeps its text in <is> (cellText): one here has none.
  if (type === 'inlineStr' || raw === undefined || raw === '') return '';
  const value = decodeXml(raw);
  // The number format (by style index) matters to dates and numbers only.
  const format = () => context.formats[Number(style ?? 0)];
  switch (type) {
    case 's': {
      const text = context.sharedStrings[Number(value)];
      if (text === undefined) throw new ZipError(`a cell refers to shared string ${value}, which the file lacks`);
      return text;
    }
    case 'b':
      return booleanText(value === '1' || value === 'true');
    case 'd':
      return isoDateText(value, format());
    case 'str':
    case 'e':
      return value;
    default: {
      const n = Number(value);
      if (Number.isNaN(n)) return value;
      const numberFormat = format();
      return isDateFormat(numberFormat) ? dateText(serialToDate(n, context.date1904), numberFormat) : numberText(n);
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
