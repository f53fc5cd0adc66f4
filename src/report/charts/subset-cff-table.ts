/**
 * The CFF side of font subsetting (see subset-font.ts): a CID-keyed CFF table cut down to some
 * glyphs, renumbered, with the subroutines they do not call emptied.
 */
import { lastAtMost } from './last-at-most.js';

interface CffIndex {
  count: number;
  /** Offset just past the INDEX. */
  end: number;
  item: (i: number) => Buffer;
}

/** An INDEX (count, offsets, data) at `at`. */
function readIndex(cff: Buffer, at: number): CffIndex {
  const count = cff.readUInt16BE(at);
  if (count === 0) return { count, end: at + 2, item: () => Buffer.alloc(0) };
  const size = cff[at + 2];
  const offset = (i: number) => cff.readUIntBE(at + 3 + i * size, size);
  // Offsets count from the byte before the data, which starts after the offset array.
  const base = at + 2 + (count + 1) * size;
  return { count, end: base + offset(count), item: (i) => cff.subarray(base + offset(i), base + offset(i + 1)) };
}

/** An INDEX of `count` items, written into one buffer (a subroutine INDEX has tens of thousands). */
function writeIndex(count: number, item: (i: number) => Buffer): Buffer {
  if (count === 0) return Buffer.alloc(2);
  let total = 1;
  for (let i = 0; i < count; i++) total += item(i).length;
  const size = total < 0x100 ? 1 : total < 0x10000 ? 2 : total < 0x1000000 ? 3 : 4;
  const index = Buffer.alloc(3 + (count + 1) * size + total - 1);
  index.writeUInt16BE(count, 0);
  index[2] = size;
  const base = 2 + (count + 1) * size;
  let offset = 1;
  for (let i = 0; i < count; i++) {
    index.writeUIntBE(offset, 3 + i * size, size);
    const bytes = item(i);
    index.set(bytes, base + offset); // TypedArray#set: cheaper than Buffer#copy for tens of thousands of 1-byte items
    offset += bytes.length;
  }
  index.writeUIntBE(offset, 3 + count * size, size);
  return index;
}

/** A DICT entry: operator (12 x written as 1200 + x), its operands' values and raw bytes. */
interface DictEntry {
  op: number;
  operands: number[];
  raw: Buffer;
}

const OP = { charset: 15, charStrings: 17, private: 18, subrs: 19, ros: 1230, fdArray: 1236, fdSelect: 1237 } as const;

function readDict(data: Buffer): DictEntry[] {
  const entries: DictEntry[] = [];
  let operands: number[] = [];
  let start = 0;
  for (let i = 0; i < data.length; ) {
    const b = data[i];
    if (b <= 21) {
      entries.push({ op: b === 12 ? 1200 + data[i + 1] : b, operands, raw: data.subarray(start, i) });
      i += b === 12 ? 2 : 1;
      [start, operands] = [i, []];
    } else if (b === 30) {
      // A real number: nibbles up to an 0xf terminator. Only offsets are read, so its value is not needed.
      do i++;
      while (i < data.length && (data[i] & 0x0f) !== 0x0f && data[i] >> 4 !== 0x0f);
      i++;
      operands.push(Number.NaN);
    } else {
      const [value, next] = readNumber(data, i, b === 29);
      operands.push(value);
      i = next;
    }
  }
  return entries;
}

/** A number in a DICT or charstring at `i`: its value and the offset after it (29 is a 32-bit integer in a DICT). */
function readNumber(data: Buffer, i: number, int32 = false): [number, number] {
  const b = data[i];
  if (int32) return [data.readInt32BE(i + 1), i + 5];
  if (b === 28) return [data.readInt16BE(i + 1), i + 3];
  if (b >= 32 && b <= 246) return [b - 139, i + 1];
  if (b >= 247 && b <= 250) return [(b - 247) * 256 + data[i + 1] + 108, i + 2];
  if (b >= 251 && b <= 254) return [-(b - 251) * 256 - data[i + 1] - 108, i + 2];
  if (b === 255) return [data.readInt32BE(i + 1) / 65536, i + 5];
  throw new Error(`unexpected byte ${b}`);
}

/** A DICT with the operands of some operators replaced by 32-bit integers (fixed width, so sizes are known before offsets). */
function writeDict(entries: readonly DictEntry[], replace: ReadonlyMap<number, readonly number[]>): Buffer {
  return Buffer.concat(
    entries.map(({ op, raw }) => {
      const values = replace.get(op);
      const operands = values
        ? Buffer.concat(values.map((v) => Buffer.from([29, (v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff])))
        : raw;
      return Buffer.concat([operands, Buffer.from(op >= 1200 ? [12, op - 1200] : [op])]);
    }),
  );
}

function operand(entries: readonly DictEntry[], op: number, k = 0): number {
  const value = entries.find((e) => e.op === op)?.operands[k];
  if (value === undefined || !Number.isInteger(value)) throw new Error(`DICT operator ${op} missing`);
  return value;
}

/** The font dict index of each glyph, from an FDSelect of format 0 or 3. */
function fdSelectLookup(cff: Buffer, at: number): (glyph: number) => number {
  if (cff[at] === 0) return (glyph) => cff[at + 1 + glyph];
  if (cff[at] !== 3) throw new Error(`FDSelect format ${cff[at]}`);
  const ranges = cff.readUInt16BE(at + 1);
  return (glyph) => cff[at + 3 + 3 * lastAtMost(ranges, (i) => cff.readUInt16BE(at + 3 + 3 * i), glyph) + 2];
}

/**
 * A CID-keyed CFF table with only `glyphs` (old numbers, in their new order) and only the
 * subroutines they call; throws for any other kind of CFF.
 */
export function subsetCffTable(cff: Buffer, glyphs: readonly number[]): Buffer {
  const names = readIndex(cff, cff[2]);
  const topDicts = readIndex(cff, names.end);
  const strings = readIndex(cff, topDicts.end);
  const globalSubrs = readIndex(cff, strings.end);
  if (topDicts.count !== 1) throw new Error('a CFF table with several fonts');
  const top = readDict(topDicts.item(0));
  if (!top.some((e) => e.op === OP.ros)) throw new Error('not a CID-keyed CFF font');
  const charStrings = readIndex(cff, operand(top, OP.charStrings));
  const fdArray = readIndex(cff, operand(top, OP.fdArray));
  const fdOf = fdSelectLookup(cff, operand(top, OP.fdSelect));
  const fonts = Array.from({ length: fdArray.count }, (_, i) => {
    const dict = readDict(fdArray.item(i));
    const [size, at] = [operand(dict, OP.private, 0), operand(dict, OP.private, 1)];
    const privateDict = readDict(cff.subarray(at, at + size));
    const subrs = privateDict.some((e) => e.op === OP.subrs) ? readIndex(cff, at + operand(privateDict, OP.subrs)) : null;
    return { dict, privateDict, subrs, used: new Set<number>() };
  });

  const usedGlobal = new Set<number>();
  const glyphFonts = glyphs.map((glyph) => {
    const font = fonts[fdOf(glyph)];
    if (!font) throw new Error(`glyph ${glyph} has no font dict`);
    markSubroutines(charStrings.item(glyph), { local: font.subrs, localUsed: font.used, global: globalSubrs, globalUsed: usedGlobal });
    return font;
  });
  const kept = [...new Set(glyphFonts)];

  const privates = kept.map(({ privateDict, subrs, used }) => {
    // Local subroutines follow their Private DICT, so its Subrs offset is the DICT's own size.
    const size = writeDict(privateDict, new Map([[OP.subrs, [0]]])).length;
    return { dict: writeDict(privateDict, new Map([[OP.subrs, [size]]])), local: subrs ? writeHollowIndex(subrs, used) : Buffer.alloc(0) };
  });

  const head = cff.subarray(0, names.end);
  const stringIndex = cff.subarray(topDicts.end, strings.end);
  const globalIndex = writeHollowIndex(globalSubrs, usedGlobal);
  // Identity charset (glyph i is CID i) and FDSelect format 0: the renumbered glyphs need no more.
  const charset = Buffer.alloc(1 + 2 * (glyphs.length - 1));
  for (let i = 1; i < glyphs.length; i++) charset.writeUInt16BE(i, 1 + 2 * (i - 1));
  const fdSelect = Buffer.from([0, ...glyphFonts.map((font) => kept.indexOf(font))]);
  const charStringIndex = writeIndex(glyphs.length, (i) => charStrings.item(glyphs[i]));

  const offsets = (values: readonly number[]) => new Map([[OP.charset, [values[0]]], [OP.fdSelect, [values[1]]], [OP.charStrings, [values[2]]], [OP.fdArray, [values[3]]]]);
  const topSize = writeIndex(1, () => writeDict(top, offsets([0, 0, 0, 0]))).length;
  const charsetAt = head.length + topSize + stringIndex.length + globalIndex.length;
  const fdSelectAt = charsetAt + charset.length;
  const charStringsAt = fdSelectAt + fdSelect.length;
  const fdArrayAt = charStringsAt + charStringIndex.length;
  const fdArraySize = writeIndex(kept.length, (i) => writeDict(kept[i].dict, new Map([[OP.private, [0, 0]]]))).length;
  let privateAt = fdArrayAt + fdArraySize;
  const fdDicts = kept.map(({ dict }, i) => {
    const written = writeDict(dict, new Map([[OP.private, [privates[i].dict.length, privateAt]]]));
    privateAt += privates[i].dict.length + privates[i].local.length;
    return written;
  });
  return Buffer.concat([
    head,
    writeIndex(1, () => writeDict(top, offsets([charsetAt, fdSelectAt, charStringsAt, fdArrayAt]))),
    stringIndex,
    globalIndex,
    charset,
    fdSelect,
    charStringIndex,
    writeIndex(fdDicts.length, (i) => fdDicts[i]),
    ...privates.flatMap(({ dict, local }) => [dict, local]),
  ]);
}

/** A subroutine INDEX with the used ones kept and the others emptied to a bare `return`, so every number stays valid. */
function writeHollowIndex(subrs: CffIndex, used: ReadonlySet<number>): Buffer {
  const empty = Buffer.from([11]);
  return writeIndex(subrs.count, (i) => (used.has(i) ? subrs.item(i) : empty));
}

/** Subroutine numbers are stored minus a bias that depends on how many there are. */
function subrBias(count: number): number {
  return count < 1240 ? 107 : count < 33900 ? 1131 : 32768;
}

interface SubrSets {
  local: CffIndex | null;
  localUsed: Set<number>;
  global: CffIndex;
  globalUsed: Set<number>;
}

/**
 * Walks a Type 2 charstring and the subroutines it calls, recording which are used. Tracks the
 * operand stack (a call's number is the last operand) and the stem count (a hintmask is followed
 * by one bit per stem). Arithmetic operators could compute a subroutine number, so a charstring
 * using them is refused.
 */
function markSubroutines(charString: Buffer, subrs: SubrSets): void {
  const state = { stack: [] as number[], stems: 0, ended: false };
  const walk = (code: Buffer, depth: number): void => {
    if (depth > 10) throw new Error('subroutines nested too deep');
    for (let i = 0; i < code.length && !state.ended; ) {
      const b = code[i];
      if (b === 28 || b >= 32) {
        const [value, next] = readNumber(code, i);
        state.stack.push(value);
        i = next;
        continue;
      }
      i += 1;
      if (b === 1 || b === 3 || b === 18 || b === 23) {
        state.stems += state.stack.length >> 1; // hstem, vstem, hstemhm, vstemhm
      } else if (b === 19 || b === 20) {
        state.stems += state.stack.length >> 1; // hintmask, cntrmask: operands left are implicit vstems
        i += (state.stems + 7) >> 3;
      } else if (b === 10 || b === 29) {
        const [index, used] = b === 10 ? [subrs.local, subrs.localUsed] : [subrs.global, subrs.globalUsed];
        const number = (state.stack.pop() ?? Number.NaN) + subrBias(index?.count ?? 0);
        if (!index || !Number.isInteger(number) || number < 0 || number >= index.count) throw new Error('bad subroutine call');
        used.add(number);
        walk(index.item(number), depth + 1);
        continue;
      } else if (b === 11) {
        return;
      } else if (b === 14) {
        state.ended = true;
        return;
      } else if (b === 12) {
        const escaped = code[i++];
        if (escaped !== 0 && (escaped < 34 || escaped > 37)) throw new Error(`charstring operator 12 ${escaped}`); // only dotsection and the flexes
      }
      state.stack = [];
    }
  };
  walk(charString, 0);
}
