import { setZipTimes } from './set-zip-times.js';

/**
 * Encodes export rows as an .xlsx workbook with one sheet, as 问卷星 downloads are; numbers stay
 * numeric cells. Every date in the file (properties, zip entries) is `date`, not the time of
 * writing, so the same rows give the same bytes.
 */
export async function encodeWjxXlsx(rows: readonly (readonly (string | number)[])[], date: Date): Promise<Buffer> {
  // Loaded on demand: exceljs takes longer to load than most commands take to run.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'survey simulate';
  workbook.created = date;
  workbook.modified = date;
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow([...row]);
  return setZipTimes(Buffer.from(await workbook.xlsx.writeBuffer()), date);
}
