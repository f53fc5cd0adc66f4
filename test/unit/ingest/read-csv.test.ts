import { describe, expect, it } from 'vitest';
import { CsvParser, type CsvRecord } from '../../../src/ingest/read/csv-parser.js';
import { sniffDelimiter } from '../../../src/ingest/read/sniff-delimiter.js';
import { readAll, writeText } from './collect-rows.js';

/** Parses `text` pushed in pieces of `size` characters (the whole text when size is 0). */
function parse(text: string, size = 0, delimiter = ','): CsvRecord[] {
  const parser = new CsvParser(delimiter, 'test.csv');
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += size || text.length) parser.push(text.slice(i, i + (size || text.length)), out);
  parser.end(out);
  return out;
}

describe('CsvParser', () => {
  const tricky =
    'id,text,note\r\n1,"line one\r\nline two",x\r\n2,"say ""hi""",""\r\n3,"a,b" ,"c"d\r\n4,plain "quote" inside,\r\n5,"",""""\r\n';

  it('parses quoted fields with line breaks, doubled quotes and delimiters inside', () => {
    expect(parse(tricky)).toEqual([
      { cells: ['id', 'text', 'note'], line: 1 },
      { cells: ['1', 'line one\r\nline two', 'x'], line: 2 },
      { cells: ['2', 'say "hi"', ''], line: 4 },
      { cells: ['3', 'a,b ', 'cd'], line: 5 },
      { cells: ['4', 'plain "quote" inside', ''], line: 6 },
      { cells: ['5', '', '"'], line: 7 },
    ]);
  });

  it('gives the same records however the text is cut into pieces', () => {
    const whole = parse(tricky);
    for (const size of [1, 2, 3, 5, 7, 11]) expect(parse(tricky, size)).toEqual(whole);
    const lf = tricky.replaceAll('\r\n', '\n');
    for (const size of [1, 4]) expect(parse(lf, size)).toEqual(parse(lf));
  });

  it('reads files with lone CR line breaks', () => {
    expect(parse('a,b\r1,"x\ry"\r2,3', 2)).toEqual([
      { cells: ['a', 'b'], line: 1 },
      { cells: ['1', 'x\ry'], line: 2 },
      { cells: ['2', '3'], line: 4 },
    ]);
  });

  it('keeps the last record without a final line break and an empty last field', () => {
    expect(parse('a,b\n1,')).toEqual([
      { cells: ['a', 'b'], line: 1 },
      { cells: ['1', ''], line: 2 },
    ]);
  });

  it('fails on a quote that is never closed, naming the line where it opened', () => {
    expect(() => parse('a,b\n1,2\n3,"open\n4,5\n')).toThrow(
      expect.objectContaining({ name: 'InputError', message: 'a quoted field opened on line 3 is never closed', location: expect.objectContaining({ line: 3 }) }),
    );
  });
});

describe('sniffDelimiter', () => {
  it('picks the delimiter that occurs most outside quotes in the header', () => {
    expect(sniffDelimiter('a,b,c\n1;2;3;4;5')).toBe(',');
    expect(sniffDelimiter('a;b;"c,d,e"\n')).toBe(';');
    expect(sniffDelimiter('a\tb\tc,d\n')).toBe('\t');
    expect(sniffDelimiter('"x\ny,z";w\n')).toBe(';');
    expect(sniffDelimiter('only\n1\n')).toBe(',');
  });
});

describe('reading CSV files', () => {
  it('reads each delimiter, sniffed or given', async () => {
    for (const d of [',', ';', '\t']) {
      const { table, cells } = await readAll(writeText('d.csv', `q1${d}q2${d}"q,3"\n1${d}2${d}3\n`));
      expect(table.delimiter).toBe(d);
      expect(table.header).toEqual(['q1', 'q2', 'q,3']);
      expect(cells).toEqual([['1', '2', '3']]);
    }
    const { table } = await readAll(writeText('p.csv', 'a|b\n1|2\n'), { delimiter: '|' });
    expect(table.header).toEqual(['a', 'b']);
    await expect(readAll(writeText('p.csv', 'a\n1\n'), { delimiter: '""' })).rejects.toMatchObject({ name: 'UsageError' });
  });

  it('takes a .tsv file as tab-separated without sniffing', async () => {
    const { table } = await readAll(writeText('one.tsv', 'a,b\n1,2\n'));
    expect(table.delimiter).toBe('\t');
    expect(table.header).toEqual(['a,b']);
  });

  it('numbers data rows and the physical lines where they start', async () => {
    const { rows } = await readAll(writeText('q.csv', 'a,b\n1,"two\nlines"\n2,x\n'));
    expect(rows).toEqual([
      { row: 1, line: 2, cells: ['1', 'two\nlines'] },
      { row: 2, line: 4, cells: ['2', 'x'] },
    ]);
  });

  it('keeps header cells exactly, duplicates and trailing spaces included', async () => {
    const { table } = await readAll(writeText('h.csv', '序号,1、性别？ ,1、性别？ , \n1,2,3,4\n'));
    expect(table.header).toEqual(['序号', '1、性别？ ', '1、性别？ ', ' ']);
  });

  it('ignores trailing blank lines and rows of empty cells, keeps blank rows in the middle', async () => {
    const { rows } = await readAll(writeText('t.csv', 'a,b\n1,2\n,\n\n3,4\n,\n  \n\r\n\n'));
    expect(rows.map((r) => [r.row, r.line, r.cells])).toEqual([
      [1, 2, ['1', '2']],
      [2, 3, ['', '']],
      [3, 5, ['3', '4']],
    ]);
  });

  it('fails on a short row, naming line, row and counts, unless --allow-ragged', async () => {
    const path = writeText('r.csv', 'a,b,c\n1,2,3\n"x\ny",2\n');
    await expect(readAll(path)).rejects.toMatchObject({
      name: 'InputError',
      message: 'has 2 fields, but the header has 3',
      location: { file: path, row: 2, line: 3 },
      hint: 'pass --allow-ragged to pad short rows with empty cells',
    });
    const { cells } = await readAll(path, { allowRagged: true });
    expect(cells).toEqual([['1', '2', '3'], ['x\ny', '2', '']]);
  });

  it('fails on a long row unless --allow-ragged and the extra cells are empty', async () => {
    const emptyExtra = writeText('l.csv', 'a,b\n1,2,,\n');
    await expect(readAll(emptyExtra)).rejects.toMatchObject({ message: 'has 4 fields, but the header has 2', location: { row: 1, line: 2 } });
    expect((await readAll(emptyExtra, { allowRagged: true })).cells).toEqual([['1', '2']]);
    const data = writeText('l2.csv', 'a,b\n1,2\n3,4,5\n');
    await expect(readAll(data, { allowRagged: true })).rejects.toMatchObject({
      location: { row: 2, line: 3 },
      hint: expect.stringContaining('field 3 holds "5"'),
    });
  });

  it('reports progress up to the file size', async () => {
    const path = writeText('p.csv', 'a,b\n1,2\n');
    const seen: [number, number][] = [];
    await readAll(path, { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.at(-1)).toEqual([8, 8]);
  });

  it('streams a file larger than one read, keeping rows cut between reads whole', async () => {
    const lines = ['id,text'];
    for (let i = 1; i <= 60_000; i++) lines.push(`${i},"第${i}行,含""引号""\n与换行"`);
    const { rows } = await readAll(writeText('big.csv', `${lines.join('\r\n')}\r\n`, 'gb18030'));
    expect(rows).toHaveLength(60_000);
    expect(rows[59_999]).toEqual({ row: 60_000, line: 120_000, cells: ['60000', '第60000行,含"引号"\n与换行'] });
  });

  it('can read its rows a second time', async () => {
    const { table, cells } = await readAll(writeText('twice.csv', 'a\n1\n2\n'));
    const again: string[][] = [];
    for await (const row of table.rows()) again.push(row.cells);
    expect(again).toEqual(cells);
  });
});
