import { Paragraph, Table, TableCell, TableRow, type IBorderOptions } from 'docx';
import { DOCX_SIZE, DOCX_STYLE, DOCX_TEXT_WIDTH } from './docx-styles.js';
import type { ReportBlock } from './report-document.js';

/** 三线表 rules in eighth-points: 1.5 pt top and bottom, 0.75 pt under the header. */
const THICK: IBorderOptions = { style: 'single', size: 12, color: '000000' };
const THIN: IBorderOptions = { style: 'single', size: 6, color: '000000' };
const NONE: IBorderOptions = { style: 'none', size: 0, color: 'auto' };

type TableBlock = Extract<ReportBlock, { kind: 'table' }>;

/** Left plus right cell margin, in twips. */
const CELL_PADDING = 170;

/** The twips a text needs on one line at `size` half-points: CJK and full-width characters an em, the rest 0.6 em (digits are 0.5 em in Times New Roman; % and capitals wider). */
function setWidth(text: string, size: number): number {
  let ems = 0;
  for (const ch of text) ems += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.6;
  return ems * size * 10 + CELL_PADDING;
}

/** The twips `characters` CJK characters need at `size` half-points. */
const cjkWidth = (characters: number, size: number) => characters * size * 10 + CELL_PADDING;

/** Each column's width on one line; a header may wrap, so a long one counts only up to six characters. */
function naturalWidths(block: TableBlock, size: number): number[] {
  return block.columns.map((c, i) => Math.max(Math.min(setWidth(c, size), cjkWidth(6, size)), ...block.rows.map((r) => setWidth(r[i] ?? '', size))));
}

/**
 * Column widths in twips filling the text width. Each column first gets its least: a right-aligned
 * (number) column its longest value on one line, since a number broken over two lines misreads; a
 * text column four characters. What is left goes to the columns still short of their natural width,
 * the least short first, each its need or an equal share of the rest.
 */
function columnWidths(block: TableBlock, size: number): number[] {
  const sum = (widths: readonly number[]) => widths.reduce((a, b) => a + b, 0);
  const natural = naturalWidths(block, size);
  let widths = natural;
  if (sum(natural) > DOCX_TEXT_WIDTH) {
    widths = natural.map((w, i) => (block.align[i] === 'right' ? Math.max(0, ...block.rows.map((r) => setWidth(r[i] ?? '', size))) : Math.min(w, cjkWidth(4, size))));
    const short = natural.map((w, i) => w - widths[i]);
    let room = DOCX_TEXT_WIDTH - sum(widths);
    const order = short.map((_, i) => i).sort((a, b) => short[a] - short[b]);
    order.forEach((i, k) => {
      const extra = Math.max(Math.min(short[i], room / (order.length - k)), 0);
      widths[i] += extra;
      room -= extra;
    });
  }
  // Stretch (or, when even the least does not fit, shrink) to exactly the text width.
  const total = sum(widths);
  const scaled = widths.map((w) => Math.floor((DOCX_TEXT_WIDTH * w) / total));
  scaled[scaled.length - 1] += DOCX_TEXT_WIDTH - sum(scaled);
  return scaled;
}

/** One cell: its text in the table style, the header's rules, and whether the row stays on the page with the next. */
function cell(text: string, format: { align: 'left' | 'right'; width: number; header: boolean; style: string; keepNext: boolean }): TableCell {
  return new TableCell({
    width: { size: format.width, type: 'dxa' },
    verticalAlign: 'center',
    // The header's own top rule repeats with it on every page the table spans.
    borders: format.header ? { top: THICK, bottom: THIN } : undefined,
    children: [new Paragraph({ style: format.style, alignment: format.align, keepNext: format.keepNext, text })],
  });
}

/** A table block as its caption, a full-width 三线表 (header repeated, rows whole, a short table on one page, 小五 when too wide for 五号) and its notes. */
export function docxTable(block: TableBlock, caption: string): (Paragraph | Table)[] {
  const compact = naturalWidths(block, DOCX_SIZE.cell).reduce((a, b) => a + b, 0) > DOCX_TEXT_WIDTH;
  const style = compact ? DOCX_STYLE.tableTextCompact : DOCX_STYLE.tableText;
  const widths = columnWidths(block, compact ? DOCX_SIZE.note : DOCX_SIZE.cell);
  const row = (texts: readonly string[], header: boolean, keepNext: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: block.columns.map((_, i) => cell(texts[i] ?? '', { align: block.align[i] ?? 'left', width: widths[i], header, style, keepNext })),
    });
  const table = new Table({
    width: { size: DOCX_TEXT_WIDTH, type: 'dxa' },
    columnWidths: widths,
    layout: 'fixed',
    alignment: 'center',
    margins: { marginUnitType: 'dxa', top: 30, bottom: 30, left: 85, right: 85 },
    borders: { top: THICK, bottom: THICK, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    rows: [row(block.columns, true, block.rows.length > 0), ...block.rows.map((r, k) => row(r, false, k < block.rows.length - 1))],
  });
  return [
    new Paragraph({ style: DOCX_STYLE.tableCaption, text: caption }),
    table,
    ...block.notes.map((note) => new Paragraph({ style: DOCX_STYLE.tableNote, text: note })),
  ];
}
