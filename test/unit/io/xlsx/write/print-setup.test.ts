import { describe, expect, it } from 'vitest';
import { prerenderSheet } from '../../../../../src/io/xlsx/write/prerender-sheet.js';
import type { Workbook } from '../../../../../src/io/xlsx/write/xlsx-model.js';
import { readParts, saveXlsx } from './xlsx-files.js';

describe('print setup: a workbook prints in pages', () => {
  it('fits each sheet with a print setup to the A4 page width, turns the wide ones, and repeats their header rows', async () => {
    const data = await prerenderSheet({ name: "O'Brien 数据", rows: [['a', 'b'], ['题1', '题2'], [1, 2]], print: { landscape: true, repeatRows: 2 } });
    const workbook: Workbook = {
      sheets: [
        { name: '概览', rows: [['标题'], [1]], print: { landscape: false, repeatRows: 0 }, tabColor: '336699' },
        { name: '表', rows: [['x']] },
        data,
      ],
    };
    const parts = await readParts(saveXlsx(workbook));
    const [overview, plain] = [parts.get('xl/worksheets/sheet1.xml')!, parts.get('xl/worksheets/sheet2.xml')!];
    // sheetPr's children in the schema's order: the tab colour, then fit-to-page.
    expect(overview).toContain('<sheetPr><tabColor rgb="FF336699"/><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(overview).toContain('<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>');
    expect(overview.indexOf('<pageMargins')).toBeLessThan(overview.indexOf('<pageSetup'));
    expect(parts.get('xl/worksheets/sheet3.xml')).toContain('orientation="landscape"');
    // A sheet without a print setup prints as Excel's default.
    expect(plain).not.toContain('pageSetup');
    // The rendered-ahead sheet's header rows, as print titles, its name quoted.
    expect(parts.get('xl/workbook.xml')).toContain(`<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="2">'O''Brien 数据'!$1:$2</definedName></definedNames>`);
  });
});
