import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertWithLibreOffice } from '../helpers/soffice.js';
import { runCli, tempDir } from '../helpers/run-cli.js';

const sample = (name: string) => fileURLToPath(new URL(`../../data-samples/bazhou-2025/${name}`, import.meta.url));
const dir = tempDir('survey-run-pdf-');
const folder = join(dir, 'out', 'pdf-check');

/** The text of a PDF's pages, one string each (pdftotext, layout kept). */
function pdfPages(pdf: string): string[] {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f').slice(0, -1);
}

let docxPages: string[];
let xlsxPages: string[];

// A 结项 plan with everything a team adds (cover fields, 背景, 对策建议 and 摘要 texts) on 600 of the
// bundled study's rows, so that LibreOffice converts its Word and Excel reports in seconds.
beforeAll(async () => {
  const rows = readFileSync(sample('responses.csv'), 'utf8').split('\n').slice(0, 601).join('\n');
  writeFileSync(join(dir, 'responses.csv'), `${rows}\n`);
  writeFileSync(join(dir, 'background.md'), '巴州区近年来持续推进民生工程。\n');
  writeFileSync(join(dir, 'recommendations.md'), '据此提出以下建议：\n\n1. **减轻医疗费用负担。** 提高基层报销比例。\n2. 促进农村居民增收。\n\n# 近期工作\n\n- 开展专项调研。\n');
  writeFileSync(join(dir, 'summary.md'), '课题组认为，提升农村居民幸福感的关键在于减轻负担。\n');
  writeFileSync(
    join(dir, 'plan.yaml'),
    [
      'name: pdf-check',
      'title: 巴州区城乡居民幸福生活调查（抽样）结项报告',
      'authors: [课题组]',
      'unit: 巴州区社会科学界联合会',
      'date: 2025-06-30',
      'data: responses.csv',
      `codebook: ${JSON.stringify(sample('codebook.yaml'))}`,
      'distributed: 650',
      `weight: {targets: ${JSON.stringify(sample('population.yaml'))}}`,
      'profile: {vars: [sex, age, education, income], by: area}',
      'cover: {number: BZSK2025-017, category: 年度一般课题, leader: 张三, issuer: 巴州区社会科学界联合会制}',
      'sections: {背景: background.md, 对策建议: recommendations.md, 摘要: summary.md}',
      'analyses:',
      '  - {command: shares, var: happiness, top: 2, by: area}',
      '  - {command: shares, var: satisfaction, top: 2, by: area}',
      '  - {command: means, var: income, by: area}',
      '  - {command: reliability, group: satisfaction}',
      '  - {command: regress, formula: "happiness ~ log(income) + sat_health_cost", model: ologit}',
    ].join('\n'),
  );
  const r = (await runCli(['run', join(dir, 'plan.yaml'), '--out', join(dir, 'out')]));
  expect(r.code, r.stderr).toBe(0);
  const [docxPdf, xlsxPdf] = await Promise.all([
    convertWithLibreOffice(join(folder, 'report.docx'), 'pdf', join(dir, 'docx')),
    convertWithLibreOffice(join(folder, 'report.xlsx'), 'pdf', join(dir, 'xlsx')),
  ]);
  docxPages = pdfPages(docxPdf);
  xlsxPages = pdfPages(xlsxPdf);
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the 结项 report as LibreOffice prints it', () => {
  it('opens with the cover page: 立项编号 and the fields from the plan, the title and date standing in, no page number', () => {
    const cover = docxPages[0];
    for (const text of ['立项编号：BZSK2025-017', '结项报告', '项目类别：', '年度一般课题', '项目名称：', '项目负责人：', '张三', '所在单位：', '填表日期：', '巴州区社会科学界联合会制']) {
      expect(cover.replace(/ +/g, ''), text).toContain(text.replace(/ +/g, ''));
    }
    // 项目名称: the title less 结项报告, which the cover's heading says.
    expect(cover).toMatch(/项目名称：\s+巴州区城乡居民幸福生活调查（抽样）\n/);
    expect(cover.replace(/\s+/g, '')).toContain('2025年6月30日');
    expect(cover).not.toMatch(/—\s*\d+\s*—/);
  });

  it('has a 目录 listing every chapter with the page it starts on, as the footers number them', () => {
    const contents = docxPages[1];
    expect(contents).toMatch(/^\s*目录/m);
    const entries = [...contents.matchAll(/^\s*(\S.*?)\s*\.{4,}\s*(\d+)\s*$/gm)].map((m) => ({ text: m[1], page: Number(m[2]) }));
    expect(entries.map((e) => e.text)).toEqual(['摘要', '一、研究背景', '二、调研基本情况', '三、主要发现', '四、影响因素分析', '五、对策建议', '近期工作', '六、数据与方法']);
    // The body numbers from 1 after the cover and the 目录; each entry's page holds its heading.
    const numbered = docxPages.map((page) => Number(/—\s*(\d+)\s*—/.exec(page)?.[1] ?? Number.NaN));
    expect(numbered.slice(0, 3)).toEqual([Number.NaN, Number.NaN, 1]);
    for (const entry of entries) {
      const page = docxPages[numbered.indexOf(entry.page)];
      expect(page, `${entry.text} on page ${entry.page}`).toMatch(new RegExp(`^\\s*${entry.text}\\s*$`, 'm'));
    }
  });

  it('has the 摘要 with the key findings and the team\'s text, and the team\'s 背景 and 对策建议 in their places', () => {
    const body = docxPages.slice(2).join('\n').replace(/[ \t]+/g, '');
    expect(body).toMatch(/摘要\n本次调查发放问卷650份，回收600份/);
    expect(body).toMatch(/1\.调查结果显示/);
    expect(body).toContain('课题组认为，提升农村居民幸福感的关键在于减轻负担。');
    expect(body.indexOf('巴州区近年来持续推进民生工程。')).toBeLessThan(body.indexOf('二、调研基本情况'));
    expect(body.indexOf('减轻医疗费用负担。')).toBeGreaterThan(body.indexOf('四、影响因素分析'));
    expect(body.indexOf('减轻医疗费用负担。')).toBeLessThan(body.indexOf('六、数据与方法'));
  });

  it('fits the report and the workbook on a sensible number of pages', () => {
    expect(docxPages.length).toBeGreaterThanOrEqual(10);
    expect(docxPages.length).toBeLessThanOrEqual(30);
    // Every sheet fitted to the page width: a few pages each, not hundreds.
    expect(xlsxPages.length).toBeGreaterThanOrEqual(10);
    expect(xlsxPages.length).toBeLessThanOrEqual(40);
    expect(xlsxPages[0]).toContain('巴州区城乡居民幸福生活调查（抽样）结项报告');
    expect(xlsxPages.join('\n')).toContain('清洗汇总（份）');
  });
});
