import { booleanText, dateText, isDateFormat, numberText, serialToDate } from './cell-text.js';
import { ZipError } from './zip-entries.js';
import { decodeXml, elementContent, runText, xmlAttributes } from './xml-text.js';
import type { SheetContext } from './xlsx-sheet-records.js';

/** Any cell element, whatever its spacing, prefixes and content: the general (slower) reader. */
const CELL = /<(?:[\w.-]+:)?c(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;

/** What the scanner read of one cell: its column (−1: no `r`), type and style, where its `<v>` text is, where it ends. */
interface ScannedCell {
  column: number;
  t: string | undefined;
  s: string | undefined;
  /** The `<v>` text is row[from, to); from is −1 when there is no `<v>`. */
  from: number;
  to: number;
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
  const cell: ScannedCell = { column: 0, t: undefined, s: undefined, from: -1, to: -1, end: 0 };
  for (let at = row.indexOf('<', tagEnd + 1); at >= 0; at = row.indexOf('<', at)) {
    if (scanPlainCell(row, at, cell)) {
      // A shared string's index is read from the row itself (most cells of an export are one);
      // anything else, a missing string included, goes the general way.
      const shared = cell.t === 's' ? context.sharedStrings[digitsValue(row, cell.from, cell.to)] : undefined;
      const text = shared ?? valueText(cell.t ?? 'n', cell.from < 0 ? undefined : row.slice(cell.from, cell.to), cell.s, context);
      put(cell.column < 0 ? column + 1 : cell.column, text);
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
 * double quotes, attribute values without escapes or `>`, `<v>` text without markup. False for
 * anything else. One pass of character tests: a string search per attribute cost more than the rest.
 */
function scanPlainCell(row: string, at: number, cell: ScannedCell): boolean {
  if (row.charCodeAt(at + 1) !== 99 /* c */) return false;
  cell.column = -1;
  cell.t = cell.s = undefined;
  cell.from = cell.to = -1;
  let p = at + 2;
  for (;;) {
    const c = row.charCodeAt(p);
    if (c === 62 /* > */ || (c === 47 /* / */ && row.charCodeAt(p + 1) === 62)) break;
    if (c !== 32) return false;
    const name = p + 1;
    let q = name;
    while (isNameChar(row.charCodeAt(q))) q++;
    if (q === name || row.charCodeAt(q) !== 61 /* = */ || row.charCodeAt(q + 1) !== 34 /* " */) return false;
    let close = q + 2;
    for (let k = row.charCodeAt(close); k !== 34; k = row.charCodeAt(++close)) {
      // What decodeXml would decode (& and _x), a > (where the general pattern ends the tag), the row's end.
      if (k === 38 || k === 62 || (k === 95 && row.charCodeAt(close + 1) === 120) || Number.isNaN(k)) return false;
    }
    if (q === name + 1) {
      const letter = row.charCodeAt(name);
      if (letter === 114 /* r */) cell.column = columnNumber(row, q + 2, close);
      else if (letter === 116 /* t */) cell.t = close === q + 3 && row.charCodeAt(q + 2) === 115 ? 's' : row.slice(q + 2, close);
      else if (letter === 115 /* s */) cell.s = row.slice(q + 2, close);
    }
    p = close + 1;
  }
  if (row.charCodeAt(p) === 47) {
    cell.end = p + 2;
    return true;
  }
  if (row.startsWith('</c>', p + 1)) {
    cell.end = p + 5;
    return true;
  }
  if (!row.startsWith('<v>', p + 1)) return false;
  const valueEnd = row.indexOf('<', p + 4);
  if (valueEnd < 0 || !row.startsWith('</v></c>', valueEnd)) return false;
  cell.from = p + 4;
  cell.to = valueEnd;
  cell.end = valueEnd + 8;
  return true;
}

/** Whether c is a character of [\w:.-], what xmlAttributes accepts in a name. */
function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 58) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46;
}

/** The non-negative integer written in row[from, to) with digits only (at most 9), else −1. */
function digitsValue(row: string, from: number, to: number): number {
  if (from < 0 || to === from || to - from > 9) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = row.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
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
