import { elementContent, xmlAttributes } from './xml-text.js';

/**
 * Excel's built-in number formats that show dates or times (ECMA-376 §18.8.30, plus the ids
 * Chinese Excel uses for 年月日 and 时分秒), by id; other built-in ids are plain numbers.
 */
const builtInDateFormats: Record<number, string> = {
  14: 'yyyy/m/d',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'yyyy/m/d h:mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mm:ss.0',
};
for (const id of [27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]) builtInDateFormats[id] = 'yyyy"年"m"月"d"日"';
for (const id of [32, 33, 34, 35, 55, 56]) builtInDateFormats[id] = 'h"时"mm"分"ss"秒"';

/**
 * The number format of each cell style in an xlsx styles part, indexed by a cell's `s`
 * attribute: a custom format's code, a built-in date format, or undefined for plain numbers.
 */
export function readCellFormats(stylesXml: string): (string | undefined)[] {
  const custom = new Map<number, string>();
  for (const m of (elementContent(stylesXml, 'numFmts') ?? '').matchAll(/<(?:[\w.-]+:)?numFmt\b[^>]*>/g)) {
    const { numFmtId, formatCode } = xmlAttributes(m[0]);
    if (numFmtId !== undefined && formatCode !== undefined) custom.set(Number(numFmtId), formatCode);
  }
  const formats: (string | undefined)[] = [];
  for (const m of (elementContent(stylesXml, 'cellXfs') ?? '').matchAll(/<(?:[\w.-]+:)?xf\b[^>]*>/g)) {
    const id = Number(xmlAttributes(m[0]).numFmtId ?? 0);
    formats.push(custom.get(id) ?? builtInDateFormats[id]);
  }
  return formats;
}
