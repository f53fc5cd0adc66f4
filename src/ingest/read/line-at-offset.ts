import { codeUnitAt, codeUnitBytes, readLineChunks } from './read-line-chunks.js';
import type { TextEncoding } from './raw-table.js';

/**
 * The 1-based line holding byte `offset` of a text file: counts LF, CR LF and lone CR line
 * breaks before it. Only error messages need it, so it rereads the file instead of making
 * every read count lines.
 */
export async function lineAtOffset(
  file: string,
  offset: number,
  encoding: TextEncoding,
  start = 0,
): Promise<number> {
  const step = codeUnitBytes(encoding);
  let line = 1;
  let afterCr = false;
  for await (const { bytes, offset: at } of readLineChunks(file, encoding, { start })) {
    const end = Math.min(bytes.length, offset - at);
    for (let i = 0; i + step <= end; i += step) {
      const unit = codeUnitAt(bytes, i, encoding);
      if (unit === 0x0d) line++;
      else if (unit === 0x0a && !afterCr) line++;
      afterCr = unit === 0x0d;
    }
    if (at + bytes.length >= offset) break;
  }
  return line;
}
