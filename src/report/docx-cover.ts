import { DOCX_LINE, DOCX_SIZE, DOCX_STYLE, DOCX_TEXT_WIDTH } from './docx-styles.js';
import { paragraphPropertiesXml, paragraphXml, textRunXml, wElement } from './docx-xml.js';
import type { CoverPage } from './report-document.js';

/** Value cells carry a rule beneath, as the printed form's blanks do. */
const RULE = wElement('bottom', { val: 'single', color: '000000', sz: 6 });
/** Label and value columns, in twips: a five-character 3号 label with its colon and the cell margins, the value to the text width. */
const LABEL = 7 * 20 * (DOCX_SIZE.body / 2);
const TABLE = DOCX_TEXT_WIDTH;

/** The 3号 characters a value's cell holds on one line, less the cell's default margins. */
const VALUE_CHARS = Math.floor((TABLE - LABEL - 2 * 108) / (20 * (DOCX_SIZE.body / 2)));

/** The labelled fields as a borderless table, each value over a rule; a value too long for a 3号 line is set in 4号, and wraps only if that is not enough. */
function fieldsXml(fields: CoverPage['fields']): string {
  const cell = (text: string, width: number, rule: boolean, align: 'left' | 'center') => {
    const size = [...text].length > VALUE_CHARS ? DOCX_SIZE.pageNumber : undefined;
    return (
      `<w:tc><w:tcPr>${wElement('tcW', { type: 'dxa', w: width })}${rule ? `<w:tcBorders>${RULE}</w:tcBorders>` : ''}<w:vAlign w:val="bottom"/></w:tcPr>` +
      `<w:p>${paragraphPropertiesXml({ style: DOCX_STYLE.coverText, alignment: align })}${textRunXml(text, size ? { size } : undefined)}</w:p></w:tc>`
    );
  };
  const rows = fields.map(([label, value]) => `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cell(`${label}：`, LABEL, false, 'left')}${cell(value, TABLE - LABEL, true, 'center')}</w:tr>`);
  const properties =
    `<w:tblPr>${wElement('tblW', { type: 'dxa', w: TABLE })}${wElement('jc', { val: 'center' })}` +
    `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((edge) => wElement(edge, { val: 'none', sz: 0, color: 'auto' })).join('')}</w:tblBorders>` +
    `${wElement('tblLayout', { type: 'fixed' })}</w:tblPr><w:tblGrid>${wElement('gridCol', { w: LABEL })}${wElement('gridCol', { w: TABLE - LABEL })}</w:tblGrid>`;
  return `<w:tbl>${properties}${rows.join('')}</w:tbl>`;
}

/**
 * The cover page in the 社科联 结项申请书 layout: 立项编号 top right, the large heading a third of
 * the way down, the fields on ruled lines, the issuing body at the foot. An empty value keeps its
 * rule, a blank to fill in by hand. The page ends with the caller's section break.
 */
export function docxCoverXml(cover: CoverPage): string {
  const number = cover.number
    ? `<w:p>${paragraphPropertiesXml({ style: DOCX_STYLE.coverText, alignment: 'right' })}${textRunXml(`${cover.number[0]}：`)}${textRunXml(cover.number[1] || '\u3000'.repeat(8), { underline: true })}</w:p>`
    : '';
  const heading = paragraphXml({ style: DOCX_STYLE.coverHeading, spacing: { before: 3 * DOCX_LINE, after: 2 * DOCX_LINE } }, cover.heading);
  const issuer = cover.issuer ? paragraphXml({ style: DOCX_STYLE.coverText, alignment: 'center', spacing: { before: 3 * DOCX_LINE } }, cover.issuer) : '';
  return number + heading + fieldsXml(cover.fields) + issuer;
}
