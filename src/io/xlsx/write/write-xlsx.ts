import { writeZip, type ZipInput } from '../../zip/zip-writer.js';
import { drawingXml } from './xlsx-drawing.js';
import { appXml, contentTypesXml, coreXml, workbookXml } from './xlsx-package-parts.js';
import { relationshipsXml, type Relationship } from './xlsx-relationships.js';
import { SharedStrings } from './xlsx-shared-strings.js';
import { sheetXml } from './xlsx-sheet-xml.js';
import { checkSheetNames } from './xlsx-sheet-names.js';
import { StyleTable } from './xlsx-styles.js';
import type { PrerenderedSheet, Workbook } from './xlsx-model.js';

/**
 * An .xlsx file's bytes for a workbook: the same workbook always gives the same bytes. Written
 * here rather than with exceljs, which takes seconds for a survey's data sheet. Throws a
 * UsageError for what Excel cannot hold (bad or repeated sheet names, text over 32,767 characters).
 */
export function writeXlsx(workbook: Workbook): Buffer {
  checkSheetNames(workbook.sheets);
  const ahead = workbook.sheets.filter((sheet): sheet is PrerenderedSheet => 'part' in sheet);
  if (ahead.length > 1) throw new Error(`a workbook takes one prerendered sheet, not ${ahead.length}: each numbers its styles and strings from the start`);
  // The other sheets' styles and strings are numbered on from the prerendered sheet's.
  const styles = new StyleTable(ahead[0]?.styles);
  const strings = new SharedStrings(ahead[0]?.strings);
  const sheetParts: ZipInput[] = [];
  const drawingParts: ZipInput[] = [];
  const drawings: number[] = [];
  let images = 0;
  workbook.sheets.forEach((sheet, i) => {
    const n = i + 1;
    if ('part' in sheet) {
      sheetParts.push({ name: `xl/worksheets/sheet${n}.xml`, deflated: sheet.part });
      return;
    }
    const sheetImages = sheet.images ?? [];
    const drawing = sheetImages.length > 0 ? 'rId1' : undefined;
    sheetParts.push({ name: `xl/worksheets/sheet${n}.xml`, data: sheetXml(sheet, { styles, strings, selected: i === 0, drawing }) });
    if (!drawing) return;
    drawings.push(n);
    sheetParts.push({ name: `xl/worksheets/_rels/sheet${n}.xml.rels`, data: relationshipsXml([{ type: 'drawing', target: `../drawings/drawing${n}.xml` }]) });
    drawingParts.push({ name: `xl/drawings/drawing${n}.xml`, data: drawingXml(sheet.name, sheetImages) });
    const links: Relationship[] = [];
    for (const image of sheetImages) {
      images++;
      links.push({ type: 'image', target: `../media/image${images}.png` });
      // PNG is compressed already: deflating it again costs time and saves nothing.
      drawingParts.push({ name: `xl/media/image${images}.png`, data: image.png, store: true });
    }
    drawingParts.push({ name: `xl/drawings/_rels/drawing${n}.xml.rels`, data: relationshipsXml(links) });
  });
  const workbookLinks: Relationship[] = workbook.sheets.map((_, i) => ({ type: 'worksheet', target: `worksheets/sheet${i + 1}.xml` }));
  workbookLinks.push({ type: 'styles', target: 'styles.xml' });
  if (!strings.empty) workbookLinks.push({ type: 'sharedStrings', target: 'sharedStrings.xml' });
  return writeZip([
    { name: '[Content_Types].xml', data: contentTypesXml({ sheets: workbook.sheets.length, drawings, sharedStrings: !strings.empty, images: images > 0 }) },
    {
      name: '_rels/.rels',
      data: relationshipsXml([
        { type: 'officeDocument', target: 'xl/workbook.xml' },
        { type: 'coreProperties', target: 'docProps/core.xml' },
        { type: 'extendedProperties', target: 'docProps/app.xml' },
      ]),
    },
    { name: 'docProps/core.xml', data: coreXml(workbook.title, workbook.creator) },
    { name: 'docProps/app.xml', data: appXml() },
    { name: 'xl/workbook.xml', data: workbookXml(workbook.sheets.map((s) => s.name), workbook.sheets.map((s) => ('part' in s ? s.repeatRows : s.print?.repeatRows) ?? 0)) },
    { name: 'xl/_rels/workbook.xml.rels', data: relationshipsXml(workbookLinks) },
    { name: 'xl/styles.xml', data: styles.xml() },
    ...(strings.empty ? [] : [{ name: 'xl/sharedStrings.xml', data: strings.xml() }]),
    ...sheetParts,
    ...drawingParts,
  ]);
}
