import { describe, expect, it } from 'vitest';
import { writeZip } from '../../../src/io/zip/zip-writer.js';
import { readAll, writeBytes } from './collect-rows.js';

// Hostile workbooks made here (issue #16, points 1 and 10): a part cut short inside a valid zip is
// an error, never the rows before the cut; a bomb is refused within a second.

const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;

function sheetXml(rows: number): string {
  let xml = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  xml += '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>';
  for (let r = 2; r <= rows + 1; r++) xml += `<row r="${r}"><c r="A${r}"><v>${r - 1}</v></c><c r="B${r}"><v>${r * 7}</v></c></row>`;
  return `${xml}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

const SHARED = '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>id</t></si><si><t>score</t></si></sst>';

function workbook(parts: { sheet?: string; shared?: string } = {}): string {
  return writeBytes(
    'book.xlsx',
    writeZip([
      { name: 'xl/workbook.xml', data: WORKBOOK },
      { name: 'xl/_rels/workbook.xml.rels', data: RELS },
      { name: 'xl/worksheets/sheet1.xml', data: parts.sheet ?? sheetXml(209) },
      { name: 'xl/sharedStrings.xml', data: parts.shared ?? SHARED },
    ]),
  );
}

async function failure(path: string): Promise<Error> {
  try {
    await readAll(path);
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the workbook to be refused');
}

describe('damaged .xlsx parts', () => {
  it('reads the whole sheet when nothing is damaged (and tolerates no styles or content types)', async () => {
    const { table, cells } = await readAll(workbook());
    expect(table.header).toEqual(['id', 'score']);
    expect(cells).toHaveLength(209);
  });

  it.each([
    ['inside a row', (xml: string) => xml.slice(0, xml.indexOf('<row r="106"') + 20)],
    ['between two rows', (xml: string) => xml.slice(0, xml.indexOf('<row r="106"'))],
    ['before </worksheet>', (xml: string) => xml.slice(0, xml.indexOf('</sheetData>') + '</sheetData>'.length)],
  ])('refuses a worksheet cut short %s (exit 3), instead of reading half of it', async (_, cut) => {
    const err = await failure(workbook({ sheet: cut(sheetXml(209)) }));
    expect(err.name).toBe('InputError');
    expect(err.message).toMatch(/ends before its closing <\/worksheet>.*truncated/);
  });

  it('refuses truncated shared strings', async () => {
    const err = await failure(workbook({ shared: SHARED.slice(0, -30) }));
    expect(err.message).toMatch(/sharedStrings\.xml ends before its closing <\/sst>/);
  });

  it('refuses a zip entry whose directory misstates its size', async () => {
    const bytes = writeZip([
      { name: 'xl/workbook.xml', data: WORKBOOK },
      { name: 'xl/_rels/workbook.xml.rels', data: RELS },
      { name: 'xl/worksheets/sheet1.xml', data: sheetXml(209) },
      { name: 'xl/sharedStrings.xml', data: SHARED },
    ]);
    // The central directory entry of the sheet (the third): its uncompressed size, understated.
    let at = bytes.length - 22;
    at = bytes.readUInt32LE(at + 16);
    for (let k = 0; k < 2; k++) at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    bytes.writeUInt32LE(bytes.readUInt32LE(at + 24) - 1000, at + 24);
    const err = await failure(writeBytes('lying.xlsx', bytes));
    expect(err.message).toMatch(/sheet1\.xml inflates to more than the \d+ bytes its zip directory declares/);
  });

  it('refuses a zip whose end record claims a directory larger than the file (Node aborted on it)', async () => {
    const bytes = writeZip([{ name: 'xl/workbook.xml', data: WORKBOOK }]);
    bytes.writeUInt32LE(0xfffffff0, bytes.length - 22 + 12);
    const err = await failure(writeBytes('huge-directory.xlsx', bytes));
    expect(err.message).toMatch(/damaged zip directory \(it lies outside the file\)/);
  });

  it('refuses a cell that refers to a column past XFD or a row past 1,048,576, without making it', async () => {
    const column = sheetXml(3).replace('<c r="B3">', '<c r="ZZZZZZ3">');
    expect((await failure(workbook({ sheet: column }))).message).toMatch(/column \d+, past Excel's last column XFD/);
    const inline = sheetXml(3).replace('<c r="B3">', '<c r="ZZZZZZ3" t="inlineStr"><is><t>x</t></is></c><c>');
    expect((await failure(workbook({ sheet: inline }))).message).toMatch(/past Excel's last column XFD/);
    const row = sheetXml(3).replace('<row r="4">', '<row r="999999999">');
    expect((await failure(workbook({ sheet: row }))).message).toMatch(/numbered 999999999, past Excel's last row/);
  });
});

describe('zip bombs', () => {
  const cell = 'A'.repeat(30_000_000);

  it('refuses a 30 MB inline cell from a small file within a second', async () => {
    const sheet = sheetXml(3).replace('<c r="B3">', `<c r="C3" t="inlineStr"><is><t>${cell}</t></is></c><c r="B3">`);
    const path = workbook({ sheet });
    const started = performance.now();
    const err = await failure(path);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(err.message).toMatch(/would inflate \d+ times .* refused as a zip bomb/);
  });

  it('refuses a 30 MB shared string within a second', async () => {
    const shared = SHARED.replace('<si><t>score</t></si>', `<si><t>score</t></si><si><t>${cell}</t></si>`);
    const started = performance.now();
    const err = await failure(workbook({ shared }));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(err.message).toMatch(/refused as a zip bomb/);
  });

  it('refuses a cell longer than Excel allows even when it compresses like text', async () => {
    // Varied text that deflates ~2:1, so the ratio alone would let it through.
    let text = '';
    for (let i = 0; text.length < 40_000; i++) text += `${(i * 7919) % 100_003},`;
    const sheet = sheetXml(3).replace('<c r="B3">', `<c r="C3" t="inlineStr"><is><t>${text}</t></is></c><c r="B3">`);
    const err = await failure(workbook({ sheet }));
    expect(err.message).toMatch(/a cell of row 3 holds 4\d{4} characters, more than Excel allows in a cell \(32767\)/);
  });

  /** Row 4 with cell B4 written over and over (the last one wins) to `bytes` of XML: varied numbers deflate ~4:1. */
  function longRow(bytes: number): { path: string; last: string } {
    const pieces: string[] = [];
    let value = 0;
    for (let i = 0, length = 0; length < bytes; i++) {
      value = (i * 7919) % 1_000_003;
      length += pieces[pieces.push(`<c r="B4"><v>${value}</v></c>`) - 1].length;
    }
    return { path: workbook({ sheet: sheetXml(3).replace('<v>28</v></c></row>', `<v>28</v></c>${pieces.join('')}</row>`) }), last: String(value) };
  }

  it('reads a long row (3 MB of XML, over many inflated pieces) whole', async () => {
    const { path, last } = longRow(3_000_000);
    const { cells } = await readAll(path);
    expect(cells.map((c) => c[1])).toEqual(['14', '21', last]);
  });

  it('refuses a row that runs over 16 MB of XML without ending', async () => {
    const { path } = longRow(17_000_000);
    const started = performance.now();
    const err = await failure(path);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(err.message).toMatch(/row 4 runs over 16 MB of XML without ending/);
  });
});
