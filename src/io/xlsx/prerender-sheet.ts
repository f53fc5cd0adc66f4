import { deflateEntry, type DeflatedEntry } from '../zip-writer.js';
import { SharedStrings, type SharedStringsState } from './xlsx-shared-strings.js';
import { sheetXml } from './xlsx-sheet-xml.js';
import { StyleTable, type StyleTableState } from './xlsx-styles.js';
import type { Sheet } from './xlsx-model.js';

/**
 * A worksheet rendered and compressed ahead of its workbook, with the style and shared-string
 * numbering its XML uses: `writeXlsx` numbers the other sheets' styles and strings on from it.
 */
export interface PrerenderedSheet {
  name: string;
  part: DeflatedEntry;
  styles: StyleTableState;
  strings: SharedStringsState;
}

/**
 * Renders a large sheet (one without images, which belong to the workbook's drawings) before the
 * rest of its workbook exists — `survey run` renders the 数据 sheet while the charts are drawn —
 * and compresses it on the thread pool. Throws a UsageError for what Excel cannot hold, as writeXlsx does.
 * @example writeXlsx({ sheets: [overview, await prerenderSheet(dataSheet)] })
 */
export async function prerenderSheet(sheet: Sheet): Promise<PrerenderedSheet> {
  if (sheet.images?.length) throw new Error(`sheet "${sheet.name}" has images: only a sheet without images is rendered ahead`);
  const styles = new StyleTable();
  const strings = new SharedStrings();
  const xml = sheetXml(sheet, { styles, strings, selected: false });
  return { name: sheet.name, part: await deflateEntry(xml), styles: styles.state(), strings: strings.state() };
}
