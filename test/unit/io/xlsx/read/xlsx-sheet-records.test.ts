import { describe, expect, it } from 'vitest';
import { xlsxSheetRecords } from '../../../../../src/io/xlsx/read/xlsx-sheet-records.js';
import type { SheetContext } from '../../../../../src/io/xlsx/read/xlsx-sheet-context.js';

const context: SheetContext = { sharedStrings: ['序号', '性别', '男', '女', 'a&b'], formats: [undefined, '0.00'], date1904: false };

/** The records of a sheet part given as pieces of `size` bytes (the whole part when omitted). */
async function records(xml: string | Buffer, size?: number): Promise<string[][]> {
  const bytes = typeof xml === 'string' ? Buffer.from(xml) : xml;
  async function* pieces() {
    for (let i = 0; i < bytes.length; i += size ?? bytes.length) yield bytes.subarray(i, i + (size ?? bytes.length));
  }
  const out: string[][] = [];
  for await (const batch of xlsxSheetRecords(pieces(), context)) for (const r of batch) out.push(r.cells);
  return out;
}

const sheet = (rows: string) => `<?xml version="1.0"?><worksheet><sheetFormatPr outlineLevelRow="0"/><sheetData>${rows}</sheetData></worksheet>`;

describe('reading a worksheet part', () => {
  const plain = sheet(
    '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
      '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" s="1"/><c r="D2" t="str"><v>x</v></c></row>' +
      '<row r="4"><c r="B4" t="b"><v>1</v></c></row><row r="5"/>',
  );
  const expected = [['序号', '性别'], ['1', '男', '', 'x'], [], ['', 'TRUE'], []];

  it('reads plain cells from the bytes, rows the file leaves out as empty records', async () => {
    expect(await records(plain)).toEqual(expected);
  });

  it('reads the same whatever the pieces the inflated part arrives in', async () => {
    for (const size of [1, 2, 3, 5, 7, 11, 64]) expect(await records(plain, size), `pieces of ${size} bytes`).toEqual(expected);
  });

  it('reads prefixed elements, inline strings, escapes and formulas with the general reader', async () => {
    const xml = sheet(
      '<x:row r="1"><x:c r="A1" t="s"><x:v>3</x:v></x:c></x:row >' +
        '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="inlineStr"><is><t>甲&amp;乙</t></is></c><c r="C2"><f>1+1</f><v>2</v></c></row>' +
        '<row r="3">\n  <c r="A3" t="s"><v>4</v></c>\n  <c r=\'B3\' t="s"><v>0</v></c>\n</row>',
    );
    for (const size of [undefined, 4]) expect(await records(xml, size)).toEqual([['女'], ['男', '甲&乙', '2'], ['a&b', '序号']]);
  });

  it('numbers rows by their r attribute however it is written, and in order without one', async () => {
    const xml = sheet(
      '<row spans="1:1" r="2"><c t="s"><v>0</v></c></row>' +
        "<row r='4'><c t=\"s\"><v>1</v></c></row>" +
        '<row ht="15" customHeight="1"><c t="s"><v>2</v></c></row>' +
        '<row r = "7"><c t="s"><v>3</v></c></row>',
    );
    expect(await records(xml)).toEqual([[], ['序号'], [], ['性别'], ['男'], [], ['女']]);
  });

  it('takes text that only looks like a row tag for what it is', async () => {
    const xml = sheet('<rowBreaks count="0"/><row r="1"><c r="A1" t="s"><v>1</v></c></row>');
    expect(await records(xml)).toEqual([['性别']]);
  });

  it('says so when a row is not UTF-8 or names a shared string the file lacks', async () => {
    const bad = Buffer.concat([Buffer.from(sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>')), Buffer.from([0xff, 0xfe]), Buffer.from('</t></is></c></row>')]);
    await expect(records(bad)).rejects.toThrow('the worksheet is not valid UTF-8');
    await expect(records(sheet('<row r="1"><c r="A1" t="s"><v>9</v></c></row>'))).rejects.toThrow('a cell refers to shared string 9, which the file lacks');
  });
});
