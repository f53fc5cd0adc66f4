import { isNameByte, isSpace } from './xml-chars.js';
import { checkElementBytes } from './xlsx-limits.js';

/** How much of a piece's end is kept when no element starts in it: enough for a cut-off start tag. */
const TAIL = 64;

/**
 * Yields the complete `<name …>…</name>` or `<name …/>` elements (any namespace prefix) of an XML
 * document arriving as text pieces, a batch per piece, so a large part is scanned piece by piece.
 * Suits the flat, machine-written parts of an xlsx (shared strings), not XML in general: the
 * element must not nest in itself and comments are not recognised.
 */
export async function* xmlElements(text: AsyncIterable<string>, name: string): AsyncGenerator<string[]> {
  let buffer = '';
  for await (const piece of text) {
    buffer += piece;
    const elements: string[] = [];
    let pos = 0;
    for (;;) {
      const open = nextStartTag(buffer, name, pos);
      if (open.kind === 'none') {
        pos = Math.max(pos, buffer.length - TAIL);
        break;
      }
      if (open.kind === 'cut') {
        pos = open.start;
        break;
      }
      const gt = buffer.indexOf('>', open.nameEnd);
      if (gt < 0) {
        pos = open.start;
        break;
      }
      if (buffer.charCodeAt(gt - 1) === 47) {
        elements.push(buffer.slice(open.start, gt + 1));
        pos = gt + 1;
        continue;
      }
      const end = closeTagEnd(buffer, `</${open.prefix}${name}`, gt);
      if (end < 0) {
        pos = open.start;
        break;
      }
      elements.push(buffer.slice(open.start, end));
      pos = end;
    }
    buffer = buffer.slice(pos);
    checkElementBytes(buffer.length, `a <${name}> element`);
    if (elements.length > 0) yield elements;
  }
}

type StartTag = { kind: 'tag'; start: number; prefix: string; nameEnd: number } | { kind: 'cut'; start: number } | { kind: 'none' };

/**
 * The next start tag `<name` or `<prefix:name` followed by a space, `/` or `>`, found by the name's
 * text (indexOf, not a regex per element: shared strings hold tens of thousands of items).
 */
function nextStartTag(buffer: string, name: string, from: number): StartTag {
  for (let at = buffer.indexOf(name, from); at >= 0; at = buffer.indexOf(name, at + 1)) {
    const before = at - 1;
    let lt = -1;
    if (before >= from && buffer.charCodeAt(before) === 60 /* < */) lt = before;
    else if (before > from && buffer.charCodeAt(before) === 58 /* : */) {
      let k = before - 1;
      // A prefix is [\w.-]: a name without the colon.
      while (k >= from && buffer.charCodeAt(k) !== 58 && isNameByte(buffer.charCodeAt(k))) k--;
      if (k >= from && k < before - 1 && buffer.charCodeAt(k) === 60) lt = k;
    }
    if (lt < 0) continue;
    const nameEnd = at + name.length;
    if (nameEnd >= buffer.length) return { kind: 'cut', start: lt };
    const next = buffer.charCodeAt(nameEnd);
    if (next === 62 || next === 47 || isSpace(next)) return { kind: 'tag', start: lt, prefix: buffer.slice(lt + 1, at), nameEnd };
  }
  return { kind: 'none' };
}

/** Where the end tag (`close` = `</prefix:name`, then spaces and `>`) after `from` ends, or −1 when the text does not hold it yet. */
function closeTagEnd(buffer: string, close: string, from: number): number {
  for (let at = buffer.indexOf(close, from); at >= 0; at = buffer.indexOf(close, at + 1)) {
    let k = at + close.length;
    while (k < buffer.length && isSpace(buffer.charCodeAt(k))) k++;
    if (k >= buffer.length) return -1;
    if (buffer.charCodeAt(k) === 62) return k + 1;
  }
  return -1;
}
