/** Text as the xlsx parts need it: escaped XML, cell references, display widths. */
import { displayWidth } from '../../../core/east-asian-width.js';
import { XML_FORBIDDEN, replaceXml } from '../../escape-xml.js';

// Cell text also escapes CR (XML readers turn CRLF into LF) and a literal `_xHHHH_`, which Excel would decode.
const CELL_SPECIAL = new RegExp(`[&<>\\u0000-\\u0008\\u000B-\\u001F]|_(?=x[0-9A-Fa-f]{4}_)|${XML_FORBIDDEN}`, 'g');

/** A cell's text for `<t>`: control characters as OOXML `_xHHHH_` escapes (Excel shows them again), `_` of a literal `_xHHHH_` as `_x005F_`. */
export function escapeCellText(text: string): string {
  CELL_SPECIAL.lastIndex = 0;
  if (!CELL_SPECIAL.test(text)) return text;
  return text.replace(CELL_SPECIAL, (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x20 || ch === '_') return `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;
    return replaceXml(ch);
  });
}

const letters: string[] = [];

/** The letters of a 0-based column: 0 → A, 26 → AA. */
export function columnName(col: number): string {
  let name = letters[col];
  if (name === undefined) {
    name = '';
    for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    letters[col] = name;
  }
  return name;
}

/** The A1 reference of a 0-based cell. */
export function cellReference(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** Display width of text in character columns, for `columnWidths`: wide (CJK) characters count 2, the widest line counts. */
export function textWidth(text: string): number {
  if (!text.includes('\n')) return displayWidth(text);
  let widest = 0;
  for (const line of text.split('\n')) widest = Math.max(widest, displayWidth(line));
  return widest;
}
