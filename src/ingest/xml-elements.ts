/** How much of a piece's end is kept when no element starts in it: enough for a cut-off start tag. */
const TAIL = 64;

/**
 * Yields the complete `<name …>…</name>` or `<name …/>` elements (any namespace prefix) of an XML
 * document arriving as text pieces, a batch per piece, so a large part is scanned piece by piece.
 * Suits the flat, machine-written parts of an xlsx (shared strings), not XML in general: the
 * element must not nest in itself and comments are not recognised.
 */
export async function* xmlElements(text: AsyncIterable<string>, name: string): AsyncGenerator<string[]> {
  const open = new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])`, 'g');
  const close = new RegExp(`</(?:[\\w.-]+:)?${name}\\s*>`, 'g');
  let buffer = '';
  for await (const piece of text) {
    buffer += piece;
    const elements: string[] = [];
    let pos = 0;
    for (;;) {
      open.lastIndex = pos;
      const start = open.exec(buffer);
      if (!start) {
        pos = Math.max(pos, buffer.length - TAIL);
        break;
      }
      const gt = buffer.indexOf('>', start.index);
      if (gt < 0) {
        pos = start.index;
        break;
      }
      if (buffer.charCodeAt(gt - 1) === 47) {
        elements.push(buffer.slice(start.index, gt + 1));
        pos = gt + 1;
        continue;
      }
      close.lastIndex = gt;
      const end = close.exec(buffer);
      if (!end) {
        pos = start.index;
        break;
      }
      elements.push(buffer.slice(start.index, end.index + end[0].length));
      pos = end.index + end[0].length;
    }
    buffer = buffer.slice(pos);
    if (elements.length > 0) yield elements;
  }
}
