/** Text as the xlsx parts need it: escaped XML, cell references, display widths. */
import { displayWidth } from '../../core/east-asian-width.js';

/** Characters XML 1.0 forbids (C0 controls but tab, LF and CR; lone surrogates; U+FFFE/FFFF), or valid pairs to step over. */
const FORBIDDEN = '[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[\\uD800-\\uDFFF\\uFFFE\\uFFFF]';
const XML_SPECIAL = new RegExp(`[&<>"\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F]|${FORBIDDEN}`, 'g');
// Cell text also escapes CR (XML readers turn CRLF into LF) and a literal `_xHHHH_`, which Excel would decode.
const CELL_SPECIAL = new RegExp(`[&<>\\u0000-\\u0008\\u000B-\\u001F]|_(?=x[0-9A-Fa-f]{4}_)|${FORBIDDEN}`, 'g');
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** A character that cannot be written as it is: an entity, or U+FFFD for one XML cannot hold at all. */
function replaceXml(ch: string): string {
  return ENTITY[ch] ?? (ch.length === 2 ? ch : '\uFFFD');
}

/** Text for XML content or a double-quoted attribute; characters XML cannot hold become U+FFFD so the file always opens. */
export function escapeXml(text: string): string {
  XML_SPECIAL.lastIndex = 0;
  return XML_SPECIAL.test(text) ? text.replace(XML_SPECIAL, replaceXml) : text;
}

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
