import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
import type { Workbook } from '../../../../../src/io/xlsx/write/xlsx-model.js';
import { saveXlsx } from './xlsx-files.js';

// Readers other tools are built on (exceljs here; R's readxl and openxlsx alike) want a reference on every cell.
const workbook: Workbook = {
  sheets: [
    {
      name: '数据',
      freeze: { rows: 1, cols: 1 },
      merges: [{ row: 3, col: 0, rows: 1, cols: 3 }],
      rows: [
        ['序号', '性别', '权重'].map((value) => ({ value, style: { bold: true } })),
        [1, '男', { value: 0.1 + 0.2, style: { numFmt: '0.000' } }],
        [2, null, 1e-300],
        [{ value: '合并', style: { wrap: true } }],
      ],
    },
  ],
};

describe('other xlsx readers', () => {
  it('exceljs reads values, number formats, merges and the frozen pane', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(saveXlsx(workbook));
    const sheet = book.getWorksheet('数据');
    // exceljs gives every cell of a merged range the value of its first.
    expect(sheet?.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1))).toEqual([['序号', '性别', '权重'], [1, '男', 0.1 + 0.2], [2, undefined, 1e-300], ['合并', '合并', '合并']]);
    expect(sheet?.getCell('C2').numFmt).toBe('0.000');
    expect(sheet?.getCell('A1').font?.bold).toBe(true);
    expect(sheet?.model.merges).toEqual(['A4:C4']);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
  });

  it('SheetJS reads the same cells', () => {
    const book = XLSX.read(readFileSync(saveXlsx(workbook)), { cellNF: true });
    const sheet = book.Sheets['数据'];
    expect(XLSX.utils.sheet_to_json(sheet, { header: 1 })).toEqual([['序号', '性别', '权重'], [1, '男', 0.1 + 0.2], [2, undefined, 1e-300], ['合并']]);
    expect(sheet['C2'].z).toBe('0.000');
  });
});
