import { booleanText, dateText, isDateFormat, numberText, serialToDate } from './cell-text.js';
import { ZipError } from './zip-entries.js';
import { decodeXml, elementContent, runText, xmlAttributes } from './xml-text.js';
import type { SheetContext } from './xlsx-sheet-records.js';

/** Any cell element, whatever its spacing, prefixes and content: the general (slower) reader. */
const CELL = /<(?:[\w.-]+:)?c(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;

/** What the scanner read of one cell: its column (−1: no `r`), type and style, `<v>` text, where it ends. */
interface ScannedCell {
  column: number;
  t: string | undefined;
  s: string | undefined;
  /** Text of `<v>`, or undefined when there is none. */
  value: string | undefined;
  end: number;
}

/**
 * The cells of one `<row>` element as text, by column (`r`, else the next column); gaps are ''.
 * Cells written the way Excel and WPS write them (`<c r="B2" s="1" t="s"><v>3</v></c>`) are read
 * by a scanner; any other form is left to the CELL pattern at the same place, so both read the
 * same cells. The scanner exists because a regex match and an attribute object per cell were
 * most of the time spent reading a 问卷星 export.
 */
export function rowCells(row: string, tagEnd: number, context: SheetContext): string[] {
  const cells: string[] = [];
  let column = 0;
  const put = (at: number, text: string) => {
    column = at;
    for (let c = cells.length; c < column - 1; c++) cells.push('');
    cells[column - 1] = text;
  };
  const cell: ScannedCell = { column: 0, t: undefined, s: undefined, value: undefined, end: 0 };
  for (let at = row.indexOf('<', tagEnd + 1); at >= 0; at = row.indexOf('<', at)) {
    if (scanPlainCell(row, at, cell)) {
      put(cell.column < 0 ? column + 1 : cell.column, valueText(cell.t ?? 'n', cell.value, cell.s, context));
      at = cell.end;
      continue;
    }
    CELL.lastIndex = at;
    const m = CELL.exec(row);
    if (!m) break;
    const attributes = xmlAttributes(m[1]);
    const r = attributes.r;
    put(r === undefined ? column + 1 : columnNumber(r, 0, r.length), cellText(attributes, m[2] ?? '', context));
    at = CELL.lastIndex;
  }
  return cells;
}

/**
 * Reads `<c a="v" …/>`, `<c …></c>` or `<c …><v>text</v></c>` at `at` into `cell`: single spaces,
 * double quotes, attribute values without escapes, `<v>` text without markup. False for anything else.
 */
function scanPlainCell(row: string, at: number, cell: ScannedCell): boolean {
  if (row.charCodeAt(at + 1) !== 99 /* c */) return false;
  const gt = row.indexOf('>', at + 2);
  if (gt < 0) return false;
  const selfClosing = row.charCodeAt(gt - 1) === 47; /* / */
  const tagEnd = selfClosing ? gt - 1 : gt;
  cell.column = -1;
  cell.t = cell.s = cell.value = undefined;
  let p = at + 2;
  if (p !== tagEnd && row.charCodeAt(p) !== 32) return false;
  while (p < tagEnd) {
    if (row.charCodeAt(p) !== 32) return false;
    const eq = row.indexOf('="', p + 1);
    if (eq < 0 || eq > tagEnd || !isPlainName(row, p + 1, eq)) return false;
    const close = row.indexOf('"', eq + 2);
    if (close < 0 || close >= tagEnd || hasEscape(row, eq + 2, close)) return false;
    if (eq === p + 2) {
      const name = row.charCodeAt(p + 1);
      if (name === 114 /* r */) cell.column = columnNumber(row, eq + 2, close);
      else if (name === 116 /* t */) cell.t = row.slice(eq + 2, close);
      else if (name === 115 /* s */) cell.s = row.slice(eq + 2, close);
    }
    p = close + 1;
  }
  if (selfClosing) {
    cell.end = gt + 1;
    return true;
  }
  if (row.startsWith('</c>', gt + 1)) {
    cell.end = gt + 5;
    return true;
  }
  if (!row.startsWith('<v>', gt + 1)) return false;
  const valueEnd = row.indexOf('<', gt + 4);
  if (valueEnd < 0 || !row.startsWith('</v></c>', valueEnd)) return false;
  cell.value = row.slice(gt + 4, valueEnd);
  cell.end = valueEnd + 8;
  return true;
}

/** Whether row[from, to) is a non-empty name of [\w:.-] (what xmlAttributes accepts). */
function isPlainName(row: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) {
    const c = row.charCodeAt(i);
    const word = (c >= 48 && c <= 58) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46;
    if (!word) return false;
  }
  return true;
}

/** Whether row[from, to) holds `&` or `_x`, which decodeXml would decode. */
function hasEscape(row: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = row.charCodeAt(i);
    if (c === 38 || (c === 95 && row.charCodeAt(i + 1) === 120)) return true;
  }
  return false;
}

/** The 1-based column of the cell reference text[from, to): `C7` → 3, `AA1` → 27. */
function columnNumber(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
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
function valueText(type: string, raw: string | undefined, style: string | undefined, context: SheetContext): string {
  // An inline string keeps its text in <is>, which the scanner never accepts: here it has none.
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
