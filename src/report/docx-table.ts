import { DOCX_SIZE, DOCX_STYLE, DOCX_TEXT_WIDTH } from './docx-styles.js';
import { paragraphXml, wElement } from './docx-xml.js';
import type { ReportBlock } from './report-document.js';

/** A border: its line, colour and width in eighth-points. */
type Border = { val: 'single' | 'none'; color: string; sz: number };

/** 三线表 rules in eighth-points: 1.5 pt top and bottom, 0.75 pt under the header. */
const THICK: Border = { val: 'single', color: '000000', sz: 12 };
const THIN: Border = { val: 'single', color: '000000', sz: 6 };
const NONE: Border = { val: 'none', color: 'auto', sz: 0 };

/** The table's borders (top, left, bottom, right, inside, in the schema's order), margins and layout: full width, centred, fixed columns. */
const TABLE_PROPERTIES =
  '<w:tblPr>' +
  wElement('tblW', { type: 'dxa', w: DOCX_TEXT_WIDTH }) +
  wElement('jc', { val: 'center' }) +
  `<w:tblBorders>${wElement('top', THICK)}${wElement('left', NONE)}${wElement('bottom', THICK)}${wElement('right', NONE)}${wElement('insideH', NONE)}${wElement('insideV', NONE)}</w:tblBorders>` +
  wElement('tblLayout', { type: 'fixed' }) +
  `<w:tblCellMar>${wElement('top', { type: 'dxa', w: 30 })}${wElement('left', { type: 'dxa', w: 85 })}${wElement('bottom', { type: 'dxa', w: 30 })}${wElement('right', { type: 'dxa', w: 85 })}</w:tblCellMar>` +
  '</w:tblPr>';

/** The header cells' own rules; the top one repeats with the header on every page the table spans. */
const HEADER_BORDERS = `<w:tcBorders>${wElement('top', THICK)}${wElement('bottom', THIN)}</w:tcBorders>`;

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

/** One cell: its width, the header's rules, and its text in the table style, keeping the row on the page with the next or not. */
function cellXml(text: string, format: { align: 'left' | 'right'; width: number; header: boolean; style: string; keepNext: boolean }): string {
  const properties = `<w:tcPr>${wElement('tcW', { type: 'dxa', w: format.width })}${format.header ? HEADER_BORDERS : ''}<w:vAlign w:val="center"/></w:tcPr>`;
  return `<w:tc>${properties}${paragraphXml({ style: format.style, keepNext: format.keepNext, alignment: format.align }, text)}</w:tc>`;
}

/** A table block as WordprocessingML: its caption, a full-width 三线表 (header repeated, rows whole, a short table on one page, 小五 when too wide for 五号) and its notes. */
export function docxTableXml(block: TableBlock, caption: string): string {
  const compact = naturalWidths(block, DOCX_SIZE.cell).reduce((a, b) => a + b, 0) > DOCX_TEXT_WIDTH;
  const style = compact ? DOCX_STYLE.tableTextCompact : DOCX_STYLE.tableText;
  const widths = columnWidths(block, compact ? DOCX_SIZE.note : DOCX_SIZE.cell);
  const row = (texts: readonly string[], header: boolean, keepNext: boolean) => {
    const cells = block.columns.map((_, i) => cellXml(texts[i] ?? '', { align: block.align[i] ?? 'left', width: widths[i], header, style, keepNext }));
    return `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : '<w:tblHeader w:val="false"/>'}</w:trPr>${cells.join('')}</w:tr>`;
  };
  const grid = `<w:tblGrid>${widths.map((w) => wElement('gridCol', { w })).join('')}</w:tblGrid>`;
  const rows = [row(block.columns, true, block.rows.length > 0), ...block.rows.map((r, k) => row(r, false, k < block.rows.length - 1))];
  return (
    paragraphXml({ style: DOCX_STYLE.tableCaption }, caption) +
    `<w:tbl>${TABLE_PROPERTIES}${grid}${rows.join('')}</w:tbl>` +
    block.notes.map((note) => paragraphXml({ style: DOCX_STYLE.tableNote }, note)).join('')
  );
}
