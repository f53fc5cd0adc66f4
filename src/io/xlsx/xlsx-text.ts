/** Text as the xlsx parts need it: escaped XML, cell references, display widths. */

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

/** Whether a code point is East Asian Wide or Fullwidth (CJK, kana, hangul, fullwidth forms): two columns in a monospace grid. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** Display width of text in character columns, for `columnWidths`: wide (CJK) characters count 2, the widest line counts. */
export function textWidth(text: string): number {
  let widest = 0;
  let width = 0;
  for (const ch of text) {
    if (ch === '\n') {
      widest = Math.max(widest, width);
      width = 0;
    } else {
      width += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
    }
  }
  return Math.max(widest, width);
}
