import { createReadStream } from 'node:fs';
import type { TextEncoding } from './raw-table.js';

/** Bytes of a text file that end at a character boundary, so they decode without the bytes around them. */
export interface LineChunk {
  bytes: Buffer;
  /** Byte offset of the chunk's first byte in the file. */
  offset: number;
}

/** Where to start reading and whom to tell how far the read has got. */
export interface ReadLineChunksOptions {
  /** Byte offset to start at (past a byte-order mark). */
  start?: number;
  /** Bytes per read: 64 KiB by default, which keeps the batches of rows parsed from one read small. */
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** File size in bytes, passed to onProgress. */
  total?: number;
}

/** Bytes per code unit: 2 for UTF-16, 1 for the byte-oriented encodings. */
export function codeUnitBytes(encoding: TextEncoding): 1 | 2 {
  return encoding === 'utf-16le' || encoding === 'utf-16be' ? 2 : 1;
}

/** The code unit at byte `i` (two bytes in UTF-16, one otherwise). */
export function codeUnitAt(bytes: Uint8Array, i: number, encoding: TextEncoding): number {
  if (encoding === 'utf-16le') return bytes[i] | (bytes[i + 1] << 8);
  if (encoding === 'utf-16be') return (bytes[i] << 8) | bytes[i + 1];
  return bytes[i];
}

/**
 * The index just past the last CR or LF in `bytes`, or 0 when there is none.
 * CR and LF never occur inside a multi-byte UTF-8 or GB18030 character, nor inside a UTF-16
 * surrogate pair, so cutting there keeps every character whole. `phase` is 1 when `bytes`
 * starts in the middle of a UTF-16 code unit.
 */
function afterLastLineBreak(bytes: Buffer, encoding: TextEncoding, phase: number): number {
  if (codeUnitBytes(encoding) === 1) return Math.max(bytes.lastIndexOf(0x0a), bytes.lastIndexOf(0x0d)) + 1;
  const aligned = (bytes.length - phase) % 2 === 0 ? bytes.length - 2 : bytes.length - 3;
  for (let i = aligned; i >= 0; i -= 2) {
    const unit = codeUnitAt(bytes, i, encoding);
    if (unit === 0x0a || unit === 0x0d) return i + 2;
  }
  return 0;
}

/**
 * Streams a text file as chunks of about `chunkSize` bytes, each cut after a line break so it
 * decodes on its own: the file never sits in memory whole.
 */
export async function* readLineChunks(
  file: string,
  encoding: TextEncoding,
  options: ReadLineChunksOptions = {},
): AsyncGenerator<LineChunk> {
  const { start = 0, chunkSize = 1 << 16, onProgress, total = 0 } = options;
  // Reads without a line break wait here, unjoined, so a file with one huge line costs no quadratic copying.
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let offset = start;
  const stream = createReadStream(file, { start, highWaterMark: chunkSize });
  for await (const read of stream as AsyncIterable<Buffer>) {
    onProgress?.(offset + pendingLength + read.length, total);
    const cutInRead = afterLastLineBreak(read, encoding, pendingLength % 2);
    pending.push(read);
    pendingLength += read.length;
    if (cutInRead === 0) continue;
    const bytes = pending.length === 1 ? read : Buffer.concat(pending, pendingLength);
    const cut = pendingLength - read.length + cutInRead;
    yield { bytes: bytes.subarray(0, cut), offset };
    offset += cut;
    pending = cut < bytes.length ? [bytes.subarray(cut)] : [];
    pendingLength = bytes.length - cut;
  }
  if (pendingLength > 0) yield { bytes: Buffer.concat(pending, pendingLength), offset };
}
