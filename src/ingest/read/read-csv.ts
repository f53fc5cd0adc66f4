import { extname } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { CsvParser, type CsvRecord } from './csv-parser.js';
import { decodeText } from './decode-text.js';
import { detectEncoding } from './detect-encoding.js';
import { readLineChunks } from './read-line-chunks.js';
import { sniffDelimiter } from './sniff-delimiter.js';
import { tableFromRecords, type SourceRecord } from './table-from-records.js';
import type { OpenTableOptions, RawTable, TextEncoding } from './raw-table.js';

/**
 * Opens a CSV/TSV file: detects (or checks) the encoding over the whole file, sniffs the
 * delimiter from the header (a .tsv file is tab-separated), and streams the rows in chunks, so a file of millions of rows never
 * sits in memory.
 */
export async function readCsv(file: string, size: number, options: OpenTableOptions = {}): Promise<RawTable> {
  const { encoding, bomLength } = await detectEncoding(file, options.encoding);
  const delimiter =
    options.delimiter !== undefined
      ? checkDelimiter(options.delimiter)
      : extname(file).toLowerCase() === '.tsv'
        ? '\t'
        : sniffDelimiter(await readHead(file, encoding, bomLength));
  const records = async function* (): AsyncGenerator<SourceRecord[]> {
    const chunks = readLineChunks(file, encoding, { start: bomLength, onProgress: options.onProgress, total: size });
    const parser = new CsvParser(delimiter, file);
    for await (const text of decodeText(chunks, file, encoding, bomLength)) {
      const out: CsvRecord[] = [];
      parser.push(text, out);
      yield out;
    }
    const out: CsvRecord[] = [];
    parser.end(out);
    yield out;
  };
  return tableFromRecords(
    { file, format: 'csv', encoding, delimiter, sheet: null },
    records,
    { kind: 'csv', allowRagged: options.allowRagged, what: 'the file' },
  );
}

async function readHead(file: string, encoding: TextEncoding, start: number): Promise<string> {
  // The first chunk holds the whole first line: chunks end at line breaks.
  const chunks = readLineChunks(file, encoding, { start });
  for await (const text of decodeText(chunks, file, encoding, start)) return text;
  return '';
}

function checkDelimiter(delimiter: string): string {
  if (delimiter.length === 1 && !'"\r\n'.includes(delimiter)) return delimiter;
  throw new UsageError(`cannot use ${JSON.stringify(delimiter)} as the CSV delimiter`, {
    hint: 'give one character other than a quote or a line break, e.g. --delimiter ";"',
  });
}
