import { isWide } from './charts/svg-text.js';
import { DOCX_LANDSCAPE_TEXT_WIDTH, DOCX_SIZE, DOCX_STYLE, DOCX_TEXT_WIDTH } from './docx-styles.js';
import { paragraphXml, wElement } from './docx-xml.js';
import type { ReportBlock } from './report-document.js';

/** A border: its line, colour and width in eighth-points. */
type Border = { val: 'single' | 'none'; color: string; sz: number };

/** 三线表 rules in eighth-points: 1.5 pt top and bottom, 0.75 pt under the header. */
const THICK: Border = { val: 'single', color: '000000', sz: 12 };
const THIN: Border = { val: 'single', color: '000000', sz: 6 };
const NONE: Border = { val: 'none', color: 'auto', sz: 0 };

/** The table's borders (top, left, bottom, right, inside, in the schema's order), margins and layout: full width, centred, fixed columns; `margin` is each cell's left and right margin in twips. */
function tablePropertiesXml(width: number, margin: number): string {
  return (
    '<w:tblPr>' +
    wElement('tblW', { type: 'dxa', w: width }) +
    wElement('jc', { val: 'center' }) +
    `<w:tblBorders>${wElement('top', THICK)}${wElement('left', NONE)}${wElement('bottom', THICK)}${wElement('right', NONE)}${wElement('insideH', NONE)}${wElement('insideV', NONE)}</w:tblBorders>` +
    wElement('tblLayout', { type: 'fixed' }) +
    `<w:tblCellMar>${wElement('top', { type: 'dxa', w: 30 })}${wElement('left', { type: 'dxa', w: margin })}${wElement('bottom', { type: 'dxa', w: 30 })}${wElement('right', { type: 'dxa', w: margin })}</w:tblCellMar>` +
    '</w:tblPr>'
  );
}

/** The header cells' own rules; the top one repeats with the header on every page the table spans. */
const HEADER_BORDERS = `<w:tcBorders>${wElement('top', THICK)}${wElement('bottom', THIN)}</w:tcBorders>`;

type TableBlock = Extract<ReportBlock, { kind: 'table' }>;

/** Each cell's left and right margin in twips: 1.5 mm in a 五号 table, 1 mm in a 小五 one. */
const CELL_MARGIN = { cell: 85, compact: 57 } as const;

// Latin advance widths in em, each the widest among the faces a reader may set it in: Times New Roman
// (or Liberation Serif, its metric twin) where installed, else what the system substitutes, e.g.
// DejaVu Serif or Sans in a bare Linux LibreOffice (digits 0.64 em against Times' 0.5, % 0.95
// against 0.83, < = − 0.84 against 0.56), Noto Sans CJK or SimSun's half-width forms. Sizing columns
// for Times alone breaks "52.0%" over two lines wherever Times is missing.
const NARROW = new Set(".,:;!|' ijl");
const MEDIUM = new Set('-()[]{}/\\"`²³¹fIJrt');
const BROAD = new Set('%@MWm');
const WIDE_LATIN = new Set('<>=+−±×÷~#&w');

/** A character's width in em, at most what any likely face gives it: CJK 1, digits 0.65, capitals 0.88, … */
function charEm(ch: string): number {
  const code = ch.codePointAt(0) as number;
  if (isWide(code)) return 1;
  if (code >= 0x30 && code <= 0x39) return 0.65;
  if (NARROW.has(ch)) return 0.34;
  if (MEDIUM.has(ch)) return 0.5;
  if (BROAD.has(ch)) return 1.04;
  if (WIDE_LATIN.has(ch) || (code >= 0x41 && code <= 0x5a)) return 0.88;
  return 0.66;
}

/** The twips a text needs on one line at `size` half-points, whatever face the reader sets it in. */
function textTwips(text: string, size: number): number {
  let ems = 0;
  for (const ch of text) ems += charEm(ch);
  return Math.ceil(ems * size * 10);
}

/** A table's type size (half-points) and cells' left-plus-right margin (twips). */
type Setting = { size: number; padding: number };
const NORMAL: Setting = { size: DOCX_SIZE.cell, padding: 2 * CELL_MARGIN.cell };
const COMPACT: Setting = { size: DOCX_SIZE.note, padding: 2 * CELL_MARGIN.compact };

const sum = (widths: readonly number[]) => widths.reduce((a, b) => a + b, 0);

/** Each column's width on one line; a header may wrap, so a long one counts only up to six characters. */
function naturalWidths(block: TableBlock, { size, padding }: Setting): number[] {
  const cjk = (characters: number) => characters * size * 10;
  return block.columns.map((c, i) => padding + Math.max(Math.min(textTwips(c, size), cjk(6)), ...block.rows.map((r) => textTwips(r[i] ?? '', size))));
}

/**
 * Each column's least: a right-aligned (number) column its longest value on one line, since a
 * number broken over two lines misreads, and room for its header in at most three lines; a text
 * column six characters (a label over three or four lines of four reads badly: a table that cannot
 * give it six goes across a landscape page).
 */
function leastWidths(block: TableBlock, setting: Setting): number[] {
  const { size, padding } = setting;
  return naturalWidths(block, setting).map((w, i) =>
    block.align[i] === 'right'
      ? padding + Math.max(Math.ceil(textTwips(block.columns[i], size) / 3), ...block.rows.map((r) => textTwips(r[i] ?? '', size)))
      : Math.min(w, padding + 6 * size * 10),
  );
}

/**
 * Column widths in twips filling `width`: the natural widths when they fit, else each column its
 * least and what is left to the columns still short of their natural width, the least short first,
 * each its need or an equal share of the rest. Then stretched (or, when even the least does not fit,
 * shrunk) to exactly `width`.
 */
function columnWidths(block: TableBlock, setting: Setting, width: number): number[] {
  const natural = naturalWidths(block, setting);
  let widths = natural;
  if (sum(natural) > width) {
    widths = leastWidths(block, setting);
    const short = natural.map((w, i) => w - widths[i]);
    let room = width - sum(widths);
    const order = short.map((_, i) => i).sort((a, b) => short[a] - short[b]);
    order.forEach((i, k) => {
      const extra = Math.max(Math.min(short[i], room / (order.length - k)), 0);
      widths[i] += extra;
      room -= extra;
    });
  }
  const total = sum(widths);
  const scaled = widths.map((w) => Math.floor((width * w) / total));
  scaled[scaled.length - 1] += width - sum(scaled);
  return scaled;
}

/** Room each column gets beyond its content when a table is narrower than the page: two 五号 characters. */
const COLUMN_ROOM = 2 * DOCX_SIZE.cell * 10;

/**
 * The width of a table whose columns fit on one line each: its content and some room per column,
 * not stretched across the page (wide gaps between three short columns read badly), but at least
 * half the text width, so that a two-column table still reads as a table.
 */
function contentWidth(natural: number, columns: number, width: number): number {
  return Math.min(width, Math.max(Math.round(width / 2), natural + columns * COLUMN_ROOM));
}

/** How a table is set: 五号 or 小五, its cell margin, its width and columns in twips, on a portrait or a landscape page. */
export interface DocxTableLayout {
  style: string;
  margin: number;
  width: number;
  widths: number[];
  landscape: boolean;
}

/**
 * The first way a table fits with every number on one line: 五号 on the portrait text width (as wide
 * as its content needs, see contentWidth), else
 * 小五 with narrower cell margins, else the same two across a landscape page (a wide table on a page
 * of its own turned sideways, as printed reports do); a table too wide even for that is set in
 * 小五 across the landscape page with its columns shrunk.
 */
export function docxTableLayout(block: TableBlock): DocxTableLayout {
  for (const [landscape, width] of [[false, DOCX_TEXT_WIDTH], [true, DOCX_LANDSCAPE_TEXT_WIDTH]] as const) {
    const natural = sum(naturalWidths(block, NORMAL));
    if (natural <= width) {
      const fitted = contentWidth(natural, block.columns.length, width);
      return { style: DOCX_STYLE.tableText, margin: CELL_MARGIN.cell, width: fitted, widths: columnWidths(block, NORMAL, fitted), landscape };
    }
    if (sum(leastWidths(block, COMPACT)) <= width) return { style: DOCX_STYLE.tableTextCompact, margin: CELL_MARGIN.compact, width, widths: columnWidths(block, COMPACT, width), landscape };
  }
  const width = DOCX_LANDSCAPE_TEXT_WIDTH;
  return { style: DOCX_STYLE.tableTextCompact, margin: CELL_MARGIN.compact, width, widths: columnWidths(block, COMPACT, width), landscape: true };
}

/** One cell: its width, the header's rules, and its text in the table style, keeping the row on the page with the next or not. */
function cellXml(text: string, format: { align: 'left' | 'right'; width: number; header: boolean; style: string; keepNext: boolean }): string {
  const properties = `<w:tcPr>${wElement('tcW', { type: 'dxa', w: format.width })}${format.header ? HEADER_BORDERS : ''}<w:vAlign w:val="center"/></w:tcPr>`;
  return `<w:tc>${properties}${paragraphXml({ style: format.style, keepNext: format.keepNext, alignment: format.align }, text)}</w:tc>`;
}

/** A table block as WordprocessingML laid out as `layout` says (docxTableLayout): its caption, a full-width 三线表 (header repeated, rows whole, a short table on one page) and its notes. */
export function docxTableXml(block: TableBlock, caption: string, layout: DocxTableLayout = docxTableLayout(block)): string {
  const { style, widths } = layout;
  const row = (texts: readonly string[], header: boolean, keepNext: boolean) => {
    const cells = block.columns.map((_, i) => cellXml(texts[i] ?? '', { align: block.align[i] ?? 'left', width: widths[i], header, style, keepNext }));
    return `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : '<w:tblHeader w:val="false"/>'}</w:trPr>${cells.join('')}</w:tr>`;
  };
  const grid = `<w:tblGrid>${widths.map((w) => wElement('gridCol', { w })).join('')}</w:tblGrid>`;
  // The last row keeps with the notes under it, so that a note never starts the next page alone.
  const last = block.notes.length ? block.rows.length : block.rows.length - 1;
  const rows = [row(block.columns, true, block.rows.length > 0), ...block.rows.map((r, k) => row(r, false, k < last))];
  return (
    paragraphXml({ style: DOCX_STYLE.tableCaption }, caption) +
    `<w:tbl>${tablePropertiesXml(layout.width, layout.margin)}${grid}${rows.join('')}</w:tbl>` +
    block.notes.map((note) => paragraphXml({ style: DOCX_STYLE.tableNote }, note)).join('')
  );
}
