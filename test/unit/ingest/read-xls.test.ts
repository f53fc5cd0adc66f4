import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { readAll, writeBytes } from './collect-rows.js';

/** Writes sheets (name → rows) as a legacy BIFF8 .xls; dates are taken as wall-clock UTC. */
function writeXls(sheets: Record<string, unknown[][]>, edit?: (book: XLSX.WorkBook) => void): string {
  const book = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows, { cellDates: true, UTC: true }), name);
  }
  edit?.(book);
  return writeBytes('book.xls', XLSX.write(book, { bookType: 'biff8', type: 'buffer' }));
}

describe('reading .xls files', () => {
  it('turns every kind of cell into the text a user sees', async () => {
    const path = writeXls(
      {
        Sheet1: [
          ['序号', '提交答卷时间', '1、请问您的性别？ ', '小数', '布尔', '日期', '公式', '错误'],
          [1, new Date(Date.UTC(2016, 11, 17, 14, 25, 31)), '男', 0.1 + 0.2, false, new Date(Date.UTC(2016, 11, 17)), 0, 0],
        ],
      },
      (book) => {
        const sheet = book.Sheets.Sheet1;
        sheet.B2.z = 'yyyy/m/d h:mm:ss';
        sheet.F2.z = 'yyyy-mm-dd';
        sheet.G2 = { t: 'n', f: 'A2*2', v: 2 };
        sheet.H2 = { t: 'e', v: 0x2a };
      },
    );
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const { table, cells } = await readAll(path);
      expect(table).toMatchObject({ format: 'xls', encoding: null, delimiter: null, sheet: 'Sheet1' });
      expect(table.header).toEqual(['序号', '提交答卷时间', '1、请问您的性别？ ', '小数', '布尔', '日期', '公式', '错误']);
      expect(cells).toEqual([['1', '2016/12/17 14:25:31', '男', '0.3', 'FALSE', '2016/12/17', '2', '#N/A']]);
    } finally {
      process.env.TZ = zone;
    }
  });

  it('reads the sheet asked for and lists the sheets when it does not exist', async () => {
    const path = writeXls({ 封面: [['title'], ['x']], 数据: [['q1', 'q2'], [1]] });
    expect((await readAll(path)).table.sheet).toBe('封面');
    expect((await readAll(path, { sheet: '数据' })).cells).toEqual([['1', '']]);
    await expect(readAll(path, { sheet: 'data' })).rejects.toMatchObject({
      name: 'UsageError',
      hint: 'its sheets are "封面", "数据": pass one of them with --sheet',
    });
  });

  it('fails clearly on a header-only sheet and an empty one', async () => {
    await expect(readAll(writeXls({ S: [['a', 'b']] }))).rejects.toMatchObject({ message: 'sheet "S" has a header but no data rows' });
    await expect(readAll(writeXls({ S: [] }))).rejects.toMatchObject({ message: expect.stringContaining('sheet "S" has no data') });
  });

  it('calls a damaged .xls unreadable', async () => {
    const ole = Buffer.alloc(2048, 0x41);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    await expect(readAll(writeBytes('bad.xls', ole))).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('cannot read the file as .xls'),
      hint: expect.stringContaining('save it as .xlsx'),
    });
  });
});
