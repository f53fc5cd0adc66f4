import { TextDecoder } from 'node:util';
import { InputError, UsageError } from '../../core/errors.js';
import { lineAtOffset } from './line-at-offset.js';
import { codeUnitAt, codeUnitBytes, type LineChunk } from './read-line-chunks.js';
import type { TextEncoding } from './raw-table.js';

/** The encodings `--encoding` accepts, in the order help texts list them. */
export const TEXT_ENCODINGS: readonly TextEncoding[] = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'];

// GBK and GB2312 are subsets of GB18030, so reading them as GB18030 gives the same text.
const aliases: Record<string, TextEncoding> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  cp936: 'gb18030',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
};

/** Reads an `--encoding` value (`utf8`, `GBK`, `utf-16le`, …) as a TextEncoding; anything else is a UsageError. */
export function parseEncoding(name: string): TextEncoding {
  const encoding = aliases[name.trim().toLowerCase()];
  if (encoding) return encoding;
  throw new UsageError(`unknown encoding "${name}"`, {
    hint: `use one of ${TEXT_ENCODINGS.join(', ')} (gbk and gb2312 read as gb18030)`,
  });
}

/** A decoder that throws on undecodable bytes instead of writing U+FFFD into the data. */
export function strictDecoder(encoding: TextEncoding): TextDecoder {
  // ignoreBOM: the readers skip a byte-order mark themselves, and one anywhere else is data.
  return new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
}

/** Whether `bytes` decode cleanly in `encoding`. */
export function decodes(decoder: TextDecoder, bytes: Uint8Array): boolean {
  try {
    decoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Byte offset, within a chunk that fails to decode, of the start of the first line that fails:
 * every line ends at a character boundary, so lines can be tried one by one.
 */
export function firstUndecodableLine(bytes: Uint8Array, encoding: TextEncoding): number {
  const decoder = strictDecoder(encoding);
  const step = codeUnitBytes(encoding);
  let start = 0;
  for (let i = 0; i + step <= bytes.length; i += step) {
    const unit = codeUnitAt(bytes, i, encoding);
    if (unit !== 0x0a && unit !== 0x0d) continue;
    if (!decodes(decoder, bytes.subarray(start, i + step))) return start;
    start = i + step;
  }
  return start;
}

/** Names the encoding as users know it. */
export function encodingLabel(encoding: TextEncoding): string {
  return encoding === 'gb18030' ? 'GB18030 (GBK)' : encoding.toUpperCase();
}

/** The InputError for bytes at `offset` that do not decode as `encoding`, naming their line. */
export async function undecodableError(
  file: string,
  offset: number,
  encoding: TextEncoding,
  start: number,
  hint: string,
): Promise<InputError> {
  const line = await lineAtOffset(file, offset, encoding, start);
  return new InputError(`line ${line} is not valid ${encodingLabel(encoding)} text`, { file, line, hint });
}

/**
 * Decodes line chunks strictly: bytes that are not valid `encoding` raise an InputError naming
 * their line, never a U+FFFD replacement character in the data.
 */
export async function* decodeText(
  chunks: AsyncIterable<LineChunk>,
  file: string,
  encoding: TextEncoding,
  start: number,
): AsyncGenerator<string> {
  const decoder = strictDecoder(encoding);
  for await (const { bytes, offset } of chunks) {
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      const bad = offset + firstUndecodableLine(bytes, encoding);
      throw await undecodableError(file, bad, encoding, start, 'the file changed while it was read, or --encoding is wrong');
    }
    yield text;
  }
}
