import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { parseEncoding } from '../../../src/ingest/read/decode-text.js';
import { detectEncoding } from '../../../src/ingest/read/detect-encoding.js';
import { readAll, writeBytes, writeText } from './collect-rows.js';

const chinese = '序号,您的性别？ ,满意度\n1,男,非常满意\n2,女,比较满意\n';

describe('detectEncoding', () => {
  it('reads byte-order marks as UTF-8, UTF-16LE and UTF-16BE', async () => {
    for (const encoding of ['utf-8', 'utf-16le', 'utf-16be'] as const) {
      const path = writeText('bom.csv', chinese, encoding, true);
      expect(await detectEncoding(path)).toEqual({ encoding, bomLength: encoding === 'utf-8' ? 3 : 2 });
      const { table, cells } = await readAll(path);
      expect(table.encoding).toBe(encoding);
      expect(table.header).toEqual(['序号', '您的性别？ ', '满意度']);
      expect(cells).toEqual([['1', '男', '非常满意'], ['2', '女', '比较满意']]);
    }
  });

  it('streams UTF-16 files larger than one read, surrogate pairs and line numbers intact', async () => {
    const lines = ['编号,内容'];
    for (let i = 1; i <= 20_000; i++) lines.push(`${i},"第${i}行\r\n𠀀"`);
    for (const encoding of ['utf-16le', 'utf-16be']) {
      const { rows } = await readAll(writeText('big16.csv', `${lines.join('\r\n')}\r\n`, encoding, true));
      expect(rows).toHaveLength(20_000);
      expect(rows.every((r) => r.cells[1] === `第${r.row}行\r\n𠀀` && r.line === 2 * r.row)).toBe(true);
    }
  });

  it('takes text that is valid UTF-8 as UTF-8, and GBK text as GB18030', async () => {
    expect((await detectEncoding(writeText('u.csv', chinese))).encoding).toBe('utf-8');
    expect((await detectEncoding(writeText('g.csv', chinese, 'gb18030'))).encoding).toBe('gb18030');
    expect((await detectEncoding(writeText('a.csv', 'a,b\n1,2\n'))).encoding).toBe('utf-8');
  });

  it('round-trips GB18030 text exactly, four-byte characters included', async () => {
    const text = '姓名,备注\n张三,𠀀𪚥 €\n李四,"引号""内"",逗号"\n';
    const { table, cells } = await readAll(writeText('g.csv', text, 'gb18030'));
    expect(table.encoding).toBe('gb18030');
    expect(table.header).toEqual(['姓名', '备注']);
    expect(cells).toEqual([['张三', '𠀀𪚥 €'], ['李四', '引号"内",逗号']]);
  });

  it('names the line of bytes that are neither UTF-8 nor GB18030', async () => {
    const bytes = Buffer.concat([Buffer.from('a,b\n1,2\n3,'), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('\n')]);
    const path = writeBytes('bad.csv', bytes);
    await expect(detectEncoding(path)).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/line 3 is not valid UTF-8 and line 3 is not valid GB18030/),
      location: { file: path, line: 3 },
      hint: expect.stringContaining('--encoding'),
    });
  });

  it('checks an --encoding override over the whole file, never replacing bytes', async () => {
    const path = writeText('g.csv', chinese, 'gb18030');
    await expect(readAll(path, { encoding: 'utf-8' })).rejects.toMatchObject({
      name: 'InputError',
      message: 'line 1 is not valid UTF-8 text',
      location: { line: 1 },
      hint: expect.stringContaining('--encoding utf-8 does not fit'),
    });
    const late = writeBytes('late.csv', Buffer.concat([Buffer.from('a,b\n1,2\n3,4\n'), iconv.encode('5,男\n', 'gb18030')]));
    await expect(readAll(late, { encoding: 'utf-8' })).rejects.toMatchObject({ location: { line: 4 } });
    const { cells } = await readAll(late, { encoding: 'gb18030' });
    expect(cells.at(-1)).toEqual(['5', '男']);
  });

  it('rejects an override that contradicts the byte-order mark', async () => {
    const path = writeText('bom.csv', chinese, 'utf-8', true);
    await expect(detectEncoding(path, 'gb18030')).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('byte-order mark, but --encoding gb18030'),
    });
    expect(await detectEncoding(path, 'utf-8')).toEqual({ encoding: 'utf-8', bomLength: 3 });
  });

  it('fails on a BOM file whose bytes do not follow it, naming the line', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a\nb\n'), iconv.encode('男\n', 'gb18030')]);
    await expect(detectEncoding(writeBytes('x.csv', bytes))).rejects.toMatchObject({
      message: 'line 3 is not valid UTF-8 text',
      location: { line: 3 },
    });
  });

  it('calls a file with NUL bytes binary unless it is UTF-16', async () => {
    const path = writeText('u16.csv', 'a,b\n1,2\n', 'utf-16le');
    await expect(detectEncoding(path)).rejects.toMatchObject({
      message: 'binary file, not a CSV (a NUL byte on line 1)',
      hint: expect.stringContaining('--encoding utf-16le'),
    });
    const { cells } = await readAll(path, { encoding: 'utf-16le' });
    expect(cells).toEqual([['1', '2']]);
  });

  it('counts CR LF and lone CR line breaks when naming a line', async () => {
    const bytes = Buffer.concat([Buffer.from('a\r\nb\rc\n'), Buffer.from([0xff])]);
    await expect(detectEncoding(writeBytes('cr.csv', bytes), 'utf-8')).rejects.toMatchObject({ location: { line: 4 } });
  });
});

describe('parseEncoding', () => {
  it('accepts common spellings and reads GBK as GB18030', () => {
    expect(parseEncoding('UTF8')).toBe('utf-8');
    expect(parseEncoding('gbk')).toBe('gb18030');
    expect(parseEncoding(' GB2312 ')).toBe('gb18030');
    expect(parseEncoding('utf-16le')).toBe('utf-16le');
  });

  it('rejects other names with the list of accepted ones', () => {
    expect(() => parseEncoding('latin1')).toThrow(expect.objectContaining({ name: 'UsageError', hint: expect.stringContaining('utf-8, gb18030') }));
  });
});
