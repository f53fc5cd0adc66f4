import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { InputError, UsageError } from '../../core/errors.js';
import { notARegularFile } from '../../io/read-input-file.js';
import { readCsv } from './read-csv.js';
import { readXls } from './read-xls.js';
import { readXlsx } from './read-xlsx.js';
import type { OpenTableOptions, RawFormat, RawTable } from './raw-table.js';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Opens a raw export (CSV/TSV, .xlsx or legacy .xls) as a header and a stream of text rows.
 * The content decides the format (a zip is .xlsx, an OLE container is .xls, anything else is
 * text), so a misnamed file still reads; every problem is an InputError or UsageError naming
 * the file and, where it applies, the line, row or column.
 */
export async function openTable(path: string, options: OpenTableOptions = {}): Promise<RawTable> {
  const size = await fileSize(path);
  const format = await sniffFormat(path);
  const ext = extname(path).toLowerCase();
  if (format === 'csv' && (ext === '.xlsx' || ext === '.xls')) {
    throw new InputError(`the file is named ${ext} but is not an Excel workbook`, {
      file: path,
      hint: 'if it is text (CSV, or an HTML page saved as .xls), rename it to .csv or open it in Excel or WPS and save it as .xlsx',
    });
  }
  if (format === 'csv' && options.sheet !== undefined) {
    throw new UsageError('--sheet applies only to .xlsx and .xls files', { file: path, hint: 'drop --sheet for a CSV file' });
  }
  if (format === 'xlsx') return readXlsx(path, size, options);
  if (format === 'xls') return readXls(path, size, options);
  return readCsv(path, size, options);
}

async function fileSize(path: string): Promise<number> {
  const info = await stat(path).catch((err: unknown) => {
    throw fileError(err, path);
  });
  if (info.isDirectory()) {
    throw new InputError('is a directory, not a file', { file: path, hint: 'give the path of the exported file itself' });
  }
  const kind = notARegularFile(info);
  if (kind) {
    // A pipe or /dev/stdin is read once; ingest and clean read their input more than once.
    throw new InputError(`is ${kind}, not a file`, { file: path, hint: 'save the data to a file and give its path' });
  }
  if (info.size === 0) {
    throw new InputError('the file is empty (0 bytes)', { file: path, hint: 'download or export the responses again' });
  }
  return info.size;
}

async function sniffFormat(path: string): Promise<RawFormat> {
  const handle = await open(path, 'r').catch((err: unknown) => {
    throw fileError(err, path);
  });
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(OLE.length), 0, OLE.length, 0);
    const starts = (magic: number[]): boolean => bytesRead >= magic.length && magic.every((b, i) => buffer[i] === b);
    if (starts(ZIP)) return 'xlsx';
    if (starts(OLE)) return 'xls';
    return 'csv';
  } finally {
    await handle.close();
  }
}

function fileError(err: unknown, path: string): InputError {
  const code = (err as NodeJS.ErrnoException).code;
  const message =
    code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot open the file (${code ?? String(err)})`;
  return new InputError(message, { file: path, cause: err, hint: 'check the path and that you may read the file' });
}
