import * as untyped from 'docx';

/**
 * The slice of the docx package the Word renderer uses, with its types written out here: docx
 * 9.7.0 ships per-file declarations whose extensionless relative imports NodeNext cannot follow,
 * so `import { Paragraph } from 'docx'` has no types (dolanmiu/docx#3453, fixed in 9.7.1, which
 * bundles them again). The values are docx's own; after upgrading, import from 'docx' directly
 * and delete this file. Enumerations are the string values docx's constants stand for.
 */

/** Run (character) formatting; sizes in half-points. */
export interface DocxRunFormat {
  font?: string | { ascii?: string; hAnsi?: string; cs?: string; eastAsia?: string };
  size?: number;
  bold?: boolean;
  italics?: boolean;
  language?: { value?: string; eastAsia?: string };
}

/** Paragraph formatting; lengths in twips, `firstLineChars` in hundredths of a character. */
interface DocxParagraphFormat {
  alignment?: 'left' | 'center' | 'right' | 'both';
  spacing?: { before?: number; after?: number; line?: number; lineRule?: 'auto' | 'exact' | 'atLeast' };
  indent?: { firstLine?: number; firstLineChars?: number };
  keepNext?: boolean;
  keepLines?: boolean;
  outlineLevel?: number;
}

/** A style's formatting and place in the style tree. */
interface DocxStyle {
  name?: string;
  basedOn?: string;
  next?: string;
  quickFormat?: boolean;
  run?: DocxRunFormat;
  paragraph?: DocxParagraphFormat;
}

/** styles.xml: document defaults (Normal), the built-in Title and Heading1–3, and added paragraph styles. */
export interface DocxStyles {
  default?: { document?: Pick<DocxStyle, 'run' | 'paragraph'>; title?: DocxStyle; heading1?: DocxStyle; heading2?: DocxStyle; heading3?: DocxStyle };
  paragraphStyles?: readonly (DocxStyle & { id: string })[];
}

/** A border in eighth-points. */
export interface DocxBorder {
  style: 'single' | 'none';
  size: number;
  color: string;
}

/** A width: twips (`dxa`) or fiftieths of a percent (`pct`). */
interface DocxWidth {
  size: number;
  type: 'dxa' | 'pct';
}

declare const part: unique symbol;
/** An object docx builds and the renderer only nests: paragraphs, runs, tables, footers. */
export interface DocxPart<Kind extends string> {
  readonly [part]: Kind;
}

/** The options of `new Paragraph`. */
interface DocxParagraphOptions extends DocxParagraphFormat {
  style?: string;
  heading?: 'Title' | 'Heading1' | 'Heading2' | 'Heading3';
  text?: string;
  children?: readonly DocxPart<'run'>[];
}

interface DocxApi {
  Document: new (options: {
    title?: string;
    creator?: string;
    lastModifiedBy?: string;
    styles?: DocxStyles;
    sections: readonly {
      properties?: { page?: { size?: { width: number; height: number }; margin?: Record<'top' | 'bottom' | 'left' | 'right' | 'header' | 'footer', number> } };
      footers?: { default?: DocxPart<'footer'> };
      children: readonly DocxPart<'paragraph' | 'table'>[];
    }[];
  }) => DocxPart<'document'>;
  Packer: { toBuffer(document: DocxPart<'document'>, prettify?: boolean, overrides?: readonly { path: string; data: string }[]): Promise<Buffer> };
  Paragraph: new (options: DocxParagraphOptions) => DocxPart<'paragraph'>;
  /** `children` may hold PageNumber.CURRENT, which docx turns into a PAGE field. */
  TextRun: new (options: { text?: string; children?: readonly string[] }) => DocxPart<'run'>;
  ImageRun: new (options: { type: 'png'; data: Uint8Array; transformation: { width: number; height: number }; altText?: { name: string; title?: string; description?: string } }) => DocxPart<'run'>;
  Footer: new (options: { children: readonly DocxPart<'paragraph'>[] }) => DocxPart<'footer'>;
  Table: new (options: {
    rows: readonly DocxPart<'row'>[];
    width?: DocxWidth;
    columnWidths?: readonly number[];
    layout?: 'fixed' | 'autofit';
    alignment?: 'left' | 'center' | 'right';
    margins?: { marginUnitType?: 'dxa'; top?: number; bottom?: number; left?: number; right?: number };
    borders?: Partial<Record<'top' | 'bottom' | 'left' | 'right' | 'insideHorizontal' | 'insideVertical', DocxBorder>>;
  }) => DocxPart<'table'>;
  TableRow: new (options: { children: readonly DocxPart<'cell'>[]; tableHeader?: boolean; cantSplit?: boolean }) => DocxPart<'row'>;
  TableCell: new (options: { children: readonly DocxPart<'paragraph'>[]; width?: DocxWidth; verticalAlign?: 'top' | 'center' | 'bottom'; borders?: Partial<Record<'top' | 'bottom', DocxBorder>> }) => DocxPart<'cell'>;
  PageNumber: { CURRENT: string };
}

/** docx's classes and constants under the types above. */
export const { Document, Packer, Paragraph, TextRun, ImageRun, Footer, Table, TableRow, TableCell, PageNumber } = untyped as unknown as DocxApi;
