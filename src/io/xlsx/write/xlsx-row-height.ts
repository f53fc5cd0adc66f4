import { textWidth } from './xlsx-text.js';
import type { Cell, CellValue, Sheet } from './xlsx-model.js';

/** Excel's width of a column no one sized, in characters. */
const DEFAULT_WIDTH = 8.43;
const DEFAULT_SIZE = 11;

/**
 * A row's height in points when its text needs more than the default: wrapped text over several
 * lines, or a font above 11 points; undefined otherwise. LibreOffice does not fit row heights when
 * it opens an xlsx, so a wrapped header would show one line. Lines are estimated from the text's
 * width (see `textWidth`) against the column's (or merged range's); each takes 1.45 × the font
 * size, the height of the CJK fonts that stand in for 宋体 where it is missing.
 */
export function rowHeight(sheet: Sheet, r: number): number | undefined {
  let height = 0;
  const row = sheet.rows[r];
  for (let c = 0; c < row.length; c++) {
    const item: Cell | CellValue | undefined = row[c];
    const style = item !== null && typeof item === 'object' ? item.style : undefined;
    if (!style || (!style.wrap && (style.size ?? DEFAULT_SIZE) <= DEFAULT_SIZE)) continue;
    const size = style.size ?? DEFAULT_SIZE;
    const text = (item as Cell).value;
    const lines = style.wrap && typeof text === 'string' ? wrappedLines(text, (columnsWidth(sheet, r, c) * DEFAULT_SIZE) / size) : 1;
    if (lines > 1 || size > DEFAULT_SIZE) height = Math.max(height, Math.ceil(lines * size * 1.45 + 1));
  }
  return height || undefined;
}

/** How many lines text takes wrapped at `width` characters: each line break starts one, each full width another. */
function wrappedLines(text: string, width: number): number {
  return text.split('\n').reduce((lines, part) => lines + Math.max(1, Math.ceil(textWidth(part) / width)), 0);
}

/** The width of the cell's column, or of all columns of the merged range it starts. */
function columnsWidth(sheet: Sheet, r: number, c: number): number {
  const merge = sheet.merges?.find((m) => m.row === r && m.col === c);
  let width = 0;
  for (let k = c; k < c + (merge?.cols ?? 1); k++) width += sheet.columnWidths?.[k] || DEFAULT_WIDTH;
  return width;
}
