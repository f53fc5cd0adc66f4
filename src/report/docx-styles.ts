import { paragraphPropertiesXml, runPropertiesXml, W_NAMESPACE, wElement, XML_DECLARATION, type ParagraphFormat, type RunFormat } from './docx-xml.js';
import { headsByWeight } from '../locale/heading-emphasis.js';

/**
 * Page, fonts and paragraph styles of a Word report in the 社科联 结项 format (公文-like: GB/T 9704
 * page, 3号 仿宋 body on a fixed 29 pt line, 黑体/楷体/仿宋 headings), shared by the docx renderer.
 */

/** Font names as the 结项 requirement spells them; Latin text is set in Times New Roman. */
const DOCX_FONT = {
  title: '方正小标宋简体',
  heading1: '方正黑体-GBK',
  heading2: '方正楷体-GBK',
  body: '方正仿宋-GBK',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

/** Font sizes in half-points: 小初 cover heading, 2号 title, 3号 headings and body, 小四 captions and 目录 entries, 五号 cells, 小五 notes and wide tables, 4号 page numbers. */
export const DOCX_SIZE = { cover: 72, title: 44, body: 32, caption: 24, cell: 21, note: 18, pageNumber: 28 } as const;

const mm = (length: number) => Math.round((length / 25.4) * 1440);

/** A4 with GB/T 9704 margins (top 37, bottom 35, left 28, right 26 mm), in twips. */
export const DOCX_PAGE = {
  width: 11906,
  height: 16838,
  margin: {
    top: mm(37),
    bottom: mm(35),
    left: mm(28),
    right: mm(26),
    header: mm(15),
    // The page number sits about 7 mm below the text block, as GB/T 9704 places it.
    footer: mm(23),
  },
} as const;

/** The text block's width in twips (156 mm), which tables and charts fill. */
export const DOCX_TEXT_WIDTH = DOCX_PAGE.width - DOCX_PAGE.margin.left - DOCX_PAGE.margin.right;

/** The text block's width in twips (243 mm) on a landscape page (one turned for a table too wide for portrait), which keeps the margins of each edge. */
export const DOCX_LANDSCAPE_TEXT_WIDTH = DOCX_PAGE.height - DOCX_PAGE.margin.left - DOCX_PAGE.margin.right;

/** The text block's height in twips (225 mm), which bounds a chart's height. */
export const DOCX_TEXT_HEIGHT = DOCX_PAGE.height - DOCX_PAGE.margin.top - DOCX_PAGE.margin.bottom;

/** Body line pitch in twips: fixed 29 pt, 22 lines to the page as in 公文. */
export const DOCX_LINE = 580;

/** Paragraph style ids the renderer applies besides Title and Heading1–3. */
export const DOCX_STYLE = {
  byline: 'Byline',
  tableCaption: 'Caption',
  figureCaption: 'FigureCaption',
  tableText: 'TableText',
  tableTextCompact: 'TableTextCompact',
  tableNote: 'TableNote',
  figure: 'Figure',
  footer: 'Footer',
  listItem: 'ListItem',
  contentsHeading: 'TOCHeading',
  contents: ['TOC1', 'TOC2', 'TOC3'],
  coverHeading: 'CoverHeading',
  coverText: 'CoverText',
} as const;

/** East-Asian font `eastAsia` with Latin, symbols and complex scripts in Times New Roman. */
function docxFonts(eastAsia: string): RunFormat['font'] {
  return { ascii: DOCX_FONT.latin, hAnsi: DOCX_FONT.latin, cs: DOCX_FONT.latin, eastAsia };
}

const noIndent = { firstLine: 0, firstLineChars: 0 };
/** One body character (3号, 16 pt) in twips. */
const CHAR = 20 * (DOCX_SIZE.body / 2);
const singleLine = { line: 240, lineRule: 'auto' } as const;

/** A paragraph style: its formatting and place in the style tree. */
interface DocxStyle {
  id: string;
  name: string;
  basedOn?: string;
  next?: string;
  /** Shown in Word's style gallery. */
  quickFormat?: boolean;
  run?: RunFormat;
  paragraph?: ParagraphFormat;
}

/** The report's styles: the document defaults (Normal: 3号 仿宋, justified, 2-character indent, fixed lines), Title and Heading1–3 with outline levels, English heads by weight and slant, and the renderer's own styles. */
function docxStyles(lang: 'zh' | 'en'): { run: RunFormat; paragraph: ParagraphFormat; styles: DocxStyle[] } {
  const byWeight = headsByWeight(lang);
  const builtIn = (id: string, name: string) => ({ id, name, basedOn: 'Normal', next: 'Normal', quickFormat: true });
  const heading = (outlineLevel: number) => ({ outlineLevel, keepNext: true, keepLines: true });
  return {
    run: { font: docxFonts(DOCX_FONT.body), size: DOCX_SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
    paragraph: {
      // Flush left, not justified: a justified line before an unbreakable Latin run (p < 0.001,
      // log(income), 54.2%–56.2%) is stretched by spacing out its Chinese characters.
      alignment: 'left',
      spacing: { before: 0, after: 0, line: DOCX_LINE, lineRule: 'exact' },
      // firstLineChars is what Word uses; firstLine (2 × 16 pt) is for readers that ignore it.
      indent: { firstLine: 2 * 20 * (DOCX_SIZE.body / 2), firstLineChars: 200 },
    },
    styles: [
      {
        ...builtIn('Title', 'Title'),
        run: { font: docxFonts(DOCX_FONT.title), size: DOCX_SIZE.title, bold: byWeight },
        paragraph: { alignment: 'center', indent: noIndent, spacing: { line: 720, lineRule: 'exact' }, keepNext: true },
      },
      { ...builtIn('Heading1', 'Heading 1'), run: { font: docxFonts(DOCX_FONT.heading1), size: DOCX_SIZE.body, bold: byWeight }, paragraph: heading(0) },
      { ...builtIn('Heading2', 'Heading 2'), run: { font: docxFonts(DOCX_FONT.heading2), size: DOCX_SIZE.body, bold: byWeight, italics: byWeight }, paragraph: heading(1) },
      { ...builtIn('Heading3', 'Heading 3'), run: { font: docxFonts(DOCX_FONT.body), size: DOCX_SIZE.body, bold: !byWeight, italics: byWeight }, paragraph: heading(2) },
      {
        id: DOCX_STYLE.byline,
        name: 'Byline',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font: docxFonts(DOCX_FONT.heading2) },
        paragraph: { alignment: 'center', indent: noIndent, keepNext: true },
      },
      {
        // The built-in 题注 style, so Word lists these as captions.
        id: DOCX_STYLE.tableCaption,
        name: 'caption',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: docxFonts(DOCX_FONT.heading1), size: DOCX_SIZE.caption, bold: true },
        paragraph: { alignment: 'center', indent: noIndent, spacing: { before: DOCX_LINE / 2, after: 120, line: 400, lineRule: 'exact' }, keepNext: true, keepLines: true },
      },
      {
        id: DOCX_STYLE.figureCaption,
        name: 'Figure Caption',
        basedOn: DOCX_STYLE.tableCaption,
        next: 'Normal',
        paragraph: { spacing: { before: 120, after: 0 }, keepNext: false },
      },
      {
        id: DOCX_STYLE.tableText,
        name: 'Table Text',
        basedOn: 'Normal',
        run: { size: DOCX_SIZE.cell },
        paragraph: { indent: noIndent, spacing: { line: 315, lineRule: 'exact' } },
      },
      {
        id: DOCX_STYLE.tableTextCompact,
        name: 'Table Text Compact',
        basedOn: DOCX_STYLE.tableText,
        run: { size: DOCX_SIZE.note },
        paragraph: { spacing: { line: 270, lineRule: 'exact' } },
      },
      {
        id: DOCX_STYLE.tableNote,
        name: 'Table Note',
        basedOn: 'Normal',
        run: { size: DOCX_SIZE.note },
        paragraph: { alignment: 'left', indent: noIndent, spacing: { before: 60, line: 280, lineRule: 'exact' } },
      },
      {
        // Auto line height: a fixed line would clip the inline image to one line.
        id: DOCX_STYLE.figure,
        name: 'Figure',
        basedOn: 'Normal',
        next: DOCX_STYLE.figureCaption,
        paragraph: { alignment: 'center', indent: noIndent, spacing: { ...singleLine, before: DOCX_LINE / 2 }, keepNext: true },
      },
      {
        // A list item (a team's Markdown list, the 摘要's findings): its marker where a paragraph's first line starts, the text two characters on.
        id: DOCX_STYLE.listItem,
        name: 'List Paragraph',
        basedOn: 'Normal',
        paragraph: { indent: { left: 4 * CHAR, hanging: 2 * CHAR, firstLineChars: 0 } },
      },
      {
        // Not a heading: the 目录 does not list itself.
        id: DOCX_STYLE.contentsHeading,
        name: 'TOC Heading',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font: docxFonts(DOCX_FONT.heading1), size: DOCX_SIZE.body, bold: byWeight },
        paragraph: { alignment: 'center', indent: noIndent, spacing: { after: DOCX_LINE / 2 } },
      },
      ...DOCX_STYLE.contents.map((id, level) => ({
        // Word's built-in toc 1–3, which its TOC field fills: a dotted leader to the page number at the right margin.
        id,
        name: `toc ${level + 1}`,
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: DOCX_SIZE.caption, ...(level === 0 ? { font: docxFonts(DOCX_FONT.heading1) } : {}) },
        paragraph: {
          alignment: 'left' as const,
          indent: { left: level * 2 * (DOCX_SIZE.caption * 10), firstLine: 0, firstLineChars: 0 },
          tabs: [{ pos: DOCX_TEXT_WIDTH, align: 'right' as const, leader: 'dot' as const }],
          spacing: { line: 440, lineRule: 'exact' as const },
        },
      })),
      {
        id: DOCX_STYLE.coverHeading,
        name: 'Cover Heading',
        basedOn: 'Normal',
        run: { font: docxFonts(DOCX_FONT.title), size: DOCX_SIZE.cover, bold: byWeight },
        paragraph: { alignment: 'center', indent: noIndent, spacing: { line: 1200, lineRule: 'exact' } },
      },
      {
        id: DOCX_STYLE.coverText,
        name: 'Cover Text',
        basedOn: 'Normal',
        paragraph: { alignment: 'left', indent: noIndent, spacing: { line: 640, lineRule: 'exact' } },
      },
      {
        id: DOCX_STYLE.footer,
        name: 'footer',
        basedOn: 'Normal',
        run: { font: { ascii: DOCX_FONT.pageNumber, hAnsi: DOCX_FONT.pageNumber, cs: DOCX_FONT.pageNumber, eastAsia: DOCX_FONT.pageNumber }, size: DOCX_SIZE.pageNumber },
        paragraph: { alignment: 'center', indent: noIndent, spacing: singleLine },
      },
    ],
  };
}

/**
 * word/styles.xml: the document defaults and the paragraph styles (ISO 29500 §17.7). Normal is
 * not written out: it is the defaults, and a Normal style of its own moves the title down a few
 * points in LibreOffice.
 */
export function docxStylesXml(lang: 'zh' | 'en'): string {
  const { run, paragraph, styles } = docxStyles(lang);
  const xml = styles.map((style) => {
    const tree =
      wElement('name', { val: style.name }) +
      (style.basedOn ? wElement('basedOn', { val: style.basedOn }) : '') +
      (style.next ? wElement('next', { val: style.next }) : '') +
      (style.quickFormat ? '<w:qFormat/>' : '');
    return `<w:style w:type="paragraph" w:styleId="${style.id}">${tree}${paragraphPropertiesXml(style.paragraph)}${runPropertiesXml(style.run)}</w:style>`;
  });
  const defaults = `<w:docDefaults><w:rPrDefault>${runPropertiesXml(run)}</w:rPrDefault><w:pPrDefault>${paragraphPropertiesXml(paragraph)}</w:pPrDefault></w:docDefaults>`;
  return `${XML_DECLARATION}<w:styles ${W_NAMESPACE}>${defaults}${xml.join('')}</w:styles>`;
}

/** Where a reader without the 方正 fonts should look next: the installed _GBK spelling, then the system CJK face. */
const FALLBACKS: readonly { name: string; altName?: string; panose: string; cjk: boolean }[] = [
  { name: DOCX_FONT.title, altName: '宋体,SimSun', panose: '02010600030101010101', cjk: true },
  { name: DOCX_FONT.heading1, altName: '方正黑体_GBK,黑体,SimHei', panose: '02010609060101010101', cjk: true },
  { name: DOCX_FONT.heading2, altName: '方正楷体_GBK,楷体,KaiTi', panose: '02010609060101010101', cjk: true },
  { name: DOCX_FONT.body, altName: '方正仿宋_GBK,仿宋,FangSong', panose: '02010609060101010101', cjk: true },
  { name: DOCX_FONT.pageNumber, altName: 'SimSun', panose: '02010600030101010101', cjk: true },
  { name: DOCX_FONT.latin, panose: '02020603050405020304', cjk: false },
];

/** word/fontTable.xml naming fallbacks for the 方正 fonts (w:altName is a comma-separated list, ISO 29500 §17.8.3.1; panose and GB2312 charset guide Word's own substitution). */
export function docxFontTableXml(): string {
  const fonts = FALLBACKS.map(
    (f) =>
      `<w:font w:name="${f.name}">${f.altName ? `<w:altName w:val="${f.altName}"/>` : ''}<w:panose1 w:val="${f.panose}"/>` +
      (f.cjk
        ? '<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/><w:sig w:usb0="00000003" w:usb1="288F0000" w:usb2="00000016" w:usb3="00000000" w:csb0="00040001" w:csb1="00000000"/>'
        : '<w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/>') +
      '</w:font>',
  );
  return `${XML_DECLARATION}<w:fonts ${W_NAMESPACE}>${fonts.join('')}</w:fonts>`;
}
