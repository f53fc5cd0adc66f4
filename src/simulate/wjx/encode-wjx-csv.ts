import iconv from 'iconv-lite';
import { csvRecord } from '../../io/format-csv.js';

/** Encodes export rows as a CSV the way Excel saves one in a Chinese locale: GB18030, CRLF, no BOM. */
export function encodeWjxCsv(rows: readonly (readonly (string | number)[])[]): Buffer {
  return iconv.encode(rows.map((row) => `${csvRecord(row)}\r\n`).join(''), 'gb18030');
}
