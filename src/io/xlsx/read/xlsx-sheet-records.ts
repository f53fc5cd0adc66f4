import { TextDecoder } from 'node:util';
import type { SheetContext } from './xlsx-sheet-context.js';
import { xmlAttributes } from './xml-text.js';
import { plainRowCells } from './xlsx-plain-cells.js';
import { isNameByte, isSpace } from './xml-chars.js';
import { rowCells } from './xlsx-row-cells.js';
import { ZipError } from '../../zip/zip-entries.js';
import { XLSX_LIMITS, checkCellText, checkElementBytes, checkPartComplete, checkRowNumber } from './xlsx-limits.js';

/** Empty records made for a gap of missing rows go out in batches of at most this many. */
const GAP_BATCH = 10_000;
/** How much of a piece's end is kept when no row starts in it: enough for a cut-off start tag. */
const TAIL = 64;
const ROW = Buffer.from('row');
const CLOSE_ROW = Buffer.from('</row');
const SLASH_ROW = Buffer.from('/row');
const COLON_ROW = Buffer.from(':row');
/** An unfinished row this long waits for a piece that may end it before it is scanned again. */
const LONG_ROW = 1 << 20;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const XLSX_CELL_CHARACTERS = XLSX_LIMITS.cellCharacters;

/** One worksheet row as cell text, first column first; a row the file leaves out has no cells. */
export interface SheetRow {
  cells: string[];
}

/**
 * The rows of a worksheet part arriving as inflated pieces, as batches of records of cell text, a
 * batch per piece, so a sheet of a million rows is read in bounded memory. Rows the file leaves
 * out (empty rows) come as empty records, so data rows keep their positions. `<row>` elements of
 * any namespace prefix are found in the bytes; text that is not UTF-8 raises a ZipError.
 */
export async function* xlsxSheetRecords(pieces: AsyncIterable<Uint8Array>, context: SheetContext): AsyncGenerator<SheetRow[]> {
  let expected = 1;
  let carried: Buffer = Buffer.alloc(0);
  // Pieces of a long row, gathered until one may hold its end tag: joining and rescanning the row
  // at every piece would take time quadratic in its length.
  let gathered: Buffer[] = [];
  let gatheredBytes = 0;
  for await (const piece of pieces) {
    const current = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    if (carried.length >= LONG_ROW) {
      const previous = gathered.length ? gathered[gathered.length - 1] : carried;
      gathered.push(current);
      gatheredBytes += current.length;
      checkElementBytes(carried.length + gatheredBytes, unfinishedRow(carried, expected));
      if (!mayEndRow(previous, current)) continue;
    }
    const bytes = gathered.length ? Buffer.concat([carried, ...gathered]) : carried.length ? Buffer.concat([carried, current]) : current;
    gathered = [];
    gatheredBytes = 0;
    let batch: SheetRow[] = [];
    let pos = 0;
    for (;;) {
      const row = nextRow(bytes, pos);
      if (row.kind !== 'row') {
        pos = row.kind === 'cut' ? row.start : Math.max(pos, bytes.length - TAIL);
        break;
      }
      const number = plainRowNumber(bytes, row.start, row.tagEnd) ?? Number(xmlAttributes(decode(bytes, row.start, row.tagEnd + 1)).r ?? expected);
      checkRowNumber(number);
      for (; expected < number; expected++) {
        batch.push({ cells: [] });
        if (batch.length >= GAP_BATCH) {
          yield batch;
          batch = [];
        }
      }
      expected = number + 1;
      const cells = row.contentEnd < 0 ? [] : plainRowCells(bytes, row.tagEnd + 1, row.contentEnd, context) ?? generalRowCells(bytes, row, context);
      for (const cell of cells) if (cell.length > XLSX_CELL_CHARACTERS) checkCellText(cell, `a cell of row ${number}`);
      batch.push({ cells });
      pos = row.end;
    }
    // A copy, so that the piece itself is not held on to by a few bytes of it.
    carried = Buffer.from(bytes.subarray(pos));
    checkElementBytes(carried.length, unfinishedRow(carried, expected));
    if (batch.length > 0) yield batch;
  }
  // A sheet cut short inside a valid zip ends without </worksheet> (often inside a row): an error,
  // never the rows before the cut passed off as the whole sheet.
  checkPartComplete(carried.toString('latin1'), 'worksheet', 'the worksheet');
}

/** Names the row whose start tag opens `carried`, for messages. */
function unfinishedRow(carried: Buffer, expected: number): string {
  const tagEnd = carried.indexOf(62 /* > */);
  return `row ${(tagEnd > 0 ? plainRowNumber(carried, 0, tagEnd) : null) ?? expected}`;
}

/** Whether `piece` (after `previous`) holds `/row` or `:row`, so a long row may end in it. */
function mayEndRow(previous: Buffer, piece: Buffer): boolean {
  const seam = Buffer.concat([previous.subarray(-4), piece.subarray(0, 4)]);
  return piece.includes(SLASH_ROW) || piece.includes(COLON_ROW) || seam.includes(SLASH_ROW) || seam.includes(COLON_ROW);
}

/** The next `<row …>…</row>` (or `<row …/>`, contentEnd −1) from `pos`; 'cut' when the piece ends inside it. */
type NextRow = { kind: 'row'; start: number; tagEnd: number; contentEnd: number; end: number } | { kind: 'cut'; start: number } | { kind: 'none' };

function nextRow(bytes: Buffer, pos: number): NextRow {
  for (let at = bytes.indexOf(ROW, pos); at >= 0; at = bytes.indexOf(ROW, at + 1)) {
    const start = startTagOpen(bytes, pos, at);
    if (start < 0) continue;
    if (at + 3 >= bytes.length) return { kind: 'cut', start };
    if (!endsName(bytes[at + 3])) continue;
    const tagEnd = bytes.indexOf(62 /* > */, at + 3);
    if (tagEnd < 0) return { kind: 'cut', start };
    if (bytes[tagEnd - 1] === 47 /* / */) return { kind: 'row', start, tagEnd, contentEnd: -1, end: tagEnd + 1 };
    // The end tag carries the start tag's prefix: `</x:row>` closes `<x:row>`.
    const close = at === start + 1 ? CLOSE_ROW : Buffer.concat([Buffer.from('</'), bytes.subarray(start + 1, at + 3)]);
    for (let c = bytes.indexOf(close, tagEnd); c >= 0; c = bytes.indexOf(close, c + 1)) {
      let gt = c + close.length;
      while (isSpace(bytes[gt])) gt++;
      if (gt >= bytes.length) break;
      if (bytes[gt] === 62) return { kind: 'row', start, tagEnd, contentEnd: c, end: gt + 1 };
    }
    return { kind: 'cut', start };
  }
  return { kind: 'none' };
}

/** Where the start tag whose name ends in the `row` at `at` opens (`<row`, `<x:row`), or −1 when it is not one. */
function startTagOpen(bytes: Buffer, pos: number, at: number): number {
  const before = at - 1;
  if (before < pos) return -1;
  if (bytes[before] === 60 /* < */) return before;
  if (bytes[before] !== 58 /* : */) return -1;
  let lt = before - 1;
  // A namespace prefix is [\w.-]: a name without the colon.
  while (lt >= pos && bytes[lt] !== 58 && isNameByte(bytes[lt])) lt--;
  return lt >= pos && lt < before - 1 && bytes[lt] === 60 ? lt : -1;
}

function endsName(c: number): boolean {
  return c === 62 || c === 47 || isSpace(c);
}

/**
 * The number in a row tag's ` r="123"` (bytes[start, tagEnd)), read from the bytes as Excel,
 * WPS and 问卷星 write it; null for any other form, which the caller reads with xmlAttributes.
 */
function plainRowNumber(bytes: Buffer, start: number, tagEnd: number): number | null {
  for (let at = start; at + 4 < tagEnd; at++) {
    if (bytes[at] !== 32 || bytes[at + 1] !== 114 /* r */ || bytes[at + 2] !== 61 /* = */ || bytes[at + 3] !== 34 /* " */) continue;
    let n = 0;
    let k = at + 4;
    for (; k < tagEnd && bytes[k] >= 48 && bytes[k] <= 57 && k < at + 12; k++) n = n * 10 + bytes[k] - 48;
    return bytes[k] === 34 && k > at + 4 ? n : null;
  }
  return null;
}

/** A row the plain reader declined, read as text by the general one. */
function generalRowCells(bytes: Buffer, row: { start: number; end: number }, context: SheetContext): string[] {
  const text = decode(bytes, row.start, row.end);
  return rowCells(text, text.indexOf('>'), context);
}

function decode(bytes: Buffer, from: number, to: number): string {
  try {
    return utf8.decode(bytes.subarray(from, to));
  } catch {
    throw new ZipError('the worksheet is not valid UTF-8');
  }
}
