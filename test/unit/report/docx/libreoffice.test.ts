import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateShares } from '../../../../src/analyze/estimators/estimate-shares.js';
import { fitOls } from '../../../../src/analyze/regression/fit-ols.js';
import { loadCodebook } from '../../../../src/codebook/load-codebook.js';
import { makeDesign } from '../../../../src/core/design.js';
import { resolveVariables } from '../../../../src/analyze/estimators/resolve-variables.js';
import { readDataTable } from '../../../../src/ingest/read-data-table.js';
import { regressionSection } from '../../../../src/report/regression-section.js';
import { renderDocx } from '../../../../src/report/render-docx.js';
import { tableBlock, type ReportDocument } from '../../../../src/report/report-document.js';
import { sharesGridSection, sharesSection } from '../../../../src/report/shares-section.js';
import { convertWithLibreOffice } from '../../../helpers/soffice.js';

const run = promisify(execFile);
const sample = (name: string) => fileURLToPath(new URL(`../../../../data-samples/bazhou-2025/${name}`, import.meta.url));

let dir: string;
let pdf: string;
let text: string;
let items: number;

/** A chart-sized PNG (bars on white) standing in for the chart renderer's output. */
function chartPng(): { png: Uint8Array; width: number; height: number } {
  const image = new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="500"><rect width="1200" height="500" fill="#fff"/><rect x="200" y="80" width="700" height="120" fill="#4472c4"/><rect x="200" y="280" width="450" height="120" fill="#ed7d31"/></svg>').render();
  return { png: image.asPng(), width: image.width, height: image.height };
}

// The bundled study's real sections (a share by area and a wide grid of shares with their charts, an OLS table with its coefficient plot) and a table too wide for a portrait page rendered to Word, then opened by LibreOffice.
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'survey-docx-lo-'));
  const codebook = await loadCodebook(sample('codebook.yaml'));
  const design = makeDesign((await readDataTable(sample('responses.csv'), { codebook })).table);
  const satisfaction = resolveVariables(design.table, ['satisfaction']);
  items = satisfaction.length;
  const doc: ReportDocument = {
    title: '巴州区城乡居民幸福生活调查（2025）结项报告',
    byline: ['课题组', '2025-06-30'],
    blocks: [
      { kind: 'heading', level: 1, text: '二、主要发现' },
      ...sharesSection(estimateShares(design, { variable: 'happiness', top: 2, by: 'area' }), 'zh', { id: 'happiness' }),
      ...sharesGridSection(satisfaction.map((variable) => estimateShares(design, { variable, top: 2, by: 'area' })), 'zh', { id: 'grid' }),
      { kind: 'heading', level: 1, text: '三、影响因素分析' },
      ...regressionSection(fitOls(design, 'happiness ~ log(income) + sat_health_cost + area'), codebook, 'zh', { id: 'ols' }),
      tableBlock('各组的置信区间', ['题项', ...Array.from({ length: 8 }, (_, i) => `第${i + 1}组`)], [['家庭生活', ...Array.from({ length: 8 }, (_, i) => `${60 + i}.8%–${70 + i}.7%`)]]),
    ],
  };
  const docx = join(dir, 'report.docx');
  await writeFile(docx, await renderDocx(doc, { lang: 'zh', images: new Map(['happiness', 'grid', 'ols'].map((id) => [id, chartPng()])) }));
  pdf = await convertWithLibreOffice(docx, 'pdf', dir);
  text = (await run('pdftotext', ['-layout', pdf, '-'])).stdout;
}, 180_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the Word report in LibreOffice', () => {
  it('converts to a PDF with pages', async () => {
    expect(existsSync(pdf), 'soffice wrote no PDF (is LibreOffice installed? scripts/system-packages.sh)').toBe(true);
    const info = (await run('pdfinfo', [pdf])).stdout;
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBeGreaterThanOrEqual(1);
    expect(info).toMatch(/^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/m);
  });

  it('shows the title, numbered captions, table cells and the page number', () => {
    // The 2号 title takes two lines.
    expect(text.replace(/\s+/g, '')).toContain('巴州区城乡居民幸福生活调查（2025）结项报告');
    expect(text).toMatch(/表\s*1\s*总体而言，您觉得自己的生活幸福吗？/);
    expect(text).toMatch(/图\s*3\s*“幸福感”的影响因素：线性回归/);
    expect(text).toMatch(/城市\s+\d{4}\s+\d{4}\s+\d+\.\d%/);
    expect(text).toContain('人均可支配收入（取对数）');
    // The wide grid's numbers each stay on one line: a row reads as one line of values.
    expect(text).toMatch(/生态环境\s+\d{4,5}\s+\d+\.\d%\s+\d+\.\d%–\d+\.\d%\s+\d+\.\d%\s+\d+\.\d%/);
    // Every item's row, a long label wrapped or not: n, share, interval, the two areas' shares, their difference and p.
    expect(text.match(/\d{4,5}\s+\d+\.\d%\s+\d+\.\d%–\d+\.\d%\s+\d+\.\d%\s+\d+\.\d%\s+-?\d+\.\d\s+(?:< )?0\.\d{3}$/gm)).toHaveLength(items);
    expect(text).toMatch(/—\s*1\s*—/);
  });

  it('turns the page for a table too wide for portrait, numbers whole, pages numbered on', async () => {
    const pages = Number(/^Pages:\s+(\d+)/m.exec((await run('pdfinfo', [pdf])).stdout)?.[1]);
    const last = (await run('pdfinfo', ['-f', String(pages), '-l', String(pages), pdf])).stdout;
    expect(last).toMatch(/^Page\s+\d+ size:\s+841\.\d+ x 595\.\d+ pts/m);
    expect(text).toMatch(/家庭生活(?:\s+6\d\.8%–7\d\.7%){8}/);
    expect(text).toMatch(new RegExp(`—\\s*${pages}\\s*—`));
  });
});
