import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Workbook } from '../../../../../src/io/xlsx/write/xlsx-model.js';
import { saveXlsx } from './xlsx-files.js';
import { convertWithLibreOffice } from '../../../../helpers/soffice.js';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2b2c9170000000049454e44ae426082',
  'hex',
);

describe('LibreOffice', () => {
  it('opens the workbook and shows the first sheet\'s cells as written', { timeout: 120_000 }, async () => {
    const header = { bold: true, border: { top: 'medium', bottom: 'thin' }, align: 'center' } as const;
    const workbook: Workbook = {
      title: '测试',
      sheets: [
        {
          name: '表1 性别',
          freeze: { rows: 1, cols: 1 },
          columnWidths: [12, 8, 10],
          merges: [{ row: 4, col: 0, rows: 1, cols: 3 }],
          images: [{ png: PNG, width: 100, height: 50, row: 6, col: 0 }],
          rows: [
            ['选项', '频数', '百分比'].map((value) => ({ value, style: header })),
            ['男', 120, { value: 0.4, style: { numFmt: '0.0%' } }],
            ['女', null, { value: 0.123456, style: { numFmt: '0.00' } }],
            ['<&>"\'', true, 1e-7],
            [{ value: '注：合并的说明', style: { wrap: true } }],
          ],
        },
        { name: '数据', rows: [['不在第一张表']] },
      ],
    };
    const path = saveXlsx(workbook, '样本.xlsx');
    const out = dirname(path);
    // Filter options: comma, double quote, UTF-8 (76), from line 1.
    const csv = await convertWithLibreOffice(path, 'csv:Text - txt - csv (StarCalc):44,34,76,1', out, 110_000);
    expect(readFileSync(csv, 'utf8').trim().split('\n')).toEqual([
      '"选项","频数","百分比"',
      '"男",120,40.0%',
      '"女",,0.12',
      '"<&>""\'",TRUE,0.0000001',
      '"注：合并的说明",,',
    ]);
  });
});
