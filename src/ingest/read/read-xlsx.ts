import { InputError, SurveyError } from '../../core/errors.js';
import { noSuchSheet } from './no-such-sheet.js';
import { tableFromRecords, type SourceRecord } from './table-from-records.js';
import { openXlsx } from '../../io/xlsx/read/open-xlsx.js';
import { isDamagedZip } from '../../io/zip/is-damaged-zip.js';
import type { OpenTableOptions, RawTable } from './raw-table.js';

/**
 * Opens an .xlsx sheet (the first, or `options.sheet`) and streams its rows straight from the
 * zip, so a large workbook is read row by row in bounded memory (only the shared strings are
 * held). exceljs 4.4's streaming reader was not used: it decodes each inflated chunk on its own
 * and turns a Chinese character cut by a chunk boundary into U+FFFD (seen in the 问卷星 samples).
 * Cells become text as Excel shows them (see io/xlsx/read/cell-text.ts).
 */
export async function readXlsx(file: string, size: number, options: OpenTableOptions = {}): Promise<RawTable> {
  try {
    const book = await openXlsx(file, size);
    if (book.sheets.length === 0) throw new InputError('the workbook has no worksheets', { file });
    const sheet = options.sheet === undefined ? book.sheets[0] : book.sheets.find((s) => s.name === options.sheet);
    if (!sheet) throw noSuchSheet(file, options.sheet ?? '', book.sheets.map((s) => s.name));
    const opened = await book.openSheet(sheet);
    if (!opened) throw new InputError(`the workbook lacks the part of sheet "${sheet.name}"`, { file });
    const records = (): AsyncGenerator<SourceRecord[]> => {
      let read = size - opened.compressedSize;
      const onRead = (bytes: number): void => options.onProgress?.((read += bytes), size);
      return readable(opened.rows(onRead), file);
    };
    return await tableFromRecords(
      { file, format: 'xlsx', encoding: null, delimiter: null, sheet: sheet.name },
      records,
      { kind: 'sheet', what: `sheet "${sheet.name}"` },
    );
  } catch (err) {
    throw unreadable(err, file);
  }
}

/** Passes records through, turning a damaged zip or XML met on the way into an InputError. */
async function* readable(records: AsyncGenerator<SourceRecord[]>, file: string): AsyncGenerator<SourceRecord[]> {
  try {
    yield* records;
  } catch (err) {
    throw unreadable(err, file);
  }
}

/** A damaged zip, deflate stream or workbook part becomes an InputError; anything else is a bug and stays as it is. */
function unreadable(err: unknown, file: string): unknown {
  if (err instanceof SurveyError || !isDamagedZip(err)) return err;
  const reason = err instanceof Error ? err.message : String(err);
  return new InputError(`cannot read the file as .xlsx (${reason})`, {
    file,
    cause: err,
    hint: 'the file may be damaged or not really .xlsx: open it in Excel or WPS and save it again',
  });
}
