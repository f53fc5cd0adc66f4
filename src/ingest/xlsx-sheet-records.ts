import { xmlElements } from './xml-elements.js';
import { xmlAttributes } from './xml-text.js';
import type { SourceRecord } from './table-from-records.js';
import { rowCells } from './xlsx-row-cells.js';

/** What turning a sheet's cells into text needs from the rest of the workbook. */
export interface SheetContext {
  sharedStrings: string[];
  /** Number format by cell style index (the `s` attribute). */
  formats: (string | undefined)[];
  date1904: boolean;
}

/** Empty records made for a gap of missing rows go out in batches of at most this many. */
const GAP_BATCH = 10_000;

/**
 * The rows of a worksheet part, streamed, as batches of records of cell text. Rows the file
 * leaves out (empty rows) come as empty records, so data rows keep their positions.
 */
export async function* xlsxSheetRecords(xml: AsyncIterable<string>, context: SheetContext): AsyncGenerator<SourceRecord[]> {
  let expected = 1;
  for await (const rows of xmlElements(xml, 'row')) {
    let batch: SourceRecord[] = [];
    for (const row of rows) {
      const tagEnd = row.indexOf('>');
      const number = Number(xmlAttributes(row.slice(0, tagEnd)).r ?? expected);
      for (; expected < number; expected++) {
        batch.push({ cells: [] });
        if (batch.length >= GAP_BATCH) {
          yield batch;
          batch = [];
        }
      }
      expected = number + 1;
      batch.push({ cells: rowCells(row, tagEnd, context) });
    }
    yield batch;
  }
}
