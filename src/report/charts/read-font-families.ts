import { closeSync, openSync, readSync } from 'node:fs';

// sfnt versions of a TrueType, CFF-flavoured OpenType and old Apple TrueType face.
const SFNT_VERSIONS = new Set([0x00010000, 0x4f54544f, 0x74727565]);
const NAME_TYPOGRAPHIC_FAMILY = 16;
const NAME_FAMILY = 1;
const LANGUAGE_EN_US = 0x0409;

/** Reads `length` bytes of a font file from `offset`. */
export type ReadAt = (offset: number, length: number) => Buffer;

/** The tables of one face by tag (`CFF `, `cmap`, …): where each starts in the file and its length. */
export type FontTables = Map<string, { offset: number; length: number }>;

/** Where each face of a font starts: one offset for a .ttf/.otf, one per face for a .ttc collection. */
export function faceOffsets(readAt: ReadAt): number[] {
  const header = readAt(0, 12);
  if (header.toString('latin1', 0, 4) !== 'ttcf') return [0];
  return Array.from(readUInt32s(readAt(12, 4 * Math.min(header.readUInt32BE(8), 256))));
}

/** The tables of the face at `offset` by tag (e.g. `CFF `, `cmap`), or null when it is not a TrueType/OpenType face. */
export function tableDirectory(readAt: ReadAt, offset: number): FontTables | null {
  const header = readAt(offset, 12);
  if (!SFNT_VERSIONS.has(header.readUInt32BE(0))) return null;
  const directory = readAt(offset + 12, 16 * header.readUInt16BE(4));
  const tables: FontTables = new Map();
  for (let at = 0; at + 16 <= directory.length; at += 16) {
    tables.set(directory.toString('latin1', at, at + 4), { offset: directory.readUInt32BE(at + 8), length: directory.readUInt32BE(at + 12) });
  }
  return tables;
}

/**
 * Family name of each face in a TrueType/OpenType font or collection (.ttf, .otf, .ttc), from
 * its name table, English names preferred — what resvg matches `font-family` against; null for a
 * face without one. Reads only the headers, not the (often 20 MB) file. Empty for a file that is
 * not such a font.
 * @example readFontFamilies('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc') // ['Noto Sans CJK JP', 'Noto Sans CJK KR', 'Noto Sans CJK SC', …]
 */
export function readFontFamilies(file: string): (string | null)[] {
  const fd = openSync(file, 'r');
  try {
    const readAt: ReadAt = (offset, length) => {
      const buffer = Buffer.alloc(length);
      readSync(fd, buffer, 0, length, offset);
      return buffer;
    };
    const faces = faceOffsets(readAt).map((offset) => tableDirectory(readAt, offset));
    return faces.every((tables) => tables === null) ? [] : faces.map((tables) => (tables ? faceFamily(readAt, tables) : null));
  } finally {
    closeSync(fd);
  }
}

function* readUInt32s(buffer: Buffer): Generator<number> {
  for (let at = 0; at + 4 <= buffer.length; at += 4) yield buffer.readUInt32BE(at);
}

/** The family of a face: typographic family (name 16) before family (name 1), US English first. */
function faceFamily(readAt: ReadAt, tables: FontTables): string | null {
  const table = tables.get('name');
  if (!table) return null;
  const names = readAt(table.offset, table.length);
  const count = names.readUInt16BE(2);
  const strings = names.readUInt16BE(4);
  let best: { rank: number; name: string } | null = null;
  for (let r = 6; r + 12 <= Math.min(names.length, 6 + 12 * count); r += 12) {
    const [platform, , language, nameId, length, start] = [0, 2, 4, 6, 8, 10].map((k) => names.readUInt16BE(r + k));
    // Unicode (0) and Windows (3) platforms store names as UTF-16BE; Mac Roman names are skipped.
    if ((platform !== 0 && platform !== 3) || (nameId !== NAME_TYPOGRAPHIC_FAMILY && nameId !== NAME_FAMILY)) continue;
    const rank = (nameId === NAME_TYPOGRAPHIC_FAMILY ? 0 : 4) + (language === LANGUAGE_EN_US ? 0 : 2) + (platform === 3 ? 0 : 1);
    if (best && best.rank <= rank) continue;
    const name = Buffer.from(names.subarray(strings + start, strings + start + (length & ~1))).swap16().toString('utf16le');
    if (name) best = { rank, name };
  }
  return best?.name ?? null;
}
