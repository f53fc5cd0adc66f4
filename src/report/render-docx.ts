import { escapeXml } from '../io/escape-xml.js';
import { DOCX_FOOTER_RELATIONSHIP, docxImageRelationship, docxPackage } from './docx-package.js';
import { DOCX_LINE, DOCX_PAGE, DOCX_SIZE, DOCX_STYLE, DOCX_TEXT_HEIGHT, DOCX_TEXT_WIDTH, docxFontTableXml, docxStylesXml } from './docx-styles.js';
import { docxTableLayout, docxTableXml } from './docx-table.js';
import { titleLines } from './docx-title-lines.js';
import { docxCoverXml } from './docx-cover.js';
import { bookmarkedXml, docxContentsXml } from './docx-toc.js';
import { paragraphPropertiesXml, paragraphXml, textRunXml, wElement, type ParagraphFormat } from './docx-xml.js';
import type { ReportDocument, Span } from './report-document.js';
import { sectionWords } from '../locale/section-words.js';

/** A chart drawn as PNG; `width` and `height` are its size in pixels. */
export interface DocxImage {
  png: Uint8Array;
  width: number;
  height: number;
}

/** How renderDocx writes: the report's language (caption words, heading emphasis) and the charts' PNGs by chart id. */
export interface DocxOptions {
  lang: 'zh' | 'en';
  images: ReadonlyMap<string, DocxImage>;
}

const HEADING = { 1: 'Heading1', 2: 'Heading2', 3: 'Heading3' } as const;
/** A title that already carries its number (表3 …, Figure 2 …) keeps it. */
const NUMBERED = /^(?:表|图|Table|Figure|Fig\.)\s*(\d+)(?![\d.])/i;

/** EMUs (English Metric Units, which DrawingML measures in) per 96-dpi pixel. */
const EMU_PER_PX = 9525;
/** Twips to 96-dpi pixels. */
const px = (twips: number) => (twips / 1440) * 96;
/** Room a chart may take: the text block less two body lines for its caption. */
const MAX_IMAGE = { width: px(DOCX_TEXT_WIDTH), height: px(DOCX_TEXT_HEIGHT - 2 * DOCX_LINE) };

/** Numbers table and figure captions in order, keeping numbers a title already has. */
function captioner(lang: 'zh' | 'en') {
  const count = { table: 0, figure: 0 };
  return (kind: 'table' | 'figure', title: string): string => {
    const found = NUMBERED.exec(title);
    count[kind] = found ? Number(found[1]) : count[kind] + 1;
    return found ? title : sectionWords(lang).caption(kind, count[kind], title);
  };
}

/**
 * A paragraph holding the kth image inline, scaled to fit the text block at 96 dpi (a whole
 * number of pixels), with the title as its alternative text.
 */
function imageParagraphXml(image: DocxImage, k: number, title: string): string {
  const scale = Math.min(MAX_IMAGE.width / image.width, MAX_IMAGE.height / image.height);
  const cx = Math.round(image.width * scale) * EMU_PER_PX;
  const cy = Math.round(image.height * scale) * EMU_PER_PX;
  const alt = escapeXml(title);
  const picture =
    `<pic:pic><pic:nvPicPr><pic:cNvPr id="${k + 1}" name="Picture ${k + 1}"/><pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${docxImageRelationship(k)}"/><a:srcRect/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>`;
  const inline =
    `<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
    `<wp:docPr id="${k + 1}" name="${alt}" descr="${alt}" title="${alt}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">${picture}</a:graphicData></a:graphic></wp:inline>`;
  return `<w:p>${paragraphPropertiesXml({ style: DOCX_STYLE.figure })}<w:r><w:drawing>${inline}</w:drawing></w:r></w:p>`;
}

/** The text width in ems of the title's size: twips ÷ (half-points × 10). */
const TITLE_CAPACITY = DOCX_TEXT_WIDTH / (DOCX_SIZE.title * 10);

/** The title paragraph: a long title on two balanced lines (see titleLines). */
function titleXml(title: string): string {
  const lines = titleLines(title, TITLE_CAPACITY);
  const runs = lines.map((line, i) => `${i ? '<w:r><w:br/></w:r>' : ''}${textRunXml(line)}`).join('');
  return `<w:p>${paragraphPropertiesXml({ style: 'Title' })}${runs}</w:p>`;
}

/** The footer: "— n —" around a PAGE field. */
const FOOTER =
  `<w:p>${paragraphPropertiesXml({ style: DOCX_STYLE.footer })}<w:r><w:t xml:space="preserve">— </w:t>` +
  '<w:fldChar w:fldCharType="begin"/><w:instrText xml:space="preserve">PAGE</w:instrText><w:fldChar w:fldCharType="separate"/><w:fldChar w:fldCharType="end"/>' +
  '<w:t xml:space="preserve"> —</w:t></w:r></w:p>';

const margin = DOCX_PAGE.margin;
/** How a section is set: turned for a wide table, with the page-number footer (not the cover and 目录), numbering from 1 (the body after them). */
interface SectionFormat {
  landscape: boolean;
  footer: boolean;
  restart: boolean;
}
const BODY: SectionFormat = { landscape: false, footer: true, restart: false };

/** A section's properties: A4 portrait (or landscape, for a wide table) with the GB/T 9704 margins of each edge, the page-number footer; pages number on across sections. */
function sectionXml({ landscape, footer, restart }: SectionFormat): string {
  const [w, h] = landscape ? [DOCX_PAGE.height, DOCX_PAGE.width] : [DOCX_PAGE.width, DOCX_PAGE.height];
  return (
    `<w:sectPr>${footer ? `<w:footerReference w:type="default" r:id="${DOCX_FOOTER_RELATIONSHIP}"/>` : ''}` +
    wElement('pgSz', { w, h, orient: landscape ? 'landscape' : 'portrait' }) +
    wElement('pgMar', { top: margin.top, right: margin.right, bottom: margin.bottom, left: margin.left, header: margin.header, footer: margin.footer, gutter: 0 }) +
    (restart ? wElement('pgNumType', { start: 1 }) : '') +
    '<w:docGrid w:linePitch="360"/></w:sectPr>'
  );
}

/** An empty paragraph, one point high, that ends a section (the next starts on a new page). */
const sectionBreakXml = (format: SectionFormat) => `<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:ind w:firstLine="0" w:firstLineChars="0"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>${sectionXml(format)}</w:pPr></w:p>`;

/** A page break in a paragraph of its own (between the cover and the 目录). */
const PAGE_BREAK = '<w:p><w:pPr><w:ind w:firstLine="0" w:firstLineChars="0"/></w:pPr><w:r><w:br w:type="page"/></w:r></w:p>';

/** Spans as runs, bold where the team's Markdown says so. */
const spanRunsXml = (spans: readonly Span[]) => spans.map((s) => textRunXml(s.text, s.bold ? { bold: true } : undefined)).join('');

/** A list item: its number or bullet, a tab to the hanging indent, its text. */
function listItemXml(marker: string, spans: readonly Span[], format: ParagraphFormat): string {
  return `<w:p>${paragraphPropertiesXml({ ...format, style: DOCX_STYLE.listItem })}${textRunXml(marker)}<w:r><w:tab/></w:r>${spanRunsXml(spans)}</w:p>`;
}

/**
 * Renders a report as Word in the 社科联 结项 format: the cover page and 目录 when the document has
 * them (unnumbered), then the body — A4, 方正 fonts, Heading1–3, numbered 三线表 and figures, "— n —"
 * page numbers from 1; a chart without a PNG in `images` is left out.
 */
export async function renderDocx(doc: ReportDocument, options: DocxOptions): Promise<Buffer> {
  const caption = captioner(options.lang);
  // Space to add above the next heading or paragraph: a blank line after the title, half a line after a table or figure.
  let gap = DOCX_LINE;
  const format = (style: string | undefined): ParagraphFormat => {
    const made: ParagraphFormat = { style, spacing: gap ? { before: gap } : undefined };
    gap = 0;
    return made;
  };
  const spaced = (style: string | undefined, text: string) => paragraphXml(format(style), text);
  const body: string[] = [];
  // The cover and the 目录 are a section of their own without page numbers; the body numbers from 1.
  let section: SectionFormat = BODY;
  if (doc.cover || doc.contents) {
    if (doc.cover) body.push(docxCoverXml(doc.cover));
    if (doc.cover && doc.contents) body.push(PAGE_BREAK);
    if (doc.contents) body.push(docxContentsXml(doc.contents, doc.blocks.flatMap((b) => (b.kind === 'heading' ? [{ level: b.level, text: b.text }] : []))));
    body.push(sectionBreakXml({ landscape: false, footer: false, restart: false }));
    section = { ...BODY, restart: true };
  }
  body.push(titleXml(doc.title), ...doc.byline.map((line) => paragraphXml({ style: DOCX_STYLE.byline }, line)));
  const images: Uint8Array[] = [];
  // Headings carry the bookmarks the 目录's page numbers refer to, counted in document order.
  let headings = 0;
  // A table too wide for a portrait page goes on landscape pages of its own, with the tables right after it that need them too.
  const turn = (to: boolean) => {
    if (to === section.landscape) return;
    body.push(sectionBreakXml(section));
    section = { ...BODY, landscape: to };
    gap = 0;
  };
  for (const block of doc.blocks) {
    // A chart without a PNG is left out, so it does not end a landscape section either.
    if (block.kind !== 'table' && (block.kind !== 'chart' || options.images.has(block.id))) turn(false);
    if (block.kind === 'heading') body.push(`<w:p>${paragraphPropertiesXml(format(HEADING[block.level]))}${bookmarkedXml(headings++, textRunXml(block.text))}</w:p>`);
    else if (block.kind === 'paragraph') body.push(block.spans ? `<w:p>${paragraphPropertiesXml(format(undefined))}${spanRunsXml(block.spans)}</w:p>` : spaced(undefined, block.text));
    else if (block.kind === 'list') {
      block.items.forEach((item, k) => body.push(listItemXml(block.ordered ? `${k + 1}.` : '•', item, format(undefined))));
    } else if (block.kind === 'table') {
      const layout = docxTableLayout(block);
      turn(layout.landscape);
      body.push(docxTableXml(block, caption('table', block.title), layout));
      gap = DOCX_LINE / 2;
    } else {
      const image = options.images.get(block.id);
      if (!image) continue;
      body.push(imageParagraphXml(image, images.length, block.chart.title), paragraphXml({ style: DOCX_STYLE.figureCaption }, caption('figure', block.chart.title)));
      images.push(image.png);
      gap = DOCX_LINE / 2;
    }
  }
  body.push(sectionXml(section));
  return docxPackage({
    body: body.join(''),
    styles: docxStylesXml(options.lang),
    fontTable: docxFontTableXml(),
    footer: FOOTER,
    images,
    title: doc.title,
    creator: doc.byline[0],
    updateFields: doc.contents !== undefined,
  });
}
