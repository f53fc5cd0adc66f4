import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline, Readable, Transform } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/** One file inside a zip archive, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** A zip archive or workbook part that cannot be read: the readers turn it into an InputError about the file. */
export class ZipError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;
const READ_BYTES = 1 << 20;
const INFLATED_BYTES = 1 << 18;
/**
 * Zip-bomb defence: an entry may inflate to at most this many times its compressed size (xlsx
 * parts of real exports inflate 8–32 times; a bomb a thousand times), once it is past
 * MAX_RATIO_GRACE bytes, and never to more than the size its directory entry declares.
 */
export const MAX_INFLATE_RATIO = 200;
const MAX_RATIO_GRACE = 1 << 20;

/**
 * Where a zip archive is read from: a file's path (read piece by piece, for exports of any size), or
 * its bytes already in memory (a document read whole, which may have come through a pipe).
 */
export type ZipSource = string | Uint8Array;

const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

async function readAt(source: ZipSource, position: number, length: number): Promise<Buffer> {
  if (typeof source !== 'string') return asBuffer(source).subarray(position, position + length);
  const handle = await open(source, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(length), 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The bytes from `start` to `end` (inclusive, as createReadStream counts) in pieces of READ_BYTES. */
function readRange(source: ZipSource, start: number, end: number): Readable {
  if (typeof source === 'string') return createReadStream(source, { start, end, highWaterMark: READ_BYTES });
  const bytes = asBuffer(source);
  const last = Math.min(end + 1, bytes.length);
  return Readable.from((function* () {
    for (let at = start; at < last; at += READ_BYTES) yield bytes.subarray(at, Math.min(at + READ_BYTES, last));
  })());
}

/**
 * Reads a zip archive's central directory (ZIP64 included), so entries can be read in any order
 * without unpacking the others: the sheet is streamed after the small parts it depends on.
 */
export async function readZipEntries(source: ZipSource, size: number): Promise<Map<string, ZipEntry>> {
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = await readAt(source, size - tailLength, tailLength);
  let at = tail.length - 22;
  while (at >= 0 && tail.readUInt32LE(at) !== EOCD) at--;
  if (at < 0) throw new ZipError('no zip directory found: the file is damaged or truncated');
  let count = tail.readUInt16LE(at + 10);
  let directorySize = tail.readUInt32LE(at + 12);
  let directoryOffset = tail.readUInt32LE(at + 16);
  if (directoryOffset === MAX32 || count === 0xffff) {
    const locator = at - 20;
    if (locator < 0 || tail.readUInt32LE(locator) !== ZIP64_LOCATOR) throw new ZipError('damaged ZIP64 directory');
    const recordAt = Number(tail.readBigUInt64LE(locator + 8));
    if (recordAt + 56 > size) throw new ZipError('damaged ZIP64 directory');
    const record = await readAt(source, recordAt, 56);
    if (record.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipError('damaged ZIP64 directory');
    count = Number(record.readBigUInt64LE(32));
    directorySize = Number(record.readBigUInt64LE(40));
    directoryOffset = Number(record.readBigUInt64LE(48));
  }
  // A damaged end record can claim a directory larger than the file (up to 4 GB, or 2⁶⁴ in ZIP64):
  // reading that would ask for a buffer the file cannot fill.
  if (!Number.isSafeInteger(directoryOffset) || !Number.isSafeInteger(directorySize) || directoryOffset + directorySize > size) {
    throw new ZipError('damaged zip directory (it lies outside the file)');
  }
  const directory = await readAt(source, directoryOffset, directorySize);
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL) {
      throw new ZipError('damaged zip directory');
    }
    const nameLength = directory.readUInt16LE(p + 28);
    const extraLength = directory.readUInt16LE(p + 30);
    const commentLength = directory.readUInt16LE(p + 32);
    const name = directory.toString('utf8', p + 46, p + 46 + nameLength);
    const entry: ZipEntry = {
      name,
      method: directory.readUInt16LE(p + 10),
      encrypted: (directory.readUInt16LE(p + 8) & 1) === 1,
      compressedSize: directory.readUInt32LE(p + 20),
      size: directory.readUInt32LE(p + 24),
      localHeaderOffset: directory.readUInt32LE(p + 42),
    };
    applyZip64Extra(entry, directory.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
    entries.set(name, entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Large entries keep their sizes and offset in the ZIP64 extra field, in this order. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer): void {
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p);
    const length = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const next = (): number => {
        const value = Number(extra.readBigUInt64LE(q));
        q += 8;
        return value;
      };
      if (entry.size === MAX32) entry.size = next();
      if (entry.compressedSize === MAX32) entry.compressedSize = next();
      if (entry.localHeaderOffset === MAX32) entry.localHeaderOffset = next();
      return;
    }
    p += 4 + length;
  }
}

/** The uncompressed bytes of one entry as a stream; `onRead` hears how many compressed bytes were read. */
export async function openZipEntry(source: ZipSource, entry: ZipEntry, onRead?: (bytes: number) => void): Promise<Readable> {
  if (entry.encrypted) throw new ZipError(`${entry.name} is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) throw new ZipError(`${entry.name} uses unsupported compression ${entry.method}`);
  const header = await readAt(source, entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw new ZipError(`damaged zip entry ${entry.name}`);
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (entry.compressedSize === 0) {
    if (entry.size !== 0) throw new ZipError(`damaged zip entry ${entry.name} (no data for ${entry.size} bytes)`);
    return Readable.from([]);
  }
  checkDeclaredRatio(entry);
  // Pieces of 1 MB in and 256 KB out, not Node's 64 KB and 16 KB: each piece costs a round trip
  // to the thread pool, which dominated reading a large sheet.
  const raw = readRange(source, start, start + entry.compressedSize - 1);
  if (onRead) raw.on('data', (chunk) => onRead(chunk.length));
  if (entry.method === 0) return pipeline(raw, inflatedSizeGuard(entry), () => {});
  // pipeline destroys the streams when the reader stops early, so no file handle is left open.
  return pipeline(raw, createInflateRaw({ chunkSize: INFLATED_BYTES }), inflatedSizeGuard(entry), () => {});
}

/** Refuses an entry whose directory already declares a bomb's inflation, before inflating anything. */
function checkDeclaredRatio(entry: ZipEntry): void {
  if (entry.method === 8 && entry.size > MAX_RATIO_GRACE && entry.size > MAX_INFLATE_RATIO * entry.compressedSize) {
    throw new ZipError(
      `${entry.name} would inflate ${Math.round(entry.size / entry.compressedSize)} times (${entry.compressedSize} bytes to ${entry.size}), more than the ${MAX_INFLATE_RATIO} times a real workbook does: refused as a zip bomb`,
    );
  }
}

/**
 * Passes inflated bytes through, failing as soon as they exceed the size the directory declares
 * (a directory that understates it hides a bomb) or, at the end, fall short of it (a damaged entry).
 */
function inflatedSizeGuard(entry: ZipEntry): Transform {
  let inflated = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      inflated += chunk.length;
      if (inflated > entry.size) {
        done(new ZipError(`${entry.name} inflates to more than the ${entry.size} bytes its zip directory declares: the file is damaged or a zip bomb`));
      } else done(null, chunk);
    },
    flush(done) {
      done(inflated === entry.size ? null : new ZipError(`${entry.name} inflates to ${inflated} bytes, but its zip directory declares ${entry.size}: the file is damaged`));
    },
  });
}

/**
 * Refuses a zip archive any of whose entries declares a bomb's inflation, inflating nothing: a
 * reader that reads only some parts still refuses a hostile file outright. The parts it reads are
 * guarded again as they inflate (openZipEntry).
 */
export function checkDeclaredRatios(entries: ReadonlyMap<string, ZipEntry>): void {
  for (const entry of entries.values()) checkDeclaredRatio(entry);
}
