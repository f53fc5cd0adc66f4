import { Document, Footer, ImageRun, Packer, PageNumber, Paragraph, Table, TextRun } from 'docx';
import { DOCX_LINE, DOCX_PAGE, DOCX_STYLE, DOCX_TEXT_HEIGHT, DOCX_TEXT_WIDTH, docxFontTableXml, docxStyles } from './docx-styles.js';
import { docxTable } from './docx-table.js';
import type { ReportDocument } from './report-document.js';

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
const CAPTION = { zh: { table: '表', figure: '图', gap: '', after: ' ' }, en: { table: 'Table', figure: 'Figure', gap: ' ', after: '. ' } } as const;
/** A title that already carries its number (表3 …, Figure 2 …) keeps it. */
const NUMBERED = /^(?:表|图|Table|Figure|Fig\.)\s*(\d+)(?![\d.])/i;

/** Twips to the 96-dpi pixels docx measures images in. */
const px = (twips: number) => (twips / 1440) * 96;
/** Room a chart may take: the text block less two body lines for its caption. */
const MAX_IMAGE = { width: px(DOCX_TEXT_WIDTH), height: px(DOCX_TEXT_HEIGHT - 2 * DOCX_LINE) };

/** Numbers table and figure captions in order, keeping numbers a title already has. */
function captioner(lang: 'zh' | 'en') {
  const count = { table: 0, figure: 0 };
  return (kind: 'table' | 'figure', title: string): string => {
    const found = NUMBERED.exec(title);
    count[kind] = found ? Number(found[1]) : count[kind] + 1;
    const words = CAPTION[lang];
    return found ? title : `${words[kind]}${words.gap}${count[kind]}${words.after}${title}`;
  };
}

function imageParagraph(image: DocxImage, title: string): Paragraph {
  const scale = Math.min(MAX_IMAGE.width / image.width, MAX_IMAGE.height / image.height);
  return new Paragraph({
    style: DOCX_STYLE.figure,
    children: [
      new ImageRun({
        type: 'png',
        data: image.png,
        transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
        altText: { name: title, title, description: title },
      }),
    ],
  });
}

function pageNumberFooter(): Footer {
  return new Footer({ children: [new Paragraph({ style: DOCX_STYLE.footer, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })] });
}

/** Renders a report as Word in the 社科联 结项 format (A4, 方正 fonts, Heading1–3, numbered 三线表 and figures, "— n —" page numbers); a chart without a PNG in `images` is left out. */
export async function renderDocx(doc: ReportDocument, options: DocxOptions): Promise<Buffer> {
  const caption = captioner(options.lang);
  // Space to add above the next heading or paragraph: a blank line after the title, half a line after a table or figure.
  let gap = DOCX_LINE;
  const spaced = (paragraph: { heading?: (typeof HEADING)[1 | 2 | 3]; text: string }) => {
    const made = new Paragraph({ ...paragraph, ...(gap ? { spacing: { before: gap } } : {}) });
    gap = 0;
    return made;
  };
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: 'Title', text: doc.title }),
    ...doc.byline.map((line) => new Paragraph({ style: DOCX_STYLE.byline, text: line })),
  ];
  for (const block of doc.blocks) {
    if (block.kind === 'heading') children.push(spaced({ heading: HEADING[block.level], text: block.text }));
    else if (block.kind === 'paragraph') children.push(spaced({ text: block.text }));
    else if (block.kind === 'table') {
      children.push(...docxTable(block, caption('table', block.title)));
      gap = DOCX_LINE / 2;
    } else {
      const image = options.images.get(block.id);
      if (!image) continue;
      children.push(imageParagraph(image, block.chart.title), new Paragraph({ style: DOCX_STYLE.figureCaption, text: caption('figure', block.chart.title) }));
      gap = DOCX_LINE / 2;
    }
  }
  const document = new Document({
    title: doc.title,
    creator: doc.byline[0],
    lastModifiedBy: doc.byline[0],
    styles: docxStyles(options.lang),
    sections: [
      {
        properties: { page: { size: { width: DOCX_PAGE.width, height: DOCX_PAGE.height }, margin: DOCX_PAGE.margin } },
        footers: { default: pageNumberFooter() },
        children,
      },
    ],
  });
  // docx 9.7 fills the font table only with embedded fonts; Packer's overrides replace the part with one that names fallbacks.
  return Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: docxFontTableXml() }]);
}
