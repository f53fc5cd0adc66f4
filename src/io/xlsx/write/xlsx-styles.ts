import { UsageError } from '../../../core/errors.js';
import { escapeXml } from '../../escape-xml.js';
import type { CellStyle, StyleTableState } from './xlsx-model.js';

/** Excel's default font for a Chinese workbook that needs no theme part: 宋体 11 with the GB2312 charset. */
const FONT_NAME = '<name val="宋体"/><charset val="134"/>';
const DEFAULT_SIZE = 11;

/** Formats Excel knows by number; any other code gets an id from 164 up. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '@': 49,
};
const FIRST_CUSTOM_FORMAT = 164;

/** XML items kept in first-use order, each once: equal XML is an equal font, fill, border or cell format. */
class Items {
  readonly list: string[] = [];
  private readonly ids = new Map<string, number>();

  constructor(...initial: string[]) {
    for (const item of initial) this.id(item);
  }

  id(xml: string): number {
    let id = this.ids.get(xml);
    if (id === undefined) {
      id = this.list.push(xml) - 1;
      this.ids.set(xml, id);
    }
    return id;
  }

  xml(tag: string): string {
    return `<${tag} count="${this.list.length}">${this.list.join('')}</${tag}>`;
  }
}

/** The cell formats of a workbook: gives each distinct style its `s` index and writes styles.xml. */
export class StyleTable {
  private readonly fonts: Items;
  private readonly fills: Items;
  private readonly borders: Items;
  private readonly formats: Map<string, number>;
  private readonly cellFormats: Items;
  private readonly known = new WeakMap<CellStyle, number>();
  private readonly quotedIds = new Map<number, number>();

  /** A table that goes on from `state` (same indices; copied), or an empty one. */
  constructor(state?: StyleTableState) {
    this.fonts = new Items(...(state?.fonts ?? [fontXml({})]));
    // Excel requires the first two fills to be these, whatever the cells use.
    this.fills = new Items(...(state?.fills ?? ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']));
    this.borders = new Items(...(state?.borders ?? [borderXml({})]));
    this.formats = new Map(state?.formats);
    this.cellFormats = new Items(...(state?.cellFormats ?? ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']));
  }

  /** What the table holds, for another table to go on from (read-only views: that table copies them). */
  state(): StyleTableState {
    return { fonts: this.fonts.list, fills: this.fills.list, borders: this.borders.list, formats: this.formats, cellFormats: this.cellFormats.list };
  }

  /** The `s` index of a style (0 for none); equal styles share one. A style object is read once: later changes to it are not seen. */
  index(style: CellStyle | undefined): number {
    if (style === undefined) return 0;
    let id = this.known.get(style);
    if (id === undefined) {
      id = this.cellFormats.id(this.xfXml(style));
      this.known.set(style, id);
    }
    return id;
  }

  /**
   * The `s` index of format `id` with Excel's quote prefix: the cell shows its text as it is, and
   * editing it (F2, Enter) keeps it text instead of running `=…` as a formula (DESIGN §7).
   */
  quoted(id: number): number {
    let quoted = this.quotedIds.get(id);
    if (quoted === undefined) {
      quoted = this.cellFormats.id(this.cellFormats.list[id].replace('xfId="0"', 'xfId="0" quotePrefix="1"'));
      this.quotedIds.set(id, quoted);
    }
    return quoted;
  }

  /** The styles part (xl/styles.xml). */
  xml(): string {
    const formats = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (formats.length ? `<numFmts count="${formats.length}">${formats.join('')}</numFmts>` : '') +
      this.fonts.xml('fonts') +
      this.fills.xml('fills') +
      this.borders.xml('borders') +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      this.cellFormats.xml('cellXfs') +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }

  private formatId(code: string): number {
    let id = BUILT_IN_FORMATS[code] ?? this.formats.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }

  private xfXml(style: CellStyle): string {
    const numFmtId = style.numFmt === undefined ? 0 : this.formatId(style.numFmt);
    const fontId = this.fonts.id(fontXml(style));
    const fillId = style.fill === undefined ? 0 : this.fills.id(`<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill, 'fill')}"/><bgColor indexed="64"/></patternFill></fill>`);
    const borderId = this.borders.id(borderXml(style));
    const alignment = alignmentXml(style);
    const applied =
      (numFmtId ? ' applyNumberFormat="1"' : '') +
      (fontId ? ' applyFont="1"' : '') +
      (fillId ? ' applyFill="1"' : '') +
      (borderId ? ' applyBorder="1"' : '') +
      (alignment ? ' applyAlignment="1"' : '');
    const attributes = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}`;
    return alignment ? `<xf ${attributes}>${alignment}</xf>` : `<xf ${attributes}/>`;
  }
}

function fontXml(style: CellStyle): string {
  const size = style.size ?? DEFAULT_SIZE;
  if (!(size >= 1 && size <= 409)) throw new UsageError(`font size ${size} is not between 1 and 409 points`);
  const color = style.color === undefined ? '' : `<color rgb="${argb(style.color, 'color')}"/>`;
  return `<font>${style.bold ? '<b/>' : ''}${style.italic ? '<i/>' : ''}<sz val="${size}"/>${color}${FONT_NAME}</font>`;
}

function borderXml(style: CellStyle): string {
  const line = (side: 'top' | 'bottom'): string => {
    const weight = style.border?.[side];
    return weight ? `<${side} style="${weight}"><color auto="1"/></${side}>` : `<${side}/>`;
  };
  return `<border><left/><right/>${line('top')}${line('bottom')}<diagonal/></border>`;
}

function alignmentXml(style: CellStyle): string {
  const { indent } = style;
  if (indent !== undefined && !(Number.isInteger(indent) && indent >= 0 && indent <= 250)) {
    throw new UsageError(`indent ${indent} is not a whole number from 0 to 250`);
  }
  // Excel ignores an indent unless the text is aligned to a side.
  const horizontal = style.align ?? (indent ? 'left' : undefined);
  const attributes =
    (horizontal ? ` horizontal="${horizontal}"` : '') +
    (style.valign ? ` vertical="${style.valign}"` : '') +
    (style.wrap ? ' wrapText="1"' : '') +
    (indent ? ` indent="${indent}"` : '');
  return attributes ? `<alignment${attributes}/>` : '';
}

/** An 'RRGGBB' colour as the opaque ARGB Excel stores; anything else is a UsageError naming `what`. */
export function argb(color: string, what: string): string {
  if (!/^[0-9A-Fa-f]{6}$/.test(color)) throw new UsageError(`${what} "${color}" is not a colour of the form RRGGBB`, { hint: "write it as six hex digits, e.g. '1F4E79'" });
  return `FF${color.toUpperCase()}`;
}
