import { basename, extname } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { InputError } from '../core/errors.js';
import type { Codebook, Issue, MissingReason } from '../core/types.js';
import type { CodedValue, Layout, OutputColumn, RowSink } from './code/coded-row.js';
import { detectLayout } from './wjx/detect-layout.js';
import { inferCodebook } from './draft/infer-codebook.js';
import { mapColumns, type MappedColumn } from './code/map-columns.js';
import { openTable } from './read/open-table.js';
import { parseWjxHeader, type SourceItem } from './wjx/parse-wjx-header.js';
import type { OpenTableOptions, RawFormat, RawRow, RawTable, TextEncoding } from './read/raw-table.js';

/** Options of `ingestFile`: how to open the file, and the codebook (drafted from the data when absent). */
export interface IngestOptions extends OpenTableOptions {
  codebook?: Codebook;
  /** Without a codebook, draft ASCII identifiers (v<column>) for headers such as `GNP.deflator`, as a codebook file needs; by default the file's names are kept. */
  identifierNames?: boolean;
}

/** One coded row as it streams out: the 1-based source row, the values and why missing ones are missing. */
export interface CodedRow {
  sourceRow: number;
  values: CodedValue[];
  reasons: (MissingReason | null)[];
  /** The raw cells as read (for outputs that must keep the original, like excluded rows). */
  cells: readonly string[];
  /** The issues found while coding this row (also in the summary). */
  issues: readonly Issue[];
}

/** Receives the coded table as it streams: its columns first, then each row. */
export interface CodedRowSink {
  /** `codebook` is the one the rows are coded with (given, or drafted from the sample). */
  start?(outputs: OutputColumn[], header: readonly string[], codebook: Codebook): void | Promise<void>;
  row?(row: CodedRow): void | Promise<void>;
  /**
   * The sink forgets the rows it was given when `start` comes again: without a codebook, ingest
   * then drafts one in the same pass as the coding and, in the rare case a later row breaks the
   * draft, starts over instead of reading the whole table twice every time.
   */
  restartable?: boolean;
}

/** What ingest did with a file: its format, the mapping, counts and every issue. */
export interface IngestSummary {
  file: string;
  format: RawFormat;
  encoding: TextEncoding | null;
  layout: Layout;
  rows: number;
  columns: number;
  outputs: OutputColumn[];
  mapped: MappedColumn[];
  unmapped: string[];
  missingVariables: string[];
  /** Missing cells per coded column, by reason. */
  missing: Record<string, Partial<Record<MissingReason, number>>>;
  issues: Issue[];
  /** The codebook applied: the one given, or the draft inferred from the data. */
  codebook: Codebook;
  /** True when the codebook was drafted from the data. */
  drafted: boolean;
}

const SAMPLE_ROWS = 500;
/** The issues of a row without any (shared: a row's issues are read-only). */
const NO_ISSUES: readonly Issue[] = Object.freeze([]);

/** The column of coded outputs that holds the 1-based data row of the original input. */
export const SOURCE_ROW = '_source_row';

/** The first batches, holding at least SAMPLE_ROWS rows unless the table is shorter. */
async function readSample(iterator: AsyncIterator<RawRow[]>): Promise<RawRow[][]> {
  const batches: RawRow[][] = [];
  for (let rows = 0; rows < SAMPLE_ROWS; ) {
    const next = await iterator.next();
    if (next.done) break;
    batches.push(next.value);
    rows += next.value.length;
  }
  return batches;
}

/** The sample's batches (let go of as they are yielded, so coded rows are not held), then the rest. */
async function* resume(sample: RawRow[][], iterator: AsyncIterator<RawRow[]>): AsyncGenerator<RawRow[]> {
  for (let batch = sample.shift(); batch; batch = sample.shift()) yield batch;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
}

/**
 * A U+FFFD in a cell means the text was damaged before it reached us (a lossy conversion):
 * the cell is reported and coded as empty rather than as if it were an answer.
 * Returns the cells to code (the row's own array when nothing was damaged).
 */
function rejectReplacementCharacters(raw: RawRow, sourceRow: number, header: string[], issues: Issue[]): string[] {
  let damaged = false;
  for (let k = 0; k < raw.cells.length && !damaged; k++) damaged = raw.cells[k].includes('\uFFFD');
  if (!damaged) return raw.cells;
  return raw.cells.map((cell, k) => {
    if (!cell.includes('\uFFFD')) return cell;
    issues.push({
      sourceRow,
      variable: (header[k] ?? `column ${k + 1}`).trim(),
      rawValue: cell,
      rule: 'replacement-character',
      severity: 'error',
      message: 'the cell holds U+FFFD replacement characters (text damaged by an earlier conversion); re-export the file',
    });
    return '';
  });
}

/** The issue recording that `--allow-ragged` padded a short CSV row with empty cells. */
function raggedRowIssue(raw: RawRow, sourceRow: number, header: string[]): Issue {
  const from = raw.paddedFrom ?? header.length;
  const missing = header.length - from;
  return {
    sourceRow,
    variable: (header[from] ?? `column ${from + 1}`).trim(),
    rawValue: '',
    rule: 'ragged-row',
    severity: 'warning',
    message: `the row has ${from} field${from === 1 ? '' : 's'}, the header ${header.length}: padded with ${missing} empty cell${missing === 1 ? '' : 's'} from this column on (--allow-ragged)`,
  };
}

/** Drafts a codebook with one extra pass over the table (a second opening streams the rows again). */
async function draftCodebook(path: string, options: IngestOptions, items: SourceItem[], layout: Layout): Promise<Codebook> {
  const id = basename(path, extname(path));
  const inference = inferCodebook(items, layout, id, options.identifierNames);
  const table = await openTable(path, { ...options, onProgress: undefined });
  for await (const row of table.rows()) inference.add(row.cells);
  return inference.finish();
}

/** Reads a file's header and layout and drafts its codebook, without coding the rows. */
export async function inspectFile(path: string, options: OpenTableOptions = {}): Promise<{ table: RawTable; items: SourceItem[]; layout: Layout; rows: string[][]; codebook: Codebook }> {
  const table = await openTable(path, options);
  const items = parseWjxHeader(table.header);
  const rows: string[][] = [];
  for await (const row of table.rows()) rows.push(row.cells);
  const layout = detectLayout(items, rows.slice(0, SAMPLE_ROWS));
  const inference = inferCodebook(items, layout, basename(path, extname(path)));
  for (const cells of rows) inference.add(cells);
  return { table, items, layout, rows, codebook: inference.finish() };
}

/** Rows held back to draft a codebook from, at most (and at least SAMPLE_ROWS): a bounded sample. */
const DRAFT_SAMPLE_CELLS = 1 << 20;

/** The first batches: at least SAMPLE_ROWS rows, and with `cells`, more up to that many cells. */
async function readDraftSample(iterator: AsyncIterator<RawRow[]>, sample: RawRow[][], cells: number): Promise<void> {
  let rows = sample.reduce((n, b) => n + b.length, 0);
  const width = sample[0]?.[0]?.cells.length || 1;
  while (rows * width < cells) {
    const next = await iterator.next();
    if (next.done) break;
    sample.push(next.value);
    rows += next.value.length;
  }
}

/**
 * Reads a raw export (CSV, XLSX, XLS; 问卷星 按文本/按序号 recognised), maps its columns to the
 * codebook and streams the coded rows to `sink`. Every row is coded; problems become issues.
 * Without a codebook, one is drafted from the whole table: for a sink that can start over
 * (`restartable`), in the same pass — drafted from a bounded sample, checked against the draft of
 * every row, and only when the two differ coded again — else by a pass of its own first.
 */
export async function ingestFile(path: string, options: IngestOptions = {}, sink: CodedRowSink = {}): Promise<IngestSummary> {
  const table = await openTable(path, options);
  // A file this tool wrote keeps its `_source_row`: rows stay traceable to the original export.
  const sourceColumn = table.header.indexOf(SOURCE_ROW);
  const items = parseWjxHeader(table.header).filter((i) => i.kind !== 'question' || i.column !== sourceColumn);
  const iterator = table.batches()[Symbol.asyncIterator]();
  const sample = await readSample(iterator);
  const layout = detectLayout(items, sample.flat().slice(0, SAMPLE_ROWS).map((r) => r.cells));
  const context: CodingContext = { path, table, items, sourceColumn, layout, sink };
  if (options.codebook) return codeTable(context, resume(sample, iterator), options.codebook, false);
  const id = basename(path, extname(path));
  if (!sink.restartable) return codeTable(context, resume(sample, iterator), await draftCodebook(path, options, items, layout), true);
  await readDraftSample(iterator, sample, DRAFT_SAMPLE_CELLS);
  const fromSample = inferCodebook(items, layout, id, options.identifierNames);
  for (const batch of sample) for (const row of batch) fromSample.add(row.cells);
  const draft = fromSample.finish();
  const whole = inferCodebook(items, layout, id, options.identifierNames);
  const summary = await codeTable(context, resume(sample, iterator), draft, true, (cells) => whole.add(cells));
  const codebook = whole.finish();
  if (isDeepStrictEqual(codebook, draft)) return summary;
  // A later row broke the sample's draft (a new answer, a text among numbers): code everything again.
  const again = await openTable(path, { ...options, onProgress: undefined });
  return codeTable({ ...context, table: again }, again.batches(), codebook, true);
}

/** What coding a table needs besides its rows and codebook. */
interface CodingContext {
  path: string;
  table: RawTable;
  items: SourceItem[];
  sourceColumn: number;
  layout: Layout;
  sink: CodedRowSink;
}

/** Codes every row of `batches` with `codebook` into the sink; `profile` sees each row's raw cells. */
async function codeTable(
  { path, table, items, sourceColumn, layout, sink }: CodingContext,
  batches: AsyncIterable<RawRow[]>,
  codebook: Codebook,
  drafted: boolean,
  profile?: (cells: string[]) => void,
): Promise<IngestSummary> {
  const mapping = mapColumns(items, codebook, layout);
  const outputs = mapping.coders.flatMap((c) => c.outputs);
  await sink.start?.(outputs, table.header, codebook);
  const reasonCounts = outputs.map(() => new Map<MissingReason, number>());
  const issues = [...mapping.issues];
  let rows = 0;
  const codeRow = (raw: RawRow): void | Promise<void> => {
    rows++;
    const sourceRow = sourceColumn < 0 ? raw.row : Number(raw.cells[sourceColumn]);
    if (!Number.isInteger(sourceRow) || sourceRow < 1) {
      throw new InputError(`${SOURCE_ROW} is "${raw.cells[sourceColumn]}", not a row number`, {
        file: path,
        row: raw.row,
        column: SOURCE_ROW,
        hint: `${SOURCE_ROW} is written by survey ingest/clean; do not edit it, or rename the column`,
      });
    }
    const firstIssue = issues.length;
    if (raw.paddedFrom !== undefined) issues.push(raggedRowIssue(raw, sourceRow, table.header));
    const cells = rejectReplacementCharacters(raw, sourceRow, table.header, issues);
    const coded: RowSink = { row: sourceRow, values: new Array(outputs.length), reasons: new Array(outputs.length), issues };
    let at = 0;
    for (const coder of mapping.coders) {
      coder.code(cells, coded, at);
      at += coder.outputs.length;
    }
    for (let k = 0; k < outputs.length; k++) {
      const reason = coded.reasons[k];
      if (reason) reasonCounts[k].set(reason, (reasonCounts[k].get(reason) ?? 0) + 1);
    }
    return sink.row?.({ sourceRow, values: coded.values, reasons: coded.reasons, cells: raw.cells, issues: issues.length > firstIssue ? issues.slice(firstIssue) : NO_ISSUES });
  };
  // Rows go through a batch at a time; the sink is waited for only when it has something to wait for.
  for await (const batch of batches) {
    for (const raw of batch) {
      profile?.(raw.cells);
      const pending = codeRow(raw);
      if (pending) await pending;
    }
  }
  const missing: IngestSummary['missing'] = {};
  outputs.forEach((o, k) => {
    if (reasonCounts[k].size) missing[o.name] = Object.fromEntries(reasonCounts[k]);
  });
  return {
    file: path,
    format: table.format,
    encoding: table.encoding,
    layout,
    rows,
    columns: table.header.length,
    outputs,
    mapped: mapping.mapped,
    unmapped: mapping.unmapped,
    missingVariables: mapping.missingVariables,
    missing,
    issues,
    codebook,
    drafted,
  };
}
