import type { Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { InputError } from '../core/errors.js';

/** Documents (codebooks, plans, rules, targets, specs) are a few KB: more than this is not one. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

/**
 * What a path is when it is not a regular file, in words (`a directory`, `a device such as
 * /dev/zero`, `a pipe`), or null for a regular file.
 */
export function notARegularFile(info: Stats): string | null {
  if (info.isFile()) return null;
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a pipe';
  if (info.isSocket()) return 'a socket';
  return 'a device (such as /dev/zero or a terminal)';
}

function readError(err: unknown, path: string, what: string): InputError {
  const code = (err as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
  return new InputError(`cannot read ${what}: ${why}`, { file: path, cause: err });
}

/**
 * Reads a whole input file; a missing or unreadable one is an InputError (exit 3) naming `what` it
 * should be. A pipe (`<(…)`, /dev/stdin) is read to its end; a device (/dev/zero, which never
 * ends) is refused, and so is anything over MAX_DOCUMENT_BYTES.
 */
export async function readInputFile(path: string, what: string): Promise<Buffer> {
  const info = await stat(path).catch((err: unknown) => {
    throw readError(err, path, what);
  });
  const kind = notARegularFile(info);
  if (kind && kind !== 'a pipe') throw new InputError(`cannot read ${what}: it is ${kind}, not a file`, { file: path });
  const handle = await open(path, 'r').catch((err: unknown) => {
    throw readError(err, path, what);
  });
  try {
    const pieces: Buffer[] = [];
    let total = 0;
    for (;;) {
      const { buffer, bytesRead } = await handle.read(Buffer.allocUnsafe(1 << 16), 0, 1 << 16, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > MAX_DOCUMENT_BYTES) {
        throw new InputError(`cannot read ${what}: it is over ${MAX_DOCUMENT_BYTES / (1024 * 1024)} MB, which no ${what} is`, { file: path });
      }
      pieces.push(buffer.subarray(0, bytesRead));
    }
    return Buffer.concat(pieces, total);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw readError(err, path, what);
  } finally {
    await handle.close();
  }
}

/** Reads a whole input file as strict UTF-8 (a BOM is dropped); other bytes are an InputError, never U+FFFD. */
export async function readInputText(path: string, what: string): Promise<string> {
  const bytes = await readInputFile(path, what);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (err) {
    throw new InputError(`the ${what} is not UTF-8 text`, { file: path, hint: 'save it as UTF-8', cause: err });
  }
}
