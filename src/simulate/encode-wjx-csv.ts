import iconv from 'iconv-lite';
import { formatCsvLine } from './format-csv-line.js';

/** Encodes export rows as a CSV the way Excel saves one in a Chinese locale: GB18030, CRLF, no BOM. */
export function encodeWjxCsv(rows: readonly (readonly (string | number)[])[]): Buffer {
  return iconv.encode(rows.map((row) => `${formatCsvLine(row)}\r\n`).join(''), 'gb18030');
}
