import { entryDeflater } from '../../zip/zip-writer.js';
import { AsciiBuffer } from './ascii-buffer.js';
import { SharedStrings } from './xlsx-shared-strings.js';
import { writeSheetXml } from './xlsx-sheet-xml.js';
import { StyleTable } from './xlsx-styles.js';
import type { PrerenderedSheet, Sheet } from './xlsx-model.js';

const PIECE = 1 << 20;

/**
 * Renders a large sheet (one without images, which belong to the workbook's drawings) before the
 * rest of its workbook exists — `survey run` renders the 数据 sheet while the charts are drawn —
 * and compresses it on the thread pool a megabyte at a time as it is written, so that little is
 * left to wait for at the end. Throws a UsageError for what Excel cannot hold, as writeXlsx does.
 * @example writeXlsx({ sheets: [overview, await prerenderSheet(dataSheet)] })
 */
export async function prerenderSheet(sheet: Sheet): Promise<PrerenderedSheet> {
  if (sheet.images?.length) throw new Error(`sheet "${sheet.name}" has images: only a sheet without images is rendered ahead`);
  const styles = new StyleTable();
  const strings = new SharedStrings();
  const deflater = entryDeflater();
  const out = new AsciiBuffer(PIECE, (piece) => deflater.write(piece));
  writeSheetXml(sheet, { styles, strings, selected: false }, out);
  deflater.write(out.result());
  return { name: sheet.name, part: await deflater.end(), styles: styles.state(), strings: strings.state(), ...(sheet.print?.repeatRows ? { repeatRows: sheet.print.repeatRows } : {}) };
}
