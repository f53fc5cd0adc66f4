import { ZipError } from './zip-entries.js';

/**
 * Whether an error is a damaged zip archive, deflate stream or workbook part (which the readers
 * word as a problem with the file) rather than a bug (which must stay as it is).
 */
export function isDamagedZip(err: unknown): boolean {
  const code = String((err as NodeJS.ErrnoException | undefined)?.code ?? '');
  return err instanceof ZipError || code.startsWith('Z_') || code === 'ERR_OUT_OF_RANGE' || code === 'ERR_BUFFER_OUT_OF_BOUNDS';
}
