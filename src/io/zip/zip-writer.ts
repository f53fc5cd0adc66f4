import { promisify } from 'node:util';
import { constants, crc32, deflateRaw, deflateRawSync } from 'node:zlib';

/**
 * One file to put in a zip archive: text is written as UTF-8; `store` keeps already-compressed
 * data (PNG) as it is; `deflated` is the file compressed ahead by `entryDeflater`.
 */
export type ZipInput = { name: string; data: string | Uint8Array; store?: boolean } | { name: string; deflated: DeflatedEntry };

/** A file's bytes deflated as writeZip deflates them, with the CRC and size of the original. */
export interface DeflatedEntry {
  body: Uint8Array;
  crc: number;
  size: number;
}

const deflateRawAsync = promisify(deflateRaw);

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** General-purpose flag bit 11: names are UTF-8. */
const UTF8_NAMES = 0x0800;
/** 1980-01-01 00:00 in DOS format, the earliest a zip can say: a fixed time makes the output depend only on the input. */
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1;
/**
 * zlib level 2: a survey's 15 MB data sheet (10,090 × 45 cells) deflates in 40% of level 6's
 * time to 18% more bytes (100 vs 260 ms, 3.4 vs 2.8 MB); the report's time budget is tight.
 */
const LEVEL = 2;
const MAX_ENTRIES = 0xffff;
const MAX32 = 0xffffffff;

/**
 * Packs files into a zip archive in memory (deflated, no ZIP64): identical input gives identical
 * bytes. Throws beyond 65,535 entries or 4 GiB, which would need ZIP64.
 */
export function writeZip(files: readonly ZipInput[]): Buffer {
  if (files.length > MAX_ENTRIES) throw new Error(`a zip without ZIP64 holds at most ${MAX_ENTRIES} files, not ${files.length}`);
  const chunks: Uint8Array[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const { body, crc, size, method } = 'deflated' in file ? { ...file.deflated, method: 8 } : entryOf(file);
    const fields = { method, crc, compressedSize: body.length, size, name };
    if (size >= MAX32 || offset + 30 + name.length + body.length >= MAX32) {
      throw new Error(`zip archive too large at ${file.name}: more than 4 GiB needs ZIP64, which this writer does not do`);
    }
    const local = header(LOCAL, 30, fields);
    chunks.push(local, name, body);
    directory.push(centralRecord(fields, offset), name);
    offset += local.length + name.length + body.length;
  }
  const directorySize = directory.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...directory, end], offset + directorySize + end.length);
}

/** Deflates a large file on the thread pool piece by piece, as it is produced (see entryDeflater). */
export interface EntryDeflater {
  /** Adds the next piece, which must not change afterwards; its compression starts at once. */
  write(piece: Uint8Array): void;
  /** The whole file deflated, once every piece is. */
  end(): Promise<DeflatedEntry>;
}

/**
 * A file deflated on the thread pool while the main thread still writes it, as pigz does: each
 * piece is compressed on its own and ends byte-aligned (a sync flush, no final block), so the
 * pieces compress in parallel and join into one deflate stream, closed by an empty final block.
 * Pieces of 1 MB cost under 1% in size against deflating the whole. `{ name, deflated: await
 * deflater.end() }` puts in writeZip what `{ name, data }` would, in a different encoding.
 */
export function entryDeflater(): EntryDeflater {
  const bodies: Promise<Buffer>[] = [];
  let crc = 0;
  let size = 0;
  // An output buffer that holds a piece's whole result: one trip to the thread pool per piece.
  const compress = (piece: Uint8Array, finishFlush: number) => deflateRawAsync(piece, { level: LEVEL, finishFlush, chunkSize: Math.max(16 * 1024, piece.length + 1024) });
  return {
    write(piece) {
      crc = crc32(piece, crc);
      size += piece.length;
      bodies.push(compress(piece, constants.Z_SYNC_FLUSH));
    },
    async end() {
      bodies.push(compress(new Uint8Array(0), constants.Z_FINISH));
      return { body: Buffer.concat(await Promise.all(bodies)), crc, size };
    },
  };
}

function entryOf(file: { data: string | Uint8Array; store?: boolean }): DeflatedEntry & { method: number } {
  const data = typeof file.data === 'string' ? Buffer.from(file.data, 'utf8') : file.data;
  const body = file.store ? data : deflateRawSync(data, { level: LEVEL });
  return { body, crc: crc32(data), size: data.length, method: file.store ? 0 : 8 };
}

interface EntryFields {
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  name: Buffer;
}

/** A record with the fields local headers and central records share, `at` bytes later than in a local header. */
function header(signature: number, length: number, fields: EntryFields, at = 0): Buffer {
  const b = Buffer.alloc(length);
  b.writeUInt32LE(signature, 0);
  b.writeUInt16LE(20, 4 + at); // version needed to extract: 2.0 (deflate)
  b.writeUInt16LE(UTF8_NAMES, 6 + at);
  b.writeUInt16LE(fields.method, 8 + at);
  b.writeUInt16LE(DOS_TIME, 10 + at);
  b.writeUInt16LE(DOS_DATE, 12 + at);
  b.writeUInt32LE(fields.crc, 14 + at);
  b.writeUInt32LE(fields.compressedSize, 18 + at);
  b.writeUInt32LE(fields.size, 22 + at);
  b.writeUInt16LE(fields.name.length, 26 + at);
  return b;
}

/** A central directory record: the local header's fields after a "version made by", then where the entry starts. */
function centralRecord(fields: EntryFields, offset: number): Buffer {
  const b = header(CENTRAL, 46, fields, 2);
  b.writeUInt16LE(20, 4); // version made by: 2.0, MS-DOS attributes
  b.writeUInt32LE(offset, 42);
  return b;
}
