import { InputError, SurveyError } from '../../core/errors.js';
import { noSuchSheet } from './no-such-sheet.js';
import { checkCellText, checkPartComplete } from '../../io/xlsx/read/xlsx-limits.js';
import { tableFromRecords, type SourceRecord } from './table-from-records.js';
import type { SheetContext } from '../../io/xlsx/read/xlsx-sheet-context.js';
import { xlsxSheetRecords } from '../../io/xlsx/read/xlsx-sheet-records.js';
import { readCellFormats } from '../../io/xlsx/read/xlsx-styles.js';
import { findEntry, readXlsxWorkbook } from '../../io/xlsx/read/xlsx-workbook.js';
import { xmlElements } from '../../io/xlsx/read/xml-elements.js';
import { runText } from '../../io/xlsx/read/xml-text.js';
import { openZipEntry, readZipEntries, ZipError, type ZipEntry } from '../../io/zip/zip-entries.js';
import { entryText, zipEntryText } from '../../io/zip/zip-entry-text.js';
import type { OpenTableOptions, RawTable } from './raw-table.js';

/**
 * Opens an .xlsx sheet (the first, or `options.sheet`) and streams its rows straight from the
 * zip, so a large workbook is read row by row in bounded memory (only the shared strings are
 * held). exceljs 4.4's streaming reader was not used: it decodes each inflated chunk on its own
 * and turns a Chinese character cut by a chunk boundary into U+FFFD (seen in the 问卷星 samples).
 * Cells become text as Excel shows them (see cell-text.ts).
 */
export async function readXlsx(file: string, size: number, options: OpenTableOptions = {}): Promise<RawTable> {
  try {
    const entries = await readZipEntries(file, size);
    const book = await readXlsxWorkbook(file, entries);
    if (book.sheets.length === 0) throw new InputError('the workbook has no worksheets', { file });
    const sheet = options.sheet === undefined ? book.sheets[0] : book.sheets.find((s) => s.name === options.sheet);
    if (!sheet) throw noSuchSheet(file, options.sheet ?? '', book.sheets.map((s) => s.name));
    const sheetEntry = findEntry(entries, sheet.path);
    if (!sheetEntry) throw new InputError(`the workbook lacks the part of sheet "${sheet.name}"`, { file });
    const context: SheetContext = {
      sharedStrings: book.sharedStringsPath ? await readSharedStrings(file, findEntry(entries, book.sharedStringsPath)) : [],
      formats: book.stylesPath ? await readFormats(file, findEntry(entries, book.stylesPath)) : [],
      date1904: book.date1904,
    };
    const records = (): AsyncGenerator<SourceRecord[]> => {
      let read = size - sheetEntry.compressedSize;
      const onRead = (bytes: number): void => options.onProgress?.((read += bytes), size);
      return readable(xlsxSheetRecords(entryBytes(file, sheetEntry, onRead), context), file);
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

/** A zip entry's inflated bytes, piece by piece. */
async function* entryBytes(file: string, entry: ZipEntry, onRead: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  yield* await openZipEntry(file, entry, onRead);
}

async function readSharedStrings(file: string, entry: ZipEntry | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  const tail = { text: '' };
  for await (const items of xmlElements(keepTail(zipEntryText(file, entry), tail), 'si')) {
    for (const item of items) {
      const text = runText(item);
      checkCellText(text, `shared string ${strings.length}`);
      strings.push(text);
    }
  }
  checkPartComplete(tail.text, 'sst', entry.name);
  return strings;
}

async function readFormats(file: string, entry: ZipEntry | undefined): Promise<(string | undefined)[]> {
  if (!entry) return [];
  const xml = await entryText(file, entry);
  checkPartComplete(xml.slice(-256), 'styleSheet', entry.name);
  return readCellFormats(xml);
}

/** Passes text pieces through, keeping the last characters seen in `tail.text`. */
async function* keepTail(pieces: AsyncIterable<string>, tail: { text: string }): AsyncGenerator<string> {
  for await (const piece of pieces) {
    tail.text = (tail.text + piece).slice(-256);
    yield piece;
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
  const code = String((err as NodeJS.ErrnoException | undefined)?.code ?? '');
  const damaged = err instanceof ZipError || code.startsWith('Z_') || code === 'ERR_OUT_OF_RANGE' || code === 'ERR_BUFFER_OUT_OF_BOUNDS';
  if (err instanceof SurveyError || !damaged) return err;
  const reason = err instanceof Error ? err.message : String(err);
  return new InputError(`cannot read the file as .xlsx (${reason})`, {
    file,
    cause: err,
    hint: 'the file may be damaged or not really .xlsx: open it in Excel or WPS and save it again',
  });
}
