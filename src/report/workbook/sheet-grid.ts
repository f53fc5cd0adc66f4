import type { Cell, CellStyle, CellValue, Sheet, SheetImage, SheetPrint } from '../../io/xlsx/write/xlsx-model.js';
import type { ChartImage } from '../charts/chart-image.js';
import { textWidth } from '../../io/xlsx/write/xlsx-text.js';

/** A column of a grid table: its header and how its numbers are shown. */
export interface GridColumn {
  header: string;
  /** Excel number format ('0', '0.0%', '0.000'); text columns leave it out. */
  numFmt?: string;
}

const TITLE: CellStyle = { bold: true, size: 12 };
const NOTE: CellStyle = { italic: true, size: 9, color: '555555' };
const MAX_WIDTH = 60;
/** Characters of the default font across an A4 portrait page inside Excel's default margins; a wider sheet prints landscape. */
const PORTRAIT_CHARS = 94;

/** How a report sheet prints: fitted to the page width, landscape when wider than a portrait page, its frozen header rows on every page. */
export function printSetup(columnWidths: readonly number[], repeatRows: number): SheetPrint {
  const width = columnWidths.reduce((sum, w) => sum + (w || 8.43), 0);
  return { landscape: width > PORTRAIT_CHARS, repeatRows };
}

/**
 * Builds a sheet top to bottom — titles, 三线表 tables (a medium rule above the header, a thin one
 * under it, a medium one under the last row), notes, images — and sizes the columns to their text.
 */
export class SheetGrid {
  private readonly rows: (Cell | CellValue)[][] = [];
  private readonly widths: number[] = [];
  private readonly images: SheetImage[] = [];
  private readonly fixed = new Set<number>();

  constructor(private readonly name: string) {}

  /** The next free row (0-based). */
  get row(): number {
    return this.rows.length;
  }

  /** A bold title line. */
  title(text: string): this {
    this.rows.push([{ value: text, style: TITLE }]);
    return this;
  }

  /** A line of small italic text (notes under a table, sources). */
  note(text: string): this {
    this.rows.push([{ value: text, style: NOTE }]);
    return this;
  }

  /** A line of plain cells. */
  line(cells: readonly (Cell | CellValue)[]): this {
    this.rows.push([...cells]);
    cells.forEach((c, k) => this.fit(k, c, 1));
    return this;
  }

  /** A paragraph of wrapped text in column `col` (after a short label in the columns before), not widening the column. */
  paragraph(text: string, label: CellValue = null, col = 1): this {
    const cells: (Cell | CellValue)[] = new Array(col).fill(null);
    // The label stays beside the paragraph's first line.
    cells[0] = label === null ? null : { value: label, style: { valign: 'top', align: 'left' } };
    cells[col] = { value: text, style: { wrap: true, valign: 'top' } };
    this.rows.push(cells);
    return this;
  }

  /** Sets a column's width (characters), e.g. for the column paragraphs go in. */
  width(col: number, chars: number): this {
    this.widths[col] = chars;
    this.fixed.add(col);
    return this;
  }

  /** An empty line. */
  blank(): this {
    this.rows.push([]);
    return this;
  }

  /** A 三线表: header row and body rows; numbers keep their values and get the column's format. */
  table(columns: readonly GridColumn[], body: readonly (readonly (Cell | CellValue)[])[], options: { title?: string; notes?: readonly string[] } = {}): this {
    if (options.title) this.title(options.title);
    const last = body.length - 1;
    this.rows.push(columns.map((c, k) => ({ value: c.header, style: { bold: true, align: k === 0 ? 'left' : 'center', border: { top: 'medium', bottom: 'thin' }, wrap: true } })));
    columns.forEach((c, k) => this.fit(k, c.header, 0.6));
    body.forEach((cells, i) => {
      this.rows.push(columns.map((c, k) => {
        const cell = cells[k] ?? null;
        // A cell may bring its own style (a mean among counts); the column's format is the default.
        const [value, own] = cell !== null && typeof cell === 'object' ? [cell.value, cell.style] : [cell, undefined];
        const style: CellStyle = { ...(c.numFmt && typeof value === 'number' ? { numFmt: c.numFmt } : {}), ...own, ...(i === last ? { border: { bottom: 'medium' } } : {}) };
        return Object.keys(style).length ? { value, style } : value;
      }));
      cells.forEach((value, k) => this.fit(k, value, 1));
    });
    if (body.length === 0) this.rows.push(columns.map(() => ({ value: null, style: { border: { bottom: 'medium' } } })));
    for (const n of options.notes ?? []) this.note(n);
    return this.blank();
  }

  /** An image anchored at the next free row (first column), with the rows it covers left empty. */
  image(png: Omit<SheetImage, 'row' | 'col'>, col = 0): this {
    this.images.push({ ...png, row: this.rows.length, col });
    // Default rows are 20 px high: leave room below the picture for what follows.
    const rows = Math.ceil((png.height * (png.scale ?? 0.5)) / 20) + 1;
    for (let i = 0; i < rows; i++) this.rows.push([]);
    return this;
  }

  /** Charts by id, each under its title; ids without an image (no CJK font) are skipped. */
  charts(ids: readonly string[], images: ReadonlyMap<string, ChartImage & { title: string }>): this {
    for (const id of ids) {
      const png = images.get(id);
      if (png) this.title(png.title).image(png);
    }
    return this;
  }

  /** The finished sheet; `freeze` keeps the first rows in view when scrolling, and on every printed page. */
  sheet(options: { freeze?: number } = {}): Sheet {
    const columnWidths = Array.from(this.widths, (w, k) => (this.fixed.has(k) ? w : Math.min(MAX_WIDTH, Math.max(8, (w ?? 0) + 2))));
    return {
      name: this.name,
      rows: this.rows,
      columnWidths,
      ...(options.freeze ? { freeze: { rows: options.freeze } } : {}),
      ...(this.images.length ? { images: this.images } : {}),
      print: printSetup(columnWidths, options.freeze ?? 0),
    };
  }

  private fit(col: number, cell: Cell | CellValue | undefined, weight: number): void {
    if (this.fixed.has(col)) return;
    const value = cell !== null && typeof cell === 'object' ? cell.value : cell;
    if (value === null || value === undefined) return;
    const width = typeof value === 'number' ? Math.min(String(value).length, 12) : textWidth(String(value)) * weight;
    this.widths[col] = Math.max(this.widths[col] ?? 0, width);
  }
}
