/** The workbook model `writeXlsx` writes: sheets of plain values with optional styles, merges and images. */

import type { DeflatedEntry } from '../../zip/zip-writer.js';

/** A cell's value: null, NaN and ±Infinity give an empty cell. */
export type CellValue = string | number | boolean | null;

/** How a cell looks; equal styles share one entry in styles.xml. The font family is the workbook's (宋体). */
export interface CellStyle {
  /** Excel number format code, e.g. '0.00', '0.0%', '#,##0', 'yyyy-mm-dd hh:mm:ss', '@'. */
  numFmt?: string;
  bold?: boolean;
  italic?: boolean;
  /** Font size in points (default 11). */
  size?: number;
  /** Font colour 'RRGGBB'. */
  color?: string;
  /** Solid background 'RRGGBB'. */
  fill?: string;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'center';
  wrap?: boolean;
  /** Indent level (about 3 spaces each); implies left alignment unless `align` says otherwise. */
  indent?: number;
  /** Top and bottom rules: enough for a three-line table (三线表). */
  border?: { top?: 'thin' | 'medium'; bottom?: 'thin' | 'medium' };
}

/** A value with a style. */
export interface Cell {
  value: CellValue;
  style?: CellStyle;
}

/** A PNG placed on a sheet with its top-left corner at a cell. */
export interface SheetImage {
  png: Uint8Array;
  /** Pixel width of the PNG. */
  width: number;
  /** Pixel height of the PNG. */
  height: number;
  /** 0-based row of the anchor cell. */
  row: number;
  /** 0-based column of the anchor cell. */
  col: number;
  /** Display size over pixel size; default 0.5, for charts rendered at twice their size. */
  scale?: number;
  /** Alternative text. */
  name?: string;
}

/** One worksheet. */
export interface Sheet {
  /** At most 31 characters, none of [ ] : * ? / \, unique in the workbook ignoring case. */
  name: string;
  rows: readonly (readonly (Cell | CellValue)[])[];
  /** Column widths in characters (see `textWidth`); missing or 0 keeps Excel's default. */
  columnWidths?: readonly number[];
  /** Header rows (and columns) that stay in view when scrolling. */
  freeze?: { rows: number; cols?: number };
  /** Merged ranges, 0-based top-left cell and size. */
  merges?: readonly { row: number; col: number; rows: number; cols: number }[];
  images?: readonly SheetImage[];
  /** Tab colour 'RRGGBB'. */
  tabColor?: string;
  /** How the sheet prints: on A4 scaled to the page's width (as many pages down as it takes), turned when wide, its first `repeatRows` rows on every page. */
  print?: SheetPrint;
}

/** A sheet's print setup (see Sheet.print). */
export interface SheetPrint {
  landscape: boolean;
  repeatRows: number;
}

/** A workbook: its sheets in tab order (at most one rendered ahead by prerenderSheet) and document properties. */
export interface Workbook {
  sheets: readonly (Sheet | PrerenderedSheet)[];
  title?: string;
  creator?: string;
}

/**
 * A worksheet rendered and compressed ahead of its workbook, with the style and shared-string
 * numbering its XML uses: `writeXlsx` numbers the other sheets' styles and strings on from it.
 */
export interface PrerenderedSheet {
  name: string;
  part: DeflatedEntry;
  styles: StyleTableState;
  strings: SharedStringsState;
  /** Rows printed on every page (the workbook names them as the sheet's print titles). */
  repeatRows?: number;
}

/** What a StyleTable has numbered so far, as plain data (see prerenderSheet). */
export interface StyleTableState {
  fonts: readonly string[];
  fills: readonly string[];
  borders: readonly string[];
  formats: ReadonlyMap<string, number>;
  cellFormats: readonly string[];
}

/** What a SharedStrings table holds (see prerenderSheet): each text's index and its `<si>` XML. */
export interface SharedStringsState {
  ids: ReadonlyMap<string, number>;
  items: readonly string[];
  uses: number;
}
