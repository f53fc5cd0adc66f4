/**
 * The one XML escaper of the writers (xlsx parts, Word's WordprocessingML, chart SVG): whatever
 * the text, the file stays well-formed XML 1.0 and opens.
 */

/** Characters XML 1.0 forbids (C0 controls but tab, LF and CR; lone surrogates; U+FFFE/FFFF), or valid pairs to step over. */
export const XML_FORBIDDEN = '[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[\\uD800-\\uDFFF\\uFFFE\\uFFFF]';
const XML_SPECIAL = new RegExp(`[&<>"\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F]|${XML_FORBIDDEN}`, 'g');
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** A character that cannot be written as it is: an entity, or U+FFFD for one XML cannot hold at all. */
export function replaceXml(ch: string): string {
  return ENTITY[ch] ?? (ch.length === 2 ? ch : '\uFFFD');
}

/**
 * Text for XML content or a double-quoted attribute; characters XML cannot hold become U+FFFD
 * (visible, rather than a label silently shortened) so the file always opens.
 * @example escapeXml('a<b & "c"\u0001') // 'a&lt;b &amp; &quot;c&quot;\uFFFD'
 */
export function escapeXml(text: string): string {
  XML_SPECIAL.lastIndex = 0;
  return XML_SPECIAL.test(text) ? text.replace(XML_SPECIAL, replaceXml) : text;
}
