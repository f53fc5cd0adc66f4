import { InputError } from '../../core/errors.js';
import { BlankRowBuffer, isBlankRow, type PendingRow } from './blank-row-buffer.js';
import type { RawRow, RawTable } from './raw-table.js';

/** A record as a reader produces it, header first; `line` is the physical line (CSV only). */
export interface SourceRecord {
  cells: string[];
  line?: number;
}

/** How a format's rows are fitted to the header, and how messages name what was read. */
export interface TableShape {
  kind: 'csv' | 'sheet';
  /** CSV: pad short rows and drop empty cells past the header instead of failing. */
  allowRagged?: boolean;
  /** Names what was read in messages: `the file`, `sheet "Sheet1"`. */
  what: string;
}

type Meta = Omit<RawTable, 'header' | 'rows' | 'batches'>;

/** What shapeRows yields: the header once, then batches of data rows. */
type Shaped = { header: string[] } | RawRow[];

/**
 * Builds a RawTable over a reader's batches of records: skips blank lines before the header,
 * numbers the data rows, fits them to the header, drops trailing blank rows, and fails at once on
 * an empty or header-only table. The first rows are read now; `rows()` or `batches()` goes on
 * from there without reading the file again (a second call starts over). Records travel in batches, one
 * per piece of the file, because an async step per row per stage would cost more than parsing.
 */
export async function tableFromRecords(
  meta: Meta,
  start: () => AsyncGenerator<SourceRecord[]>,
  shape: TableShape,
): Promise<RawTable> {
  let primed: AsyncGenerator<Shaped> | null = shapeRows(start(), meta.file, shape);
  const head = await primed.next();
  if (head.done) throw new InputError(`${shape.what} has no data: it is empty or holds only blank lines`, { file: meta.file });
  const { header } = head.value as { header: string[] };
  const first = await primed.next();
  if (first.done) {
    throw new InputError(`${shape.what} has a header but no data rows`, {
      file: meta.file,
      hint: 'export the responses again: this holds only the question headers',
    });
  }
  const firstBatch = first.value as RawRow[];
  const table: RawTable = {
    ...meta,
    header,
    async *batches() {
      const source = primed ?? shapeRows(start(), meta.file, shape);
      if (primed) {
        primed = null;
        yield firstBatch;
      } else {
        await source.next();
      }
      yield* source as AsyncGenerator<RawRow[]>;
    },
    async *rows() {
      for await (const batch of table.batches()) yield* batch;
    },
  };
  return table;
}

/** Yields the header, then the data rows fitted to it, in non-empty batches. */
async function* shapeRows(batches: AsyncGenerator<SourceRecord[]>, file: string, shape: TableShape): AsyncGenerator<Shaped> {
  let header: string[] | undefined;
  let row = 0;
  const blanks = new BlankRowBuffer();
  for await (const records of batches) {
    const out: RawRow[] = [];
    for (const { cells, line } of records) {
      if (!header) {
        if (isBlankRow(cells)) continue;
        header = shape.kind === 'sheet' ? withoutTrailingEmpty(cells) : cells;
        yield { header };
        continue;
      }
      // An empty line in a many-column CSV carries no cells at all (Excel writes `,,,` for an empty row).
      if (shape.kind === 'csv' && header.length > 1 && cells.length === 1 && cells[0] === '') continue;
      row++;
      const pending: PendingRow = { row, line, cells };
      if (isBlankRow(cells)) {
        blanks.push(pending);
        continue;
      }
      for (const blank of blanks.drain()) out.push(fitRow(blank, header.length, file, shape));
      out.push(fitRow(pending, header.length, file, shape));
    }
    if (out.length > 0) yield out;
  }
}

function withoutTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end--;
  return cells.slice(0, end);
}

/** Pads or trims a row to the header's width, or throws when that would lose or invent data. */
function fitRow({ row, line, cells }: PendingRow, width: number, file: string, shape: TableShape): RawRow {
  if (cells.length === width) return { row, line, cells };
  const ragged = shape.kind === 'sheet' || shape.allowRagged === true;
  if (cells.length < width) {
    if (!ragged) {
      throw new InputError(`has ${cells.length} fields, but the header has ${width}`, {
        file,
        row,
        line,
        hint: 'pass --allow-ragged to pad short rows with empty cells',
      });
    }
    const padded = cells.concat(Array<string>(width - cells.length).fill(''));
    // A sheet leaves out trailing empty cells; a CSV row that is short is reported, row by row.
    return shape.kind === 'csv' ? { row, line, cells: padded, paddedFrom: cells.length } : { row, line, cells: padded };
  }
  const extra = cells.findIndex((c, i) => i >= width && c !== '');
  if (extra < 0 && ragged) return { row, line, cells: cells.slice(0, width) };
  if (shape.kind === 'sheet') {
    throw new InputError(`has a value in column ${columnLetters(extra)} past the last header cell`, {
      file,
      row,
      column: columnLetters(extra),
      hint: 'give that column a header in the first row, or delete the stray value',
    });
  }
  const stray = strayLineBreak(cells);
  if (stray) {
    throw new InputError(`has ${cells.length} fields, but the header has ${width}: the line holds a ${stray}, so the file mixes line endings`, {
      file,
      row,
      line,
      hint: 'save the file again with one kind of line ending (a text editor or `dos2unix` does it)',
    });
  }
  throw new InputError(`has ${cells.length} fields, but the header has ${width}`, {
    file,
    row,
    line,
    hint:
      extra < 0
        ? 'pass --allow-ragged to drop the empty cells past the header'
        : `field ${extra + 1} holds "${cells[extra].slice(0, 40)}" past the header: check the quotes and the delimiter on this line`,
  });
}

/**
 * A lone CR (not CR LF) inside a row's cells, in a file of LF or CR LF lines: the parser splits
 * on the file's own line ending, so such a break joins two records into one that is too long;
 * said, it is not blamed on quotes or the delimiter.
 * Only looked for when a row does not fit (a quoted cell may hold line breaks of its own).
 */
function strayLineBreak(cells: string[]): string | null {
  for (const cell of cells) {
    if (/\r(?!\n)/.test(cell)) return 'lone carriage return (\\r, not \\r\\n)';
  }
  return null;
}

/** Spreadsheet column letters of a 0-based column index: 0 → A, 26 → AA. */
function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
