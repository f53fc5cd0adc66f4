import { TextDecoder } from 'node:util';
import { openZipEntry, ZipError, type ZipEntry, type ZipSource } from './zip-entries.js';

/**
 * Streams a zip entry as UTF-8 text (what xlsx XML parts are). The decoder keeps a character cut
 * between two chunks whole, and bad bytes raise a ZipError instead of turning into U+FFFD.
 */
export async function* zipEntryText(source: ZipSource, entry: ZipEntry, onRead?: (bytes: number) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of await openZipEntry(source, entry, onRead)) yield decoder.decode(chunk as Buffer, { stream: true });
    yield decoder.decode();
  } catch (err) {
    if (err instanceof TypeError && (err as NodeJS.ErrnoException).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
      throw new ZipError(`${entry.name} is not valid UTF-8`);
    }
    throw err;
  }
}

/** A whole (small) zip entry as UTF-8 text. */
export async function entryText(source: ZipSource, entry: ZipEntry): Promise<string> {
  let text = '';
  for await (const piece of zipEntryText(source, entry)) text += piece;
  return text;
}
