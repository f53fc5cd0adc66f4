import { DOCX_STYLE } from './docx-styles.js';
import { paragraphPropertiesXml, paragraphXml, textRunXml } from './docx-xml.js';

/** A heading the 目录 lists: its level (1–3) and text. */
export interface ContentsEntry {
  level: 1 | 2 | 3;
  text: string;
}

/** The bookmark on the kth (0-based) heading, which its 目录 entry's page number refers to. */
export const contentsBookmark = (k: number) => `_Toc${String(k + 1).padStart(4, '0')}`;

/** A heading paragraph's content wrapped in its bookmark (id k). */
export const bookmarkedXml = (k: number, content: string) => `<w:bookmarkStart w:id="${k}" w:name="${contentsBookmark(k)}"/>${content}<w:bookmarkEnd w:id="${k}"/>`;

/** A PAGEREF field: the page the kth heading's bookmark is on, which the reader computes as it lays the pages out. */
const pageRefXml = (k: number) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF ${contentsBookmark(k)} \\h </w:instrText></w:r>` +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';

/**
 * The 目录: its heading and one entry per heading of levels 1–3 (Word's toc 1–3 styles, a dotted
 * leader to the page number), inside Word's Table of Contents content control. Each page number is
 * a PAGEREF field to the heading's bookmark, which LibreOffice computes as it lays out the pages and
 * Word on opening (the settings ask it to update fields).
 *
 * Not a TOC field: LibreOffice (7.4) never regenerates a TOC field on opening and shows its cached
 * entries with every field inside them frozen, so a TOC field's page numbers would read 1 on every
 * line of a PDF made with LibreOffice (tried: cached PAGEREF entries, a dirty field, an empty field).
 */
export function docxContentsXml(heading: string, entries: readonly ContentsEntry[]): string {
  const lines = entries.map((entry, k) => `<w:p>${paragraphPropertiesXml({ style: DOCX_STYLE.contents[entry.level - 1] })}${textRunXml(entry.text)}<w:r><w:tab/></w:r>${pageRefXml(k)}</w:p>`);
  return (
    '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>' +
    paragraphXml({ style: DOCX_STYLE.contentsHeading }, heading) +
    lines.join('') +
    '</w:sdtContent></w:sdt>'
  );
}
