import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import { InputError } from '../../core/errors.js';
import { decodes, encodingLabel, firstUndecodableLine, strictDecoder, undecodableError } from './decode-text.js';
import { lineAtOffset } from './line-at-offset.js';
import { codeUnitBytes, readLineChunks } from './read-line-chunks.js';
import type { TextEncoding } from './raw-table.js';

/** A text file's encoding and the length of the byte-order mark to skip. */
export interface DetectedEncoding {
  encoding: TextEncoding;
  bomLength: number;
}

const boms: { bytes: number[]; encoding: TextEncoding }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** The encoding a byte-order mark at the start of `head` announces, or null. */
function encodingFromBom(head: Uint8Array): DetectedEncoding | null {
  const bom = boms.find((b) => b.bytes.every((byte, i) => head[i] === byte));
  return bom ? { encoding: bom.encoding, bomLength: bom.bytes.length } : null;
}

/**
 * Finds a text file's encoding as DESIGN §4 says: a byte-order mark, else strict UTF-8 over the
 * whole file, else strict GB18030. An override is checked over the whole file just as strictly.
 * Throws an InputError naming the line of the first undecodable bytes, or of a NUL byte in a
 * file that is not UTF-16 (a binary file).
 */
export async function detectEncoding(file: string, override?: TextEncoding): Promise<DetectedEncoding> {
  const bom = encodingFromBom(await readHead(file, 3));
  if (bom && override && override !== bom.encoding) {
    throw new InputError(
      `the file starts with a ${encodingLabel(bom.encoding)} byte-order mark, but --encoding ${override} was given`,
      { file, hint: 'drop --encoding: the byte-order mark says how the file is encoded' },
    );
  }
  if (bom) {
    const bad = await firstInvalidByte(file, bom.encoding, bom.bomLength);
    if (bad < 0) return bom;
    const hint = `the file starts with a ${encodingLabel(bom.encoding)} byte-order mark but holds other bytes: save it again as UTF-8`;
    throw await undecodableError(file, bad, bom.encoding, bom.bomLength, hint);
  }
  if (override) {
    const bad = await firstInvalidByte(file, override, 0);
    if (bad < 0) return { encoding: override, bomLength: 0 };
    const hint = `--encoding ${override} does not fit this file: try another, or omit --encoding to detect UTF-8 or GB18030`;
    throw await undecodableError(file, bad, override, 0, hint);
  }
  const badUtf8 = await firstInvalidByte(file, 'utf-8', 0);
  if (badUtf8 < 0) return { encoding: 'utf-8', bomLength: 0 };
  const badGb = await firstInvalidByte(file, 'gb18030', 0);
  if (badGb < 0) return { encoding: 'gb18030', bomLength: 0 };
  const utf8Line = await lineAtOffset(file, badUtf8, 'utf-8');
  const gbLine = await lineAtOffset(file, badGb, 'gb18030');
  throw new InputError(
    `unknown text encoding: line ${utf8Line} is not valid UTF-8 and line ${gbLine} is not valid GB18030 (GBK)`,
    {
      file,
      // The later failure is where the likelier encoding breaks down.
      line: Math.max(utf8Line, gbLine),
      hint: 'pass --encoding (utf-8, gb18030, utf-16le or utf-16be) if you know it, or save the file again as UTF-8',
    },
  );
}

async function readHead(file: string, length: number): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(length), 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Offset of the start of the first line that does not decode, or -1 when the whole file does. */
async function firstInvalidByte(file: string, encoding: TextEncoding, start: number): Promise<number> {
  const decoder = strictDecoder(encoding);
  // Large reads: checking is much faster than parsing, so the per-read cost would show.
  for await (const { bytes, offset } of readLineChunks(file, encoding, { start, chunkSize: 1 << 20 })) {
    const nul = codeUnitBytes(encoding) === 1 ? bytes.indexOf(0) : -1;
    if (nul >= 0) {
      const line = await lineAtOffset(file, offset + nul, encoding, start);
      throw new InputError(`binary file, not a CSV (a NUL byte on line ${line})`, {
        file,
        line,
        hint: 'if it is UTF-16 text without a byte-order mark, pass --encoding utf-16le (or utf-16be)',
      });
    }
    // isUtf8 is native and much faster than decoding; TextDecoder checks the other encodings.
    const ok = encoding === 'utf-8' ? isUtf8(bytes) : decodes(decoder, bytes);
    if (!ok) return offset + firstUndecodableLine(bytes, encoding);
  }
  return -1;
}
