import { writeXlsx } from '../../io/xlsx/write/write-xlsx.js';
import { setZipTimes } from './set-zip-times.js';

/**
 * Encodes export rows as an .xlsx workbook with one sheet, `Sheet1`, as 问卷星 downloads are:
 * numbers stay numeric cells, text goes to shared strings. Written with our own writer, which puts
 * no dates in the document properties; the zip entries are stamped `date`, as a download made
 * then would be, so the same rows give the same bytes.
 */
export function encodeWjxXlsx(rows: readonly (readonly (string | number)[])[], date: Date): Buffer {
  return setZipTimes(writeXlsx({ creator: 'survey simulate', sheets: [{ name: 'Sheet1', rows }] }), date);
}
