import { readFile } from 'node:fs/promises';
import { InputError } from '../core/errors.js';

/** Reads a whole input file; a missing or unreadable one is an InputError (exit 3) naming `what` it should be. */
export async function readInputFile(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (err as Error).message;
    throw new InputError(`cannot read ${what}: ${why}`, { file: path, cause: err });
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
