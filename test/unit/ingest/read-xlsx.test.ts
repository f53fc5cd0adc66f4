import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeXml } from '../../../src/io/xlsx/read/xml-text.js';
import { tempDir } from '../../helpers/run-cli.js';
import { readAll, writeBytes } from './collect-rows.js';

async function writeWorkbook(build: (book: ExcelJS.Workbook) => void): Promise<string> {
  const book = new ExcelJS.Workbook();
  build(book);
  const path = join(tempDir(), 'book.xlsx');
  await book.xlsx.writeFile(path);
  return path;
}

const submitted = new Date(Date.UTC(2016, 11, 17, 14, 25, 31));

describe('reading .xlsx files', () => {
  it('turns every kind of cell into the text a user sees', async () => {
    const path = await writeWorkbook((book) => {
      const sheet = book.addWorksheet('答卷');
      sheet.addRow(['序号', '提交答卷时间', '1、性别？ ', '得分', '链接', '布尔', '错误', '小数', '日期', '时间']);
      sheet.addRow([
        1,
        submitted,
        { richText: [{ text: '男' }, { text: '性', font: { bold: true } }] },
        { formula: '1-1', result: 0 },
        { text: '问卷星', hyperlink: 'https://www.wjx.cn' },
        true,
        { error: '#N/A' },
        0.1 + 0.2,
        new Date(Date.UTC(2016, 11, 17)),
        0.5,
      ]);
      sheet.getCell('B2').numFmt = 'yyyy/m/d h:mm:ss';
      sheet.getCell('I2').numFmt = 'yyyy"年"m"月"d"日"';
      sheet.getCell('J2').numFmt = 'hh:mm:ss';
    });
    const { table, cells } = await readAll(path);
    expect(table).toMatchObject({ format: 'xlsx', encoding: null, delimiter: null, sheet: '答卷' });
    expect(table.header).toEqual(['序号', '提交答卷时间', '1、性别？ ', '得分', '链接', '布尔', '错误', '小数', '日期', '时间']);
    expect(cells).toEqual([
      ['1', '2016/12/17 14:25:31', '男性', '0', '问卷星', 'TRUE', '#N/A', '0.3', '2016/12/17', '12:00:00'],
    ]);
  });

  it('reads dates as wall-clock time whatever the time zone', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      const path = await writeWorkbook((book) => {
        const sheet = book.addWorksheet('S');
        sheet.addRow(['t']);
        sheet.addRow([submitted]);
        sheet.getCell('A2').numFmt = 'yyyy-mm-dd hh:mm:ss';
      });
      expect((await readAll(path)).cells).toEqual([['2016/12/17 14:25:31']]);
    } finally {
      process.env.TZ = zone;
    }
  });

  it('pads rows, keeps empty rows in the middle and drops empty rows at the end', async () => {
    const path = await writeWorkbook((book) => {
      const sheet = book.addWorksheet('S');
      sheet.addRow(['a', 'b', 'c']);
      sheet.addRow([1]);
      sheet.getCell('B5').value = 'x';
      sheet.getCell('A9').numFmt = '0.00';
      sheet.getRow(9).height = 30;
    });
    const { rows } = await readAll(path);
    expect(rows).toEqual([
      { row: 1, cells: ['1', '', ''] },
      { row: 2, cells: ['', '', ''] },
      { row: 3, cells: ['', '', ''] },
      { row: 4, cells: ['', 'x', ''] },
    ]);
  });

  it('reads the sheet asked for and lists the sheets when it does not exist', async () => {
    const path = await writeWorkbook((book) => {
      book.addWorksheet('说明').addRows([['note'], ['read me']]);
      book.addWorksheet('数据').addRows([['q1'], ['5']]);
    });
    expect((await readAll(path)).table.header).toEqual(['note']);
    const { table, cells } = await readAll(path, { sheet: '数据' });
    expect([table.sheet, cells]).toEqual(['数据', [['5']]]);
    await expect(readAll(path, { sheet: 'Sheet1' })).rejects.toMatchObject({
      name: 'UsageError',
      message: 'the workbook has no sheet "Sheet1"',
      hint: 'its sheets are "说明", "数据": pass one of them with --sheet',
    });
  });

  it('fails on a value past the last header cell, naming the column', async () => {
    const path = await writeWorkbook((book) => {
      book.addWorksheet('S').addRows([['a', 'b'], [1, 2, 3]]);
    });
    await expect(readAll(path)).rejects.toMatchObject({
      name: 'InputError',
      message: 'has a value in column C past the last header cell',
      location: { row: 1, column: 'C' },
    });
  });

  it('fails clearly on an empty sheet and a header-only sheet', async () => {
    const empty = await writeWorkbook((book) => void book.addWorksheet('S'));
    await expect(readAll(empty)).rejects.toMatchObject({ message: 'sheet "S" has no data: it is empty or holds only blank lines' });
    const headerOnly = await writeWorkbook((book) => void book.addWorksheet('S').addRow(['a', 'b']));
    await expect(readAll(headerOnly)).rejects.toMatchObject({ name: 'InputError', message: 'sheet "S" has a header but no data rows' });
  });

  it('reads strings, escapes and formulas as SheetJS writes them', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([['名称', '值'], ['甲', 1.5], ['乙\r&<>', 2]]);
    sheet.B3 = { t: 'n', f: 'B2*2', v: 3 };
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'S');
    const path = writeBytes('sheetjs.xlsx', XLSX.write(book, { bookType: 'xlsx', type: 'buffer' }));
    const { table, cells } = await readAll(path);
    expect(table.header).toEqual(['名称', '值']);
    expect(cells).toEqual([['甲', '1.5'], ['乙\r&<>', '3']]);
  });

  it('reads inline rich-text strings, as exceljs writes them without shared strings', async () => {
    const path = join(tempDir(), 'inline.xlsx');
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    const sheet = book.addWorksheet('S');
    sheet.addRow(['名称', 'b']).commit();
    sheet.addRow([{ richText: [{ text: '甲' }, { text: '乙', font: { bold: true } }] }, 'x&y']).commit();
    await book.commit();
    expect((await readAll(path)).cells).toEqual([['甲乙', 'x&y']]);
  });

  it('decodes entities and _xHHHH_ escapes once, as Excel writes them', () => {
    expect(decodeXml('A&amp;B &#20013;&#x6587; _x000D_ _x005F_x000D_ &lt;t&gt;')).toBe('A&B 中文 \r _x000D_ <t>');
  });

  it('calls a damaged or fake .xlsx unreadable, with what to do', async () => {
    const good = await writeWorkbook((book) => void book.addWorksheet('S').addRows([['a'], [1]]));
    const bytes = (await import('node:fs')).readFileSync(good);
    const truncated = writeBytes('cut.xlsx', bytes.subarray(0, bytes.length - 200));
    await expect(readAll(truncated)).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('cannot read the file as .xlsx'),
      hint: expect.stringContaining('save it again'),
    });
    const dir = tempDir();
    const fakeZip = join(dir, 'notes.xlsx');
    writeFileSync(fakeZip, Buffer.from('PK\u0003\u0004 not really a zip'));
    await expect(readAll(fakeZip)).rejects.toMatchObject({ name: 'InputError', message: expect.stringContaining('cannot read the file as .xlsx') });
  });
});
