import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryText } from '../../../../src/io/zip/zip-entry-text.js';
import { readZipEntries } from '../../../../src/io/zip/zip-entries.js';
import { renderDocx } from '../../../../src/report/render-docx.js';
import { keepRelationsWhole } from '../../../../src/report/docx-xml.js';
import { tableBlock, type ReportDocument } from '../../../../src/report/report-document.js';

const bars = (title: string) => ({ type: 'bars' as const, title, categories: ['城市', '农村'], series: [{ name: '', values: [0.6, 0.4] }], axisLabel: '比例 (%)', percent: true });

const doc: ReportDocument = {
  title: '巴州区城乡居民幸福生活调查（2025）结项报告',
  byline: ['课题组', '巴州区社会科学界联合会', '2025-06-30'],
  blocks: [
    { kind: 'heading', level: 1, text: '一、调研基本情况' },
    { kind: 'paragraph', text: '本次调查发放问卷10400份，有效问卷10090份。' },
    { kind: 'heading', level: 2, text: '（一）样本' },
    tableBlock('样本结构', ['组别', '人数', '占比'], [['城市', '6055', '60.0%'], ['农村', '4035', '40.0%']], { notes: ['注：不加权。'] }),
    { kind: 'heading', level: 3, text: '1. 幸福感' },
    { kind: 'chart', id: 'happy', chart: bars('幸福比例') },
    { kind: 'chart', id: 'missing', chart: bars('没有图片的图') },
    tableBlock('表7 已编号的表', ['变量', '系数'], [['log(income)', '0.608']]),
    tableBlock('回归结果', ['变量', '系数'], [['area', '0.007']]),
  ],
};

/** A 400×200 PNG (a bar on white), drawn the way the chart renderer draws: SVG through resvg. */
function png(): { png: Uint8Array; width: number; height: number } {
  const image = new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><rect width="400" height="200" fill="#fff"/><rect x="40" y="60" width="250" height="80" fill="#4472c4"/></svg>').render();
  return { png: image.asPng(), width: image.width, height: image.height };
}

let dir: string;

/** Renders `report` and returns its parts by path, as text (the media parts only by name). */
async function parts(report: ReportDocument, lang: 'zh' | 'en', images = new Map([['happy', png()]])): Promise<Map<string, string>> {
  const file = join(dir, `${lang}-${images.size}.docx`);
  const bytes = await renderDocx(report, { lang, images });
  await writeFile(file, bytes);
  const entries = await readZipEntries(file, bytes.length);
  const texts = new Map<string, string>();
  for (const [name, entry] of entries) texts.set(name, name.startsWith('word/media/') ? '' : await entryText(file, entry));
  return texts;
}

/** The `<w:style>` element with this id. */
function style(styles: string, id: string): string {
  const found = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`).exec(styles);
  if (!found) throw new Error(`no style ${id}`);
  return found[0];
}

let zh: Map<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'survey-docx-'));
  zh = await parts(doc, 'zh');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('renderDocx: the 结项 format', () => {
  it('sets the body in 3号 方正仿宋-GBK with Times New Roman for Latin, a 2-character indent and a fixed 29 pt line', () => {
    const defaults = /<w:docDefaults>.*<\/w:docDefaults>/.exec(zh.get('word/styles.xml')!)![0];
    expect(defaults).toContain('<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="方正仿宋-GBK" w:hAnsi="Times New Roman"/>');
    expect(defaults).toContain('<w:sz w:val="32"/>');
    expect(defaults).toContain('<w:spacing w:after="0" w:before="0" w:line="580" w:lineRule="exact"/>');
    expect(defaults).toContain('w:firstLineChars="200"');
    expect(defaults).toContain('<w:jc w:val="left"/>');
  });

  it('uses real Title and Heading1–3 styles with the required fonts, sizes and outline levels', () => {
    const styles = zh.get('word/styles.xml')!;
    const title = style(styles, 'Title');
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain('<w:jc w:val="center"/>');
    const expected = [
      ['Heading1', '方正黑体-GBK', 0],
      ['Heading2', '方正楷体-GBK', 1],
      ['Heading3', '方正仿宋-GBK', 2],
    ] as const;
    for (const [id, font, level] of expected) {
      const heading = style(styles, id);
      expect(heading, id).toContain(`w:eastAsia="${font}"`);
      expect(heading, id).toContain('w:ascii="Times New Roman"');
      expect(heading, id).toContain('<w:sz w:val="32"/>');
      expect(heading, id).toContain(`<w:outlineLvl w:val="${level}"/>`);
      expect(heading, id).toContain('<w:keepNext/>');
    }
    expect(style(styles, 'Heading3')).toMatch(/<w:b\/>/);
    expect(style(styles, 'Heading1')).not.toMatch(/<w:b\/>|<w:color/);
    expect(style(styles, 'Byline')).toContain('w:eastAsia="方正楷体-GBK"');
    const body = zh.get('word/document.xml')!;
    for (const id of ['Title', 'Byline', 'Heading1', 'Heading2', 'Heading3']) expect(body).toContain(`<w:pStyle w:val="${id}"/>`);
  });

  it('sets a title too long for one 2号 line on two balanced lines', () => {
    const title = /<w:p><w:pPr><w:pStyle w:val="Title"\/><\/w:pPr>(.*?)<\/w:p>/.exec(zh.get('word/document.xml')!)![1];
    expect(title).toBe('<w:r><w:t xml:space="preserve">巴州区城乡居民幸福生活调查</w:t></w:r><w:r><w:br/></w:r><w:r><w:t xml:space="preserve">（2025）结项报告</w:t></w:r>');
  });

  it('lists fallbacks for the 方正 fonts in the font table', () => {
    const fonts = zh.get('word/fontTable.xml')!;
    expect(fonts).toContain('<w:font w:name="方正仿宋-GBK"><w:altName w:val="方正仿宋_GBK,仿宋,FangSong"/>');
    expect(fonts).toContain('<w:font w:name="方正黑体-GBK"><w:altName w:val="方正黑体_GBK,黑体,SimHei"/>');
    expect(fonts).toContain('<w:font w:name="方正楷体-GBK"><w:altName w:val="方正楷体_GBK,楷体,KaiTi"/>');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体,SimSun"/>');
    expect(fonts.match(/<w:charset w:val="86"\/>/g)).toHaveLength(5);
  });

  it('lays out A4 with GB/T 9704 margins', () => {
    const section = /<w:sectPr>.*<\/w:sectPr>/.exec(zh.get('word/document.xml')!)![0];
    expect(section).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(section).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  });

  it('draws 三线表: 1.5 pt top and bottom rules, 0.75 pt under the header, nothing else; header repeats, rows stay whole', () => {
    const body = zh.get('word/document.xml')!;
    const table = /<w:tbl>.*?<\/w:tbl>/.exec(body)![0];
    const borders = /<w:tblBorders>.*?<\/w:tblBorders>/.exec(table)![0];
    expect(borders).toContain('<w:top w:val="single" w:color="000000" w:sz="12"/>');
    expect(borders).toContain('<w:bottom w:val="single" w:color="000000" w:sz="12"/>');
    for (const side of ['left', 'right', 'insideH', 'insideV']) expect(borders).toContain(`<w:${side} w:val="none"`);
    const [header, ...rows] = table.match(/<w:tr>.*?<\/w:tr>/g)!;
    expect(header).toContain('<w:tblHeader/>');
    expect(header.match(/<w:bottom w:val="single" w:color="000000" w:sz="6"\/>/g)).toHaveLength(3);
    for (const row of rows) {
      expect(row).toContain('<w:cantSplit/>');
      expect(row).not.toContain('<w:tcBorders>');
    }
    // Sized to its content (and room), not stretched across the 8845-twip text width, but at least half of it; centred.
    const tableWidth = Number(/<w:tblW w:type="dxa" w:w="(\d+)"\/>/.exec(table)![1]);
    expect(tableWidth).toBeGreaterThanOrEqual(4423);
    expect(tableWidth).toBeLessThan(8845);
    expect(table).toContain('<w:jc w:val="center"/>');
    const widths = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(widths.reduce((a, b) => a + b, 0)).toBe(tableWidth);
    expect(rows[0]).toContain('<w:jc w:val="right"/></w:pPr><w:r><w:t xml:space="preserve">6055</w:t>');
    // Every row keeps with the next, so a short table is not split, and the last with the note under it, so the note never starts a page alone.
    expect(rows[0]).toContain('<w:keepNext/>');
    expect(rows[1]).toContain('<w:keepNext/>');
    expect(style(zh.get('word/styles.xml')!, 'TableText')).toContain('<w:sz w:val="21"/>');
  });

  it('sets a table too wide for 五号 in 小五 and keeps every number on one line', async () => {
    const columns = ['题项', '有效样本', '全部', '95%置信区间', '城市', '农村', '城市−农村（百分点）', 'p', '加权占比', '加权95%置信区间'];
    const row = ['家庭生活', '10030', '24.6%', '23.7%–25.4%', '27.0%', '20.9%', '6.1', '< 0.001', '24.9%', '24.1%–25.8%'];
    const wide = await parts({ title: 't', byline: [], blocks: [tableBlock('各项满意比例', columns, [row, row])] }, 'zh', new Map());
    const table = /<w:tbl>.*?<\/w:tbl>/.exec(wide.get('word/document.xml')!)![0];
    expect(table).toContain('<w:pStyle w:val="TableTextCompact"/>');
    expect(table).not.toContain('<w:pStyle w:val="TableText"/>');
    const widths = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(widths.reduce((a, b) => a + b, 0)).toBe(8845);
    // Room for each number at 9 pt in DejaVu Serif and Sans, the widest of the faces a reader sets Times New Roman's text in when it lacks Times (bare Linux LibreOffice): digits 0.636 em, % 0.95, < − 0.838, . and space 0.318, – 0.5, - 0.361; plus both cell margins.
    const em: Record<string, number> = { '%': 0.95, '<': 0.838, '−': 0.838, '.': 0.318, ' ': 0.318, '–': 0.5, '-': 0.361 };
    const margins = 2 * Number(/<w:tblCellMar>.*?<w:left w:type="dxa" w:w="(\d+)"\/>/.exec(table)![1]);
    row.forEach((text, i) => {
      const dejaVu = [...text].reduce((w, ch) => w + (em[ch] ?? 0.636) * 180, 0);
      if (i > 0) expect(widths[i], columns[i]).toBeGreaterThanOrEqual(Math.ceil(dejaVu) + margins);
    });
    expect(style(wide.get('word/styles.xml')!, 'TableTextCompact')).toContain('<w:sz w:val="18"/>');
  });

  it('turns the pages of a table too wide for portrait even in 小五 sideways, in a landscape section of its own', async () => {
    const columns = ['题项', ...Array.from({ length: 8 }, (_, i) => `组${i + 1}`)];
    const row = ['家庭生活', ...Array.from({ length: 8 }, () => '61.8%–63.7%')];
    const blocks = [{ kind: 'paragraph' as const, text: '前文。' }, tableBlock('很宽的表', columns, [row]), tableBlock('窄表', ['组别', '占比'], [['城市', '62.3%']])];
    const body = (await parts({ title: 't', byline: [], blocks }, 'zh', new Map())).get('word/document.xml')!;
    const sections = [...body.matchAll(/<w:sectPr>.*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sections).toHaveLength(3);
    // Portrait up to the wide table, landscape for it, portrait again from the narrow table on; every section has the page-number footer.
    expect(sections.map((s) => /w:orient="(\w+)"/.exec(s)![1])).toEqual(['portrait', 'landscape', 'portrait']);
    expect(sections[1]).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    for (const section of sections) expect(section).toContain('<w:footerReference w:type="default"');
    const [wide, narrow] = body.match(/<w:tbl>.*?<\/w:tbl>/g)!;
    expect(body.indexOf(sections[0])).toBeLessThan(body.indexOf('很宽的表'));
    expect(body.indexOf(wide)).toBeLessThan(body.indexOf(sections[1]));
    expect(body.indexOf(sections[1])).toBeLessThan(body.indexOf('窄表'));
    // The landscape text width: 297 mm less the 28 and 26 mm side margins.
    expect(wide).toContain('<w:tblW w:type="dxa" w:w="13777"/>');
    const widths = [...wide.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(widths.reduce((a, b) => a + b, 0)).toBe(13777);
    // Each interval on one line at 9 pt in DejaVu (6 digits of 0.636 em, 2 points of 0.318, 2 % of 0.95, – of 0.5), with 1 mm cell margins.
    for (const width of widths.slice(1)) expect(width).toBeGreaterThanOrEqual(Math.ceil(6.852 * 180) + 114);
    // The narrow table back on a portrait page, as wide as its content needs but at least half the text width.
    expect(narrow).toContain('<w:tblW w:type="dxa" w:w="4423"/>');
    // A table without notes: its last row keeps with nothing.
    expect(narrow).toContain('<w:keepNext w:val="false"/>');
  });

  it('gives a label column six characters before numbers their room: a grid of long labels goes across a landscape page', async () => {
    const columns = ['题项', '有效样本', '全部', '95%置信区间', '城市', '农村', '城市−农村（百分点）', 'p', '加权占比', '加权95%置信区间'];
    const row = ['公共服务供给（教育、养老、文体）', '10030', '24.6%', '23.7%–25.4%', '27.0%', '20.9%', '6.1', '< 0.001', '24.9%', '24.1%–25.8%'];
    const body = (await parts({ title: 't', byline: [], blocks: [tableBlock('各项满意比例', columns, [row])] }, 'zh', new Map())).get('word/document.xml')!;
    expect(body).toContain('w:orient="landscape"');
    const widths = [...body.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    // At least six 小五 characters (180 twips each) beside the cell margins.
    expect(widths[0]).toBeGreaterThanOrEqual(6 * 180);
  });

  it('numbers tables and figures in order, above tables and below figures, keeping numbers a title has', () => {
    const body = zh.get('word/document.xml')!;
    const captions = [...body.matchAll(/<w:pStyle w:val="(Caption|FigureCaption)"\/>.*?<w:t xml:space="preserve">(.*?)<\/w:t>/g)].map((m) => m[2]);
    expect(captions).toEqual(['表1 样本结构', '图1 幸福比例', '表7 已编号的表', '表8 回归结果']);
    expect(body.indexOf('表1 样本结构')).toBeLessThan(body.indexOf('<w:tbl>'));
    expect(body.indexOf('<w:drawing>')).toBeLessThan(body.indexOf('图1 幸福比例'));
    expect(body).toMatch(/<w:pStyle w:val="TableNote"\/>.*注：不加权。/);
  });

  it('embeds a chart as a PNG scaled to the text width, and leaves out a chart without an image', () => {
    const body = zh.get('word/document.xml')!;
    expect([...zh.keys()].filter((name) => /^word\/media\/.*\.png$/.test(name))).toHaveLength(1);
    expect(body.match(/<w:drawing>/g)).toHaveLength(1);
    // 156 mm wide at 96 dpi is 590 px of 9525 EMU; the 2:1 image keeps its aspect.
    expect(body).toContain('<wp:extent cx="5619750" cy="2809875"/>');
    expect(body).not.toContain('没有图片的图');
  });

  it('numbers pages "— n —" in the centred footer with a PAGE field, 4号 宋体', () => {
    const footer = [...zh].find(([name]) => /^word\/footer\d+\.xml$/.test(name))![1];
    expect(footer).toMatch(/<w:pStyle w:val="Footer"\/>.*<w:t xml:space="preserve">— <\/w:t><w:fldChar w:fldCharType="begin"\/><w:instrText xml:space="preserve">PAGE<\/w:instrText>.*<w:t xml:space="preserve"> —<\/w:t>/);
    const footerStyle = style(zh.get('word/styles.xml')!, 'Footer');
    expect(footerStyle).toContain('w:ascii="宋体"');
    expect(footerStyle).toContain('<w:sz w:val="28"/>');
    expect(footerStyle).toContain('<w:jc w:val="center"/>');
  });

  it('records the title and authors in the document properties', () => {
    const core = zh.get('docProps/core.xml')!;
    expect(core).toContain('<dc:title>巴州区城乡居民幸福生活调查（2025）结项报告</dc:title>');
    expect(core).toContain('<dc:creator>课题组</dc:creator>');
  });
});

describe('renderDocx in English', () => {
  it('keeps the layout, captions as Table n / Figure n, and heads by weight since Times New Roman has no 黑体', async () => {
    const en = await parts({ ...doc, title: 'Happiness Survey', blocks: doc.blocks.slice(0, 6) }, 'en');
    const body = en.get('word/document.xml')!;
    expect(body).toContain('Table 1. 样本结构');
    expect(body).toContain('Figure 1. 幸福比例');
    const styles = en.get('word/styles.xml')!;
    expect(style(styles, 'Heading1')).toMatch(/w:ascii="Times New Roman".*<w:b\/>/);
    expect(style(styles, 'Title')).toMatch(/<w:b\/>.*<w:sz w:val="44"\/>/);
  });

  it('renders a document without charts, byline or tables', async () => {
    const plain = await parts({ title: 'Plain', byline: [], blocks: [{ kind: 'paragraph', text: 'Only text.' }] }, 'en', new Map());
    expect(plain.get('word/document.xml')).toContain('Only text.');
    expect([...plain.keys()].some((name) => name.startsWith('word/media/'))).toBe(false);
  });
});

describe('renderDocx: the package', () => {
  it('has every part its content types and relationships name, and one media file and unique drawing id per chart', async () => {
    const report: ReportDocument = { ...doc, blocks: [...doc.blocks, { kind: 'chart', id: 'again', chart: bars('再一张图') }] };
    const files = await parts(report, 'zh', new Map([['happy', png()], ['again', png()]]));
    const overrides = [...files.get('[Content_Types].xml')!.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]);
    expect(overrides).toContain('word/document.xml');
    for (const name of overrides) expect(files.has(name), name).toBe(true);
    for (const [rels, base] of [['_rels/.rels', ''], ['word/_rels/document.xml.rels', 'word/']]) {
      for (const [, target] of files.get(rels)!.matchAll(/Target="([^"]+)"/g)) expect(files.has(base + target), target).toBe(true);
    }
    const ids = new Set([...files.get('word/_rels/document.xml.rels')!.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]));
    const body = files.get('word/document.xml')!;
    for (const [, id] of body.matchAll(/r:(?:embed|id)="([^"]+)"/g)) expect(ids.has(id), id).toBe(true);
    expect([...files.keys()].filter((name) => name.startsWith('word/media/'))).toHaveLength(2);
    const drawingIds = [...body.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(drawingIds).size).toBe(2);
  });

  it('escapes XML specials and shows the control characters XML cannot hold as U+FFFD', async () => {
    const text = 'A & B <c> "d"\u0001';
    const report: ReportDocument = { title: text, byline: [text], blocks: [{ kind: 'paragraph', text }, tableBlock(text, [text, 'n'], [[text, '1']]), { kind: 'chart', id: 'happy', chart: bars(text) }] };
    const files = await parts(report, 'en');
    const body = files.get('word/document.xml')!;
    expect(body).not.toContain('\u0001');
    expect(body).toContain('<w:t xml:space="preserve">A &amp; B &lt;c&gt; &quot;d&quot;\ufffd</w:t>');
    expect(body).toContain('descr="A &amp; B &lt;c&gt; &quot;d&quot;\ufffd"');
    expect(files.get('docProps/core.xml')).toContain('<dc:title>A &amp; B &lt;c&gt; &quot;d&quot;\ufffd</dc:title>');
  });
});

describe('keepRelationsWhole: no line ends inside p < 0.001', () => {
  it('joins a relation to both sides with no-break spaces and leaves other spaces alone', () => {
    expect(keepRelationsWhole('系数0.265，p < 0.001；N = 9705，χ²(4) = 372.43')).toBe('系数0.265，p\u00a0<\u00a00.001；N\u00a0=\u00a09705，χ²(4)\u00a0=\u00a0372.43');
    expect(keepRelationsWhole('Welch t 检验 < 0.001 and a<b')).toBe('Welch t 检验\u00a0<\u00a00.001 and a<b');
  });
});
