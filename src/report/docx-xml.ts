import { escapeXml } from '../io/escape-xml.js';

/**
 * WordprocessingML as the Word renderer writes it: paragraph and run properties (for styles.xml
 * and document.xml alike) and one-run paragraphs. Child elements follow the schema's sequence
 * (ISO/IEC 29500-1 §17.3.1.26 pPr, §17.3.2.28 rPr); lengths are twips, sizes half-points.
 */

/** The declaration every part starts with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** WordprocessingML's namespace, as an attribute. */
export const W_NAMESPACE = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** Run (character) formatting. */
export interface RunFormat {
  /** Latin (`ascii`, `hAnsi`), complex-script (`cs`) and East-Asian (`eastAsia`) font names. */
  font?: { ascii: string; hAnsi: string; cs: string; eastAsia: string };
  size?: number;
  bold?: boolean;
  italics?: boolean;
  /** A single underline (the cover's blanks). */
  underline?: boolean;
  language?: { value: string; eastAsia: string };
}

/** Paragraph formatting; `firstLineChars` is in hundredths of a character. */
export interface ParagraphFormat {
  /** The paragraph style's id (document paragraphs only). */
  style?: string;
  keepNext?: boolean;
  keepLines?: boolean;
  /** Tab stops: position in twips, alignment and leader (the 目录's dotted right tab). */
  tabs?: readonly { pos: number; align: 'left' | 'right'; leader?: 'dot' }[];
  spacing?: { before?: number; after?: number; line?: number; lineRule?: 'auto' | 'exact' | 'atLeast' };
  /** `left` and `hanging` in twips set a list item's hanging indent. */
  indent?: { left?: number; hanging?: number; firstLine?: number; firstLineChars?: number };
  alignment?: 'left' | 'center' | 'right' | 'both';
  outlineLevel?: number;
}

/** An empty `w:` element with the attributes that are set, e.g. `<w:sz w:val="32"/>`. */
export function wElement(tag: string, attributes: Record<string, string | number | undefined>): string {
  let xml = `<w:${tag}`;
  for (const name in attributes) {
    const value = attributes[name];
    if (value !== undefined) xml += ` w:${name}="${typeof value === 'string' ? escapeXml(value) : value}"`;
  }
  return `${xml}/>`;
}

/** An on/off property: `<w:b/>` on, `<w:b w:val="false"/>` off (overriding a style), nothing when unset. */
function onOff(tag: string, value: boolean | undefined): string {
  return value === undefined ? '' : value ? `<w:${tag}/>` : `<w:${tag} w:val="false"/>`;
}

/** `<w:rPr>` for a run format, or nothing when it sets nothing. */
export function runPropertiesXml(run: RunFormat | undefined): string {
  if (!run) return '';
  const { font, size, language } = run;
  const xml =
    (font ? wElement('rFonts', { ascii: font.ascii, cs: font.cs, eastAsia: font.eastAsia, hAnsi: font.hAnsi }) : '') +
    onOff('b', run.bold) +
    onOff('bCs', run.bold) +
    onOff('i', run.italics) +
    onOff('iCs', run.italics) +
    (size === undefined ? '' : wElement('sz', { val: size }) + wElement('szCs', { val: size })) +
    (run.underline ? wElement('u', { val: 'single' }) : '') +
    (language ? wElement('lang', { val: language.value, eastAsia: language.eastAsia }) : '');
  return xml && `<w:rPr>${xml}</w:rPr>`;
}

/** `<w:pPr>` for a paragraph format, or nothing when it sets nothing. */
export function paragraphPropertiesXml(paragraph: ParagraphFormat | undefined): string {
  if (!paragraph) return '';
  const { spacing, indent } = paragraph;
  const xml =
    (paragraph.style ? wElement('pStyle', { val: paragraph.style }) : '') +
    onOff('keepNext', paragraph.keepNext) +
    onOff('keepLines', paragraph.keepLines) +
    (paragraph.tabs ? `<w:tabs>${paragraph.tabs.map((t) => wElement('tab', { val: t.align, leader: t.leader, pos: t.pos })).join('')}</w:tabs>` : '') +
    (spacing ? wElement('spacing', { after: spacing.after, before: spacing.before, line: spacing.line, lineRule: spacing.lineRule }) : '') +
    (indent ? wElement('ind', { left: indent.left, hanging: indent.hanging, firstLine: indent.firstLine, firstLineChars: indent.firstLineChars }) : '') +
    (paragraph.alignment ? wElement('jc', { val: paragraph.alignment }) : '') +
    (paragraph.outlineLevel === undefined ? '' : wElement('outlineLvl', { val: paragraph.outlineLevel }));
  return xml && `<w:pPr>${xml}</w:pPr>`;
}

/** A run of text, spaces kept; `format` sets the run's own properties (bold). */
export function textRunXml(text: string, format?: RunFormat): string {
  return `<w:r>${runPropertiesXml(format)}<w:t xml:space="preserve">${escapeXml(keepRelationsWhole(text))}</w:t></w:r>`;
}

/**
 * `p < 0.001`, `N = 9705`: the spaces around a relation become no-break spaces, so that a line
 * never ends with `p <` and carries `0.001` to the next.
 * @example keepRelationsWhole('p < 0.001') // 'p\u00a0<\u00a00.001'
 */
export function keepRelationsWhole(text: string): string {
  return text.replace(/(\S) ([<=>≤≥]) (?=\S)/g, '$1\u00a0$2\u00a0');
}

/** A paragraph of one run of text in `format`. */
export function paragraphXml(format: ParagraphFormat, text: string): string {
  return `<w:p>${paragraphPropertiesXml(format)}${textRunXml(text)}</w:p>`;
}
