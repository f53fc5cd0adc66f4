import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { openTable } from '../../../src/ingest/read/open-table.js';
import { tempDir } from '../../helpers/run-cli.js';
import { readAll, writeBytes, writeText } from './collect-rows.js';

describe('openTable', () => {
  it('goes by content, not name: a workbook named .csv is read as .xlsx', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('S').addRows([['a'], [1]]);
    const path = join(tempDir(), 'export.csv');
    await book.xlsx.writeFile(path);
    const { table, cells } = await readAll(path);
    expect([table.format, cells]).toEqual(['xlsx', [['1']]]);
  });

  it('reads .txt and unknown extensions as text', async () => {
    expect((await readAll(writeText('data.txt', 'a\tb\n1\t2\n'))).table.delimiter).toBe('\t');
    expect((await readAll(writeText('data.dat', 'a;b\n1;2\n'))).cells).toEqual([['1', '2']]);
  });

  it.each([
    ['a missing file', () => join(tempDir(), 'nope.csv'), 'no such file', 'check the path'],
    ['a directory', () => tempDir(), 'is a directory, not a file', 'give the path of the exported file'],
    ['an empty file', () => writeText('empty.csv', ''), 'the file is empty (0 bytes)', 'export the responses again'],
    ['white space only', () => writeText('blank.csv', ' \r\n\n\t\n'), 'the file has no data: it is empty or holds only blank lines', undefined],
    ['a byte-order mark only', () => writeText('bom.csv', '', 'utf-8', true), 'the file has no data: it is empty or holds only blank lines', undefined],
    ['a header only', () => writeText('header.csv', '序号,性别\r\n\r\n'), 'the file has a header but no data rows', 'the question headers'],
    ['binary garbage', () => writeBytes('garbage.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), 'binary file, not a CSV (a NUL byte on line 3)', '--encoding utf-16le'],
    ['a text file named .xlsx', () => writeText('report.xlsx', 'a,b\n1,2\n'), 'the file is named .xlsx but is not an Excel workbook', 'rename it to .csv'],
    ['an HTML page named .xls', () => writeText('wjx.xls', '<html><table><tr><td>1</td></tr></table></html>'), 'the file is named .xls but is not an Excel workbook', 'HTML page'],
  ])('fails on %s with one clear InputError', async (_what, make, message, hint) => {
    const path = make();
    const error = await openTable(path).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toMatchObject({ name: 'InputError', message, location: { file: path } });
    if (hint) expect(error).toMatchObject({ hint: expect.stringContaining(hint) });
  });

  it('rejects --sheet for a CSV file', async () => {
    await expect(openTable(writeText('a.csv', 'a\n1\n'), { sheet: 'Sheet1' })).rejects.toMatchObject({ name: 'UsageError' });
  });
});
