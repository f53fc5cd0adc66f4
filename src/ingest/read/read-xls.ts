import type * as XLSX from '@e965/xlsx';
import { readFile } from 'node:fs/promises';
import { InputError } from '../../core/errors.js';
import { booleanText, dateText, numberText } from '../../io/xlsx/read/cell-text.js';
import { noSuchSheet } from './no-such-sheet.js';
import { tableFromRecords, type SourceRecord } from './table-from-records.js';
import type { OpenTableOptions, RawTable } from './raw-table.js';

// Excel's error codes as it shows them ([MS-XLS] BErr).
const errorTexts: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

/**
 * Opens a legacy BIFF .xls sheet (the first, or `options.sheet`) with SheetJS; the format caps
 * a sheet at 65,536 rows, so reading the whole file is fine. Cells become text as in read-xlsx.
 */
export async function readXls(file: string, size: number, options: OpenTableOptions = {}): Promise<RawTable> {
  const buffer = await readFile(file);
  options.onProgress?.(size, size);
  // Loaded on demand so that commands not reading .xls start faster.
  const { read } = await import('@e965/xlsx');
  let book: XLSX.WorkBook;
  try {
    // cellDates gives dates whose UTC fields are the wall-clock time; cellNF keeps number formats.
    book = read(buffer, { type: 'buffer', cellDates: true, cellNF: true, cellText: false, dense: true });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new InputError(`cannot read the file as .xls (${reason})`, {
      file,
      cause: err,
      hint: 'the file may be damaged, password-protected or not really .xls: open it in Excel or WPS and save it as .xlsx',
    });
  }
  const name = options.sheet ?? book.SheetNames[0];
  const sheet = name === undefined ? undefined : book.Sheets[name];
  if (name === undefined || sheet === undefined) {
    if (book.SheetNames.length === 0) throw new InputError('the .xls file has no worksheets', { file });
    throw noSuchSheet(file, name ?? '', book.SheetNames);
  }
  // The whole sheet is in memory already, so it goes as one batch.
  const records = async function* (): AsyncGenerator<SourceRecord[]> {
    yield Array.from(sheet['!data'] ?? [], (row) => ({ cells: Array.from(row ?? [], (cell) => cellText(cell)) }));
  };
  return tableFromRecords(
    { file, format: 'xls', encoding: null, delimiter: null, sheet: name },
    records,
    { kind: 'sheet', what: `sheet "${name}"` },
  );
}

/** A SheetJS cell as text: formulas carry their cached result in `v`. */
function cellText(cell: XLSX.CellObject | undefined): string {
  if (cell === undefined || cell.v === undefined || cell.v === null) return '';
  switch (cell.t) {
    case 'n':
      return numberText(cell.v as number);
    case 'd':
      return dateText(cell.v as Date, cell.z === undefined ? undefined : String(cell.z));
    case 'b':
      return booleanText(cell.v as boolean);
    case 'e':
      return errorTexts[cell.v as number] ?? '#ERROR';
    default:
      return String(cell.v);
  }
}
