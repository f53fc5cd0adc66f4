import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openTable } from '../../src/ingest/read/open-table.js';
import type { RawTable } from '../../src/ingest/read/raw-table.js';

// The real 问卷星 exports live beside the repository (../shared from its root) and are never copied in.
const samples = fileURLToPath(new URL('../../../shared/samples/wjx-real/', import.meta.url));

const exports = [
  { name: 'wjx-800-text', rows: 800 },
  { name: 'wjx-800-code', rows: 800 },
  { name: 'wjx-357-text', rows: 204 },
  { name: 'wjx-357-code', rows: 204 },
  { name: 'wjx-zte-text', rows: 4 },
  { name: 'wjx-zte-code', rows: 4 },
];
const formats = ['xls', 'xlsx', 'gbk.csv'] as const;

async function read(file: string): Promise<{ table: RawTable; cells: string[][] }> {
  const table = await openTable(`${samples}${file}`);
  const cells: string[][] = [];
  for await (const row of table.rows()) cells.push(row.cells);
  return { table, cells };
}

describe('the real 问卷星 exports', () => {
  it('are all here: 6 exports × 3 formats', () => {
    const files = readdirSync(samples).filter((f) => f !== 'README.md');
    expect(files.sort()).toEqual(exports.flatMap(({ name }) => formats.map((f) => `${name}.${f}`)).sort());
  });

  describe.each(exports)('$name', ({ name, rows }) => {
    it(`reads ${rows} rows with the same header and cells from .xls, .xlsx and .gbk.csv`, async () => {
      const [xls, xlsx, csv] = await Promise.all(formats.map((f) => read(`${name}.${f}`)));
      expect(xls.table).toMatchObject({ format: 'xls', sheet: 'Sheet1', encoding: null });
      expect(xlsx.table).toMatchObject({ format: 'xlsx', sheet: 'Sheet1', encoding: null });
      expect(csv.table).toMatchObject({ format: 'csv', encoding: 'gb18030', delimiter: ',' });
      expect(xls.cells).toHaveLength(rows);
      for (const other of [xlsx, csv]) {
        expect(other.table.header).toEqual(xls.table.header);
        expect(other.cells).toEqual(xls.cells);
      }
      for (const row of xls.cells) expect(row).toHaveLength(xls.table.header.length);
    });
  });

  it('keep what 问卷星 wrote: trailing spaces, ┋ lists, 0/1 option columns, skips and metadata', async () => {
    const text800 = await read('wjx-800-text.xlsx');
    expect(text800.table.header).toContain('3、性别 ');
    expect(text800.cells[0]).toContain('运动┋影视┋购物');
    const code800 = await read('wjx-800-code.gbk.csv');
    expect(code800.table.header).toContain('第6题(运动)');
    const code357 = await read('wjx-357-code.xls');
    expect(code357.table.header[6]).toBe('1、请问您的性别？ ');
    expect(code357.cells[0].slice(0, 4)).toEqual(['2', 'NULL', 'NULL', 'NULL']);
    const zteText = await read('wjx-zte-text.xls');
    expect(zteText.cells[0].slice(0, 8)).toEqual(['1', '2016/12/17 14:22:55', '5秒', '183.192.16.69(上海-上海)', '手机提交', '微信', '是', '(跳过)']);
    const zteCode = await read('wjx-zte-code.xlsx');
    expect(zteCode.cells[0]).toEqual(expect.arrayContaining(['-3', '-2']));
  });
});
