/**
 * The TrueType side of font subsetting (see subset-font.ts): glyf and loca tables cut down to some
 * glyphs, renumbered, composite glyphs pointing at their components' new numbers.
 */

/** A font's TrueType outlines: the glyf table and its loca index (long offsets or short halves). */
export interface GlyfOutlines {
  glyf: Buffer;
  loca: Buffer;
  longOffsets: boolean;
}

// Composite glyph flags: what follows each component's glyph number.
const ARGS_ARE_WORDS = 0x0001;
const HAS_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const HAS_XY_SCALE = 0x0040;
const HAS_TWO_BY_TWO = 0x0080;

function glyphData({ glyf, loca, longOffsets }: GlyfOutlines, glyph: number): Buffer {
  const offset = (i: number) => (longOffsets ? loca.readUInt32BE(4 * i) : 2 * loca.readUInt16BE(2 * i));
  return glyf.subarray(offset(glyph), offset(glyph + 1));
}

/** Where the component glyph numbers of a composite glyph are (none for a simple glyph). */
function componentNumberOffsets(data: Buffer): number[] {
  if (data.length < 10 || data.readInt16BE(0) >= 0) return [];
  const offsets: number[] = [];
  let at = 10;
  let flags: number;
  do {
    flags = data.readUInt16BE(at);
    offsets.push(at + 2);
    at += 4 + (flags & ARGS_ARE_WORDS ? 4 : 2) + (flags & HAS_SCALE ? 2 : flags & HAS_XY_SCALE ? 4 : flags & HAS_TWO_BY_TWO ? 8 : 0);
  } while (flags & MORE_COMPONENTS);
  return offsets;
}

/**
 * The glyphs and every glyph their composites are built from (e.g. é from e and ´), ascending.
 * @example withComponents(outlines, [0, 36]) // [0, 36, 68, 105] for a composite 36 built from 68 and 105
 */
export function withComponents(outlines: GlyfOutlines, glyphs: readonly number[]): number[] {
  const all = new Set(glyphs);
  const queue = [...glyphs];
  while (queue.length > 0) {
    const data = glyphData(outlines, queue.pop() as number);
    for (const at of componentNumberOffsets(data)) {
      const component = data.readUInt16BE(at);
      if (!all.has(component)) queue.push(component);
      all.add(component);
    }
  }
  return [...all].sort((a, b) => a - b);
}

/** glyf and long-offset loca tables with only `glyphs` (old numbers, in their new order, closed under components). */
export function subsetGlyfTables(outlines: GlyfOutlines, glyphs: readonly number[]): { glyf: Buffer; loca: Buffer } {
  const newNumber = new Map(glyphs.map((glyph, i) => [glyph, i]));
  const loca = Buffer.alloc(4 * (glyphs.length + 1));
  const parts: Buffer[] = [];
  let offset = 0;
  glyphs.forEach((glyph, i) => {
    const data = glyphData(outlines, glyph);
    const copy = Buffer.alloc(data.length + ((4 - (data.length % 4)) % 4));
    data.copy(copy);
    for (const at of componentNumberOffsets(copy)) copy.writeUInt16BE(newNumber.get(copy.readUInt16BE(at)) as number, at);
    loca.writeUInt32BE(offset, 4 * i);
    parts.push(copy);
    offset += copy.length;
  });
  loca.writeUInt32BE(offset, 4 * glyphs.length);
  return { glyf: Buffer.concat(parts), loca };
}
