import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openXlsx } from '../../../../../src/io/xlsx/read/open-xlsx.js';
import { writeXlsx } from '../../../../../src/io/xlsx/write/write-xlsx.js';
import { writeZip } from '../../../../../src/io/zip/zip-writer.js';
import { tempDir } from '../../../../helpers/run-cli.js';
import { readParts, saveXlsx } from '../write/xlsx-files.js';

// exceljs as an independent writer: what it writes, our reader reads as Excel shows it.

/** Every sheet of a workbook (a file's path or its bytes) as rows of cell text, by sheet name. */
async function readSheets(source: string | Buffer): Promise<Record<string, string[][]>> {
  const book = await openXlsx(source, typeof source === 'string' ? statSync(source).size : source.length);
  const sheets: Record<string, string[][]> = {};
  for (const sheet of book.sheets) {
    const opened = await book.openSheet(sheet);
    const rows: string[][] = (sheets[sheet.name] = []);
    for await (const batch of opened!.rows()) for (const row of batch) rows.push(row.cells);
  }
  return sheets;
}

const submitted = new Date(Date.UTC(2025, 2, 14, 9, 30, 5));

describe('reading what exceljs writes', () => {
  it('shared strings, numbers, dates, booleans, rich text and formulas’ cached values, sheet by sheet, from a file or its bytes', async () => {
    const book = new ExcelJS.Workbook();
    const answers = book.addWorksheet('答卷');
    answers.addRow(['序号', '提交答卷时间', '1、您的性别？', '得分', '说明', '是否', '比例']);
    answers.addRow([1, submitted, '男', { formula: 'A2*10', result: 10 }, { formula: 'C2&"性"', result: '男性' }, true, 0.1 + 0.2]);
    answers.addRow([2, submitted, { richText: [{ text: '女' }, { text: '性', font: { bold: true } }] }, -1.5e-7, '多行\n文本 & <标记>', false, 12345678901234567890]);
    answers.getCell('B2').numFmt = 'yyyy/m/d h:mm:ss';
    answers.getCell('B3').numFmt = 'yyyy"年"m"月"d"日"';
    book.addWorksheet('说明').addRows([['备注'], ['第二张表']]);
    const path = join(tempDir(), 'exceljs.xlsx');
    await book.xlsx.writeFile(path);
    const expected = {
      答卷: [
        ['序号', '提交答卷时间', '1、您的性别？', '得分', '说明', '是否', '比例'],
        ['1', '2025/03/14 09:30:05', '男', '10', '男性', 'TRUE', '0.3'],
        ['2', '2025/03/14 09:30:05', '女性', '-1.5e-7', '多行\n文本 & <标记>', 'FALSE', '12345678901234600000'],
      ],
      说明: [['备注'], ['第二张表']],
    };
    expect(await readSheets(path)).toEqual(expected);
    expect(await readSheets(readFileSync(path))).toEqual(expected);
  });

  it('inline strings, as exceljs’s streaming writer writes them without shared strings', async () => {
    const path = join(tempDir(), 'inline.xlsx');
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    const sheet = book.addWorksheet('Sheet1');
    sheet.addRow(['名称', '值']).commit();
    sheet.addRow(['甲 & 乙', 3.25]).commit();
    sheet.addRow([{ richText: [{ text: '丙' }, { text: '丁', font: { italic: true } }] }, null]).commit();
    await book.commit();
    expect(await readSheets(path)).toEqual({ Sheet1: [['名称', '值'], ['甲 & 乙', '3.25'], ['丙丁']] });
  });
});

describe('opening a workbook', () => {
  it('reads a sheet part larger than one read piece from bytes as from the file', async () => {
    const rows = [['n', 'text'], ...Array.from({ length: 30_000 }, (_, i) => [i, `第${i}行`])];
    // Stored, not deflated: the sheet part is well over the 1 MB pieces bytes are read in.
    const parts = await readParts(saveXlsx({ sheets: [{ name: 'S', rows }] }));
    const stored = writeZip([...parts].map(([name, data]) => ({ name, data, store: true })));
    const path = join(tempDir(), 'stored.xlsx');
    writeFileSync(path, stored);
    const fromFile = await readSheets(path);
    expect(fromFile.S).toHaveLength(30_001);
    expect(fromFile.S[30_000]).toEqual(['29999', '第29999行']);
    expect(await readSheets(stored)).toEqual(fromFile);
  });

  it('refuses a workbook with an entry that declares a zip bomb’s inflation, even one no sheet reads', async () => {
    const bomb = writeZip([
      ...[...(await readParts(saveXlsx({ sheets: [{ name: 'S', rows: [['a'], [1]] }] })))].map(([name, data]) => ({ name, data })),
      { name: 'xl/media/unused.bin', data: 'A'.repeat(30_000_000) },
    ]);
    await expect(openXlsx(bomb, bomb.length)).rejects.toThrow(/xl\/media\/unused\.bin would inflate \d+ times .* refused as a zip bomb/);
    const plain = writeXlsx({ sheets: [{ name: 'S', rows: [['a'], [1]] }] });
    expect((await openXlsx(plain, plain.length)).sheets).toEqual([{ name: 'S', path: 'xl/worksheets/sheet1.xml' }]);
  });
});
