import { describe, expect, it } from 'vitest';
import { prerenderSheet } from '../../../../../src/io/xlsx/write/prerender-sheet.js';
import { writeXlsx } from '../../../../../src/io/xlsx/write/write-xlsx.js';
import type { CellStyle, Sheet, Workbook } from '../../../../../src/io/xlsx/write/xlsx-model.js';
import { readAll } from '../../../ingest/collect-rows.js';
import { readParts, saveXlsx } from './xlsx-files.js';

/** A 1×1 PNG: signature, IHDR, IDAT, IEND (the writer checks only the signature). */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2b2c9170000000049454e44ae426082',
  'hex',
);

const book = (...sheets: Sheet[]): Workbook => ({ sheets });
const sheetXml = async (path: string, n = 1): Promise<string> => (await readParts(path)).get(`xl/worksheets/sheet${n}.xml`) ?? '';

describe('writeXlsx', () => {
  it('writes values that the repo reader reads back: CJK, XML specials, control characters, booleans, empties', async () => {
    const text = ['满意度', '<&>"\'', 'a\u0001b', 'tab\tcr\r\nlf', '_x0041_ stays', '=1+1', '😀 pair', 'lone \ud800 surrogate', '\ufffe'];
    const path = saveXlsx(book({ name: '答卷', rows: [['列'], ...text.map((t) => [t]), [true], [false], [null], [Number.NaN], [Infinity], [{ value: '带样式', style: { bold: true } }]] }));
    const { table, cells } = await readAll(path);
    expect(table.header).toEqual(['列']);
    expect(cells).toEqual([
      ['满意度'], ['<&>"\''], ['a\u0001b'], ['tab\tcr\r\nlf'], ['_x0041_ stays'], ['=1+1'], ['😀 pair'], ['lone \ufffd surrogate'], ['\ufffd'],
      ['TRUE'], ['FALSE'], [''], [''], [''], ['带样式'],
    ]);
  });

  it('keeps every cell in its column across gaps', async () => {
    const path = saveXlsx(book({ name: 'S', rows: [['a', 'b', 'c', 'd'], [1, null, 3, null], [null, 'x', undefined as unknown as null, 'y'], [], [0]] }));
    expect((await readAll(path)).cells).toEqual([['1', '', '3', ''], ['', 'x', '', 'y'], ['', '', '', ''], ['0', '', '', '']]);
  });

  it('writes numbers as the shortest text that reads back as the same double', async () => {
    const numbers = [0.1 + 0.2, 1e-300, -0, 2 ** 53, -(2 ** 53), 1e21, 123456789012345680000, -12.5, 5e-324, Number.MAX_VALUE, 3];
    const path = saveXlsx(book({ name: 'S', rows: [numbers] }));
    const values = [...(await sheetXml(path)).matchAll(/<c[^>]*><v>([^<]*)<\/v><\/c>/g)].map((m) => m[1]);
    expect(values).toEqual(numbers.map(String));
    expect(values.map(Number)).toEqual(numbers.map((n) => (Object.is(n, -0) ? 0 : n)));
    // The reader shows at most 15 significant digits, as Excel does.
    expect((await readAll(saveXlsx(book({ name: 'S', rows: [['h'], [0.1 + 0.2]] })))).cells).toEqual([['0.3']]);
  });

  it('names every cell and keeps styled empty cells', async () => {
    const rule: CellStyle = { border: { bottom: 'medium' } };
    const xml = await sheetXml(saveXlsx(book({ name: 'S', rows: [[1, null, 3, { value: null, style: rule }], [], [null, 'x']] })));
    expect(xml).toContain('<row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c><c r="D1" s="1"/></row><row r="3"><c r="B3" t="s"><v>0</v></c></row>');
    expect(xml).toContain('<dimension ref="A1:D3"/>');
  });

  it('keeps text that looks like a formula as text, with the quote prefix that keeps it text when edited', async () => {
    const bold: CellStyle = { bold: true };
    const path = saveXlsx(book({ name: 'S', rows: [['h1', 'h2', 'h3', 'h4', 'h5', 'h6'], ['=1+1', '+86 123', { value: '@sum', style: bold }, '-3', 'a=b', 7]] }));
    const parts = await readParts(path);
    const xml = parts.get('xl/worksheets/sheet1.xml') ?? '';
    expect(xml).not.toContain('<f>');
    const s = [...xml.matchAll(/<c r="(\w+)2"(?: s="(\d+)")?/g)].map((m) => Number(m[2] ?? 0));
    const xfs = [...(parts.get('xl/styles.xml') ?? '').matchAll(/<xf [^>]*?xfId="0"[^>]*?>/g)].map((m) => m[0]);
    const quoted = s.map((i) => xfs[i].includes('quotePrefix="1"'));
    expect(quoted).toEqual([true, true, true, true, false, false]);
    expect(xfs[s[2]]).toContain('applyFont="1"'); // the prefix keeps the cell's own style
    expect((await readAll(path)).cells).toEqual([['=1+1', '+86 123', '@sum', '-3', 'a=b', '7']]);
  });

  it('gives equal styles one cell format, built-in and custom number formats, and the fills Excel requires first', async () => {
    const percent: CellStyle = { numFmt: '0.0%' };
    const rows = [[{ value: 1, style: percent }, { value: 2, style: percent }, { value: 3, style: { numFmt: '0.0%' } }, { value: 4, style: { numFmt: '0.00%' } }, { value: 5, style: { bold: true, fill: 'ffeeDD' } }]];
    const path = saveXlsx(book({ name: 'S', rows }));
    const parts = await readParts(path);
    const s = [...(parts.get('xl/worksheets/sheet1.xml') ?? '').matchAll(/<c r="\w+" s="(\d+)"/g)].map((m) => Number(m[1]));
    expect(s).toEqual([1, 1, 1, 2, 3]);
    const styles = parts.get('xl/styles.xml') ?? '';
    expect(styles).toContain('<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>');
    expect(styles).toContain('<xf numFmtId="10" ');
    expect(styles).toContain('<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFEEDD"/>');
    expect(styles).toContain('<cellXfs count="4">');
    expect(styles).toContain('<name val="宋体"/><charset val="134"/>');
  });

  it('writes alignment, indent, wrap and three-line-table borders', async () => {
    const rows = [[{ value: 'a', style: { indent: 2 } }, { value: 'b', style: { align: 'center', valign: 'top', wrap: true } }, { value: 'c', style: { border: { top: 'medium', bottom: 'thin' } } }]] as Sheet['rows'];
    const styles = (await readParts(saveXlsx(book({ name: 'S', rows })))).get('xl/styles.xml') ?? '';
    expect(styles).toContain('<alignment horizontal="left" indent="2"/>');
    expect(styles).toContain('<alignment horizontal="center" vertical="top" wrapText="1"/>');
    expect(styles).toContain('<top style="medium"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom>');
  });

  it('freezes header rows and columns, sizes columns, colours the tab and merges ranges', async () => {
    const path = saveXlsx(book(
      { name: 'A', rows: [['x']], freeze: { rows: 1 }, columnWidths: [20, 0, 300], tabColor: '4472C4', merges: [{ row: 0, col: 0, rows: 1, cols: 3 }, { row: 2, col: 1, rows: 1, cols: 1 }] },
      { name: 'B', rows: [['y']], freeze: { rows: 2, cols: 1 } },
    ));
    const a = await sheetXml(path, 1);
    expect(a).toContain('<sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(a).toContain('<cols><col min="1" max="1" width="20" customWidth="1"/><col min="3" max="3" width="255" customWidth="1"/></cols>');
    expect(a).toContain('<sheetPr><tabColor rgb="FF4472C4"/></sheetPr>');
    expect(a).toContain('<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>');
    expect(await sheetXml(path, 2)).toContain('<sheetView workbookViewId="0"><pane xSplit="1" ySplit="2" topLeftCell="B3" activePane="bottomRight" state="frozen"/>');
  });

  it('makes rows with wrapped lines or a large font high enough', async () => {
    const wrap: CellStyle = { wrap: true };
    const rows = [[{ value: '标题', style: { size: 14 } }], [{ value: '第一行\n第二行', style: wrap }], [{ value: '一二三四五六七八九十', style: wrap }], [{ value: '短', style: wrap }]];
    const xml = await sheetXml(saveXlsx(book({ name: 'S', rows, columnWidths: [10] })));
    expect([...xml.matchAll(/<row [^>]*>/g)].map((m) => m[0])).toEqual(['<row r="1" ht="22">', '<row r="2" ht="33">', '<row r="3" ht="33">', '<row r="4">']);
  });

  it('places images in a drawing with their parts, relationships and content types', async () => {
    const path = saveXlsx(book(
      { name: '图', rows: [['x']], images: [{ png: PNG, width: 800, height: 500, row: 2, col: 1, name: '图1 <满意度>' }, { png: PNG, width: 10, height: 10, row: 0, col: 5, scale: 1 }] },
      { name: '无图', rows: [] },
    ));
    const parts = await readParts(path);
    expect([...parts.keys()].filter((k) => /media|drawing|_rels\/sheet/.test(k)).sort()).toEqual([
      'xl/drawings/_rels/drawing1.xml.rels', 'xl/drawings/drawing1.xml', 'xl/media/image1.png', 'xl/media/image2.png', 'xl/worksheets/_rels/sheet1.xml.rels',
    ]);
    const types = parts.get('[Content_Types].xml') ?? '';
    expect(types).toContain('<Default Extension="png" ContentType="image/png"/>');
    expect(types).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
    expect(parts.get('xl/worksheets/sheet1.xml')).toContain('<drawing r:id="rId1"/>');
    expect(parts.get('xl/worksheets/sheet2.xml')).not.toContain('<drawing');
    expect(parts.get('xl/worksheets/_rels/sheet1.xml.rels')).toContain('Target="../drawings/drawing1.xml"');
    expect(parts.get('xl/drawings/_rels/drawing1.xml.rels')).toContain('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/image2.png"/>');
    const drawing = parts.get('xl/drawings/drawing1.xml') ?? '';
    expect(drawing).toContain('<xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="3810000" cy="2381250"/>');
    expect(drawing).toContain('<xdr:ext cx="95250" cy="95250"/>');
    expect(drawing).toContain('descr="图1 &lt;满意度&gt;"');
    expect(parts.get('xl/media/image1.png')).toBe(`${PNG.length} bytes`);
  });

  it('gives the same bytes for the same workbook, and writes title and author without dates', async () => {
    const workbook: Workbook = { title: '报告 & 附表', creator: 'survey', sheets: [{ name: 'S', rows: [['a', 1.5, true]], images: [{ png: PNG, width: 1, height: 1, row: 0, col: 0 }] }] };
    expect(writeXlsx(workbook).equals(writeXlsx(workbook))).toBe(true);
    const core = (await readParts(saveXlsx(workbook))).get('docProps/core.xml') ?? '';
    expect(core).toContain('<dc:title>报告 &amp; 附表</dc:title><dc:creator>survey</dc:creator>');
    expect(core).not.toMatch(/dcterms|20\d\d-/);
  });

  it('takes a sheet rendered ahead, numbering the other sheets\' styles and strings on from it', async () => {
    const red: CellStyle = { fill: 'FF0000' };
    const big: Sheet = { name: '数据', rows: [['名称', '值'], ['甲', { value: 1, style: red }], ['=x', 2]], freeze: { rows: 1 } };
    const small: Sheet = { name: '概览', rows: [['甲', '乙'], [{ value: 3, style: { bold: true } }, { value: 4, style: red }]] };
    const ahead = saveXlsx(book(small, (await prerenderSheet(big)) as unknown as Sheet));
    const direct = saveXlsx(book(small, big));
    for (const sheet of ['概览', '数据']) expect((await readAll(ahead, { sheet })).cells).toEqual((await readAll(direct, { sheet })).cells);
    const parts = await readParts(ahead);
    // One entry per distinct text and style: 甲 and the red fill are shared by both sheets.
    expect(parts.get('xl/sharedStrings.xml')).toContain('count="6" uniqueCount="5"');
    expect([...(parts.get('xl/styles.xml') ?? '').matchAll(/<fill>/g)]).toHaveLength(3);
    expect(parts.get('xl/worksheets/sheet2.xml')).toContain('state="frozen"');
    const twice = book((await prerenderSheet(big)) as unknown as Sheet, { ...((await prerenderSheet(small)) as unknown as Sheet) });
    expect(() => writeXlsx(twice)).toThrow('a workbook takes one prerendered sheet, not 2');
  });

  it('refuses sheet names Excel refuses', () => {
    const named = (...names: string[]): Workbook => ({ sheets: names.map((name) => ({ name, rows: [] })) });
    expect(() => writeXlsx(named())).toThrow('a workbook needs at least one sheet');
    expect(() => writeXlsx(named(''))).toThrow('sheet name "" is empty');
    expect(() => writeXlsx(named('一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二'))).toThrow('has 32 characters (at most 31)');
    for (const bad of ['a/b', 'a\\b', 'a?', 'a*', 'a:b', '[a]', 'tab\there']) expect(() => writeXlsx(named(bad))).toThrow('contains one of');
    expect(() => writeXlsx(named("'quoted'"))).toThrow("starts or ends with '");
    expect(() => writeXlsx(named('History'))).toThrow('is reserved by Excel');
    expect(() => writeXlsx(named('数据 Data', '数据 DATA'))).toThrow('sheet names "数据 Data" and "数据 DATA" are the same to Excel, which ignores case');
    expect(() => writeXlsx(named('一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一'))).not.toThrow();
  });

  it('refuses text longer than an Excel cell holds, naming sheet, row and column', () => {
    const rows = [['ok'], ['ok', 'x'.repeat(32_768)]];
    expect(() => writeXlsx(book({ name: '意见', rows }))).toThrow('sheet "意见" cell B2 (row 2, column 2) holds 32768 characters; Excel allows at most 32767 in a cell');
    expect(() => writeXlsx(book({ name: '意见', rows: [['x'.repeat(32_767)]] }))).not.toThrow();
  });

  it('refuses colours, merges, panes and images that would damage the file', () => {
    const one = (sheet: Partial<Sheet>): Workbook => book({ name: 'S', rows: [['x']], ...sheet });
    expect(() => writeXlsx(one({ rows: [[{ value: 1, style: { fill: '#fff' } }]] }))).toThrow('fill "#fff" is not a colour of the form RRGGBB');
    expect(() => writeXlsx(one({ tabColor: 'blue' }))).toThrow('tab colour "blue"');
    expect(() => writeXlsx(one({ merges: [{ row: 0, col: 0, rows: 2, cols: 2 }, { row: 1, col: 1, rows: 1, cols: 2 }] }))).toThrow('merged ranges A1:B2 and B2:C2 overlap');
    expect(() => writeXlsx(one({ merges: [{ row: -1, col: 0, rows: 2, cols: 1 }] }))).toThrow('is not a range of whole cells');
    expect(() => writeXlsx(one({ freeze: { rows: 1.5 } }))).toThrow('frozen rows and columns must be whole numbers');
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
    expect(() => writeXlsx(one({ images: [{ png: jpeg, width: 1, height: 1, row: 0, col: 0, name: '图1' }] }))).toThrow('sheet "S" image 1 (图1) is not a PNG');
    expect(() => writeXlsx(one({ images: [{ png: PNG, width: 0, height: 1, row: 0, col: 0 }] }))).toThrow('size and scale must be positive');
  });

  it('stores PNGs as they are and deflates the XML parts', () => {
    const bytes = writeXlsx(book({ name: 'S', rows: [['x']], images: [{ png: PNG, width: 1, height: 1, row: 0, col: 0 }] }));
    expect(bytes.includes(PNG)).toBe(true);
    expect(bytes.includes(Buffer.from('<worksheet'))).toBe(false);
  });
});
