/** A raw export as read from disk: a header and string cells, before any codebook is applied. */

/** The file formats `survey ingest` reads. */
export type RawFormat = 'csv' | 'xlsx' | 'xls';

/** Text encodings detected or accepted with `--encoding`. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** One data row: its 1-based data-row number (header not counted) and its cells as text. */
export interface RawRow {
  row: number;
  /** 1-based physical line where the row starts (CSV only; quoted newlines make it differ). */
  line?: number;
  cells: string[];
  /** CSV with `allowRagged`: how many fields the row had before it was padded to the header's width. */
  paddedFrom?: number;
}

/** An opened raw table; `rows()` (or `batches()`) streams the data rows in file order. */
export interface RawTable {
  file: string;
  format: RawFormat;
  /** The text encoding (CSV), or null for spreadsheets. */
  encoding: TextEncoding | null;
  /** The CSV delimiter, or null for spreadsheets. */
  delimiter: string | null;
  /** The sheet read (spreadsheets), or null. */
  sheet: string | null;
  /** Header cells exactly as in the file (trailing spaces kept). */
  header: string[];
  rows(): AsyncIterable<RawRow>;
  /** The data rows in batches, as the file is read: a loop over a batch costs no async step per row. */
  batches(): AsyncIterable<RawRow[]>;
}

/** Options for opening a raw table. */
export interface OpenTableOptions {
  /** Override encoding detection (CSV). */
  encoding?: TextEncoding;
  /** Override delimiter detection (CSV). */
  delimiter?: string;
  /** Sheet name (spreadsheets); default the first sheet. */
  sheet?: string;
  /** Pad rows with fewer cells than the header instead of failing (CSV). */
  allowRagged?: boolean;
  /** Called as the file is read: bytes consumed so far and the file size. */
  onProgress?: (done: number, total: number) => void;
}
