import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
import { prerenderSheet } from '../../../../../src/io/xlsx/write/prerender-sheet.js';
import { writeXlsx } from '../../../../../src/io/xlsx/write/write-xlsx.js';
import type { Sheet, Workbook } from '../../../../../src/io/xlsx/write/xlsx-model.js';
import { exceljsDifferences, saveXlsx } from './xlsx-files.js';

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

// A 数据 sheet of what respondents type: CJK beyond the BMP, text that starts like a formula, XML
// specials, control characters, a literal OOXML escape, characters XML cannot hold, Excel's longest cell.
const hostile = [
  '=1+1', '+86 138', '-3', '@SUM(A1)', ' 前后空格 ', 'a\u0001b\u0008c', 'tab\there', 'line\r\nbreak', '_x000D_ literal', '<b>&amp;</b>"\'',
  '𠀀𪚥 😀', '\uFFFE', 'lone \uD800 surrogate', '长'.repeat(32_767), '', '中文，全角　空格',
];
const dataSheet: Sheet = {
  name: '答卷',
  freeze: { rows: 1, cols: 1 },
  rows: [
    ['序号', '文本', '数值', { value: '日期', style: { bold: true } }],
    ...hostile.map((text, i) => [i + 1, text, i % 2 ? 1e-300 : -0.1 - 0.2, { value: 45000 + i / 7, style: { numFmt: 'yyyy-mm-dd hh:mm:ss' } }]),
    [true, false, Number.NaN, Number.POSITIVE_INFINITY],
    [null, 123_456_789_012_345_680_000, -0, 2 ** 53 + 2],
  ],
};

describe('other xlsx readers', () => {
  it('exceljs reads every cell of a hostile data sheet as written, rendered with its workbook or ahead of it', async () => {
    expect(await exceljsDifferences(writeXlsx({ sheets: [dataSheet] }), [dataSheet])).toEqual([]);
    expect(await exceljsDifferences(writeXlsx({ sheets: [await prerenderSheet(dataSheet), workbook.sheets[0] as Sheet] }), [dataSheet, workbook.sheets[0] as Sheet])).toEqual([]);
  });

  it('the comparison sees a cell exceljs reads otherwise', async () => {
    const changed: Sheet = { ...dataSheet, rows: dataSheet.rows.map((row, r) => (r === 2 ? [row[0], 'another text', '0.3', row[3]] : row)) };
    expect(await exceljsDifferences(writeXlsx({ sheets: [dataSheet] }), [changed])).toEqual(['答卷!B3: "another text" → "+86 138"', '答卷!C3: "0.3" → 1e-300']);
  });

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
