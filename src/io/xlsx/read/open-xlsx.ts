import { checkDeclaredRatios, openZipEntry, readZipEntries, type ZipEntry, type ZipSource } from '../../zip/zip-entries.js';
import { entryText, zipEntryText } from '../../zip/zip-entry-text.js';
import { checkCellText, checkPartComplete } from './xlsx-limits.js';
import type { SheetContext } from './xlsx-sheet-context.js';
import { xlsxSheetRecords, type SheetRow } from './xlsx-sheet-records.js';
import { readCellFormats } from './xlsx-styles.js';
import { findEntry, readXlsxWorkbook, type XlsxWorkbook } from './xlsx-workbook.js';
import { xmlElements } from './xml-elements.js';
import { runText } from './xml-text.js';

/** One worksheet ready to be read: its rows come as batches of cell text, one batch per inflated piece. */
export interface XlsxSheet {
  name: string;
  /** The compressed bytes of the sheet's part, which `rows` reads (for progress). */
  compressedSize: number;
  /** The sheet's rows, header first; `onRead` hears how many compressed bytes were read. */
  rows(onRead?: (bytes: number) => void): AsyncGenerator<SheetRow[]>;
}

/** An .xlsx workbook whose zip directory and workbook part have been read. */
export interface XlsxReader {
  /** The worksheets in tab order (chart sheets left out). */
  sheets: XlsxWorkbook['sheets'];
  /**
   * Readies a sheet of `sheets` (reading the shared strings and number formats once for the
   * workbook), or undefined when the workbook lacks the sheet's part.
   */
  openSheet(sheet: XlsxWorkbook['sheets'][number]): Promise<XlsxSheet | undefined>;
}

/**
 * Opens an .xlsx for reading, from a file (streamed, for a 问卷星 export of any size) or from its
 * bytes. A file with any entry that declares a zip bomb's inflation is refused at once; the parts a
 * sheet needs are inflated under openZipEntry's guards and nothing else is. A damaged zip, part or
 * cell raises a ZipError for the caller to word.
 */
export async function openXlsx(source: ZipSource, size: number): Promise<XlsxReader> {
  const entries = await readZipEntries(source, size);
  checkDeclaredRatios(entries);
  const book = await readXlsxWorkbook(source, entries);
  let context: Promise<SheetContext> | undefined;
  const readContext = async (): Promise<SheetContext> => ({
    sharedStrings: book.sharedStringsPath ? await readSharedStrings(source, findEntry(entries, book.sharedStringsPath)) : [],
    formats: book.stylesPath ? await readFormats(source, findEntry(entries, book.stylesPath)) : [],
    date1904: book.date1904,
  });
  return {
    sheets: book.sheets,
    async openSheet(sheet) {
      const entry = findEntry(entries, sheet.path);
      if (!entry) return undefined;
      const shared = await (context ??= readContext());
      return {
        name: sheet.name,
        compressedSize: entry.compressedSize,
        rows: (onRead) => xlsxSheetRecords(entryBytes(source, entry, onRead), shared),
      };
    },
  };
}

/** A zip entry's inflated bytes, piece by piece. */
async function* entryBytes(source: ZipSource, entry: ZipEntry, onRead?: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  yield* await openZipEntry(source, entry, onRead);
}

async function readSharedStrings(source: ZipSource, entry: ZipEntry | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  const tail = { text: '' };
  for await (const items of xmlElements(keepTail(zipEntryText(source, entry), tail), 'si')) {
    for (const item of items) {
      const text = runText(item);
      checkCellText(text, `shared string ${strings.length}`);
      strings.push(text);
    }
  }
  checkPartComplete(tail.text, 'sst', entry.name);
  return strings;
}

async function readFormats(source: ZipSource, entry: ZipEntry | undefined): Promise<(string | undefined)[]> {
  if (!entry) return [];
  const xml = await entryText(source, entry);
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
