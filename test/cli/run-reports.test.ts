import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTable } from '../../src/ingest/read/open-table.js';
import { entryText } from '../../src/io/zip/zip-entry-text.js';
import { readXlsxWorkbook } from '../../src/io/xlsx/read/xlsx-workbook.js';
import { readZipEntries } from '../../src/io/zip/zip-entries.js';
import { runCli, tempDir } from '../helpers/run-cli.js';
import { convertWithLibreOffice } from '../helpers/soffice.js';

const plan = fileURLToPath(new URL('../../data-samples/bazhou-2025/plan.yaml', import.meta.url));
const dir = tempDir('survey-reports-');
// --lang en on a zh plan: a folder of its own beside the Chinese report's.
const folder = join(dir, 'out', 'bazhou-2025-en');
const file = (name: string) => join(folder, name);

/** The cells of the n-th sheet (1-based), row by row: numbers as numbers, text as text, read from the sheet's XML. */
async function sheetCells(xlsx: string, n: number): Promise<{ number: number | null; text: string | null }[][]> {
  const entries = await readZipEntries(xlsx, statSync(xlsx).size);
  const read = async (name: string) => {
    const entry = entries.get(name);
    return entry ? entryText(xlsx, entry) : '';
  };
  const shared = [...(await read('xl/sharedStrings.xml')).matchAll(/<si>(.*?)<\/si>/gs)].map((m) => m[1].replace(/<[^>]+>/g, ''));
  const rows = [...(await read(`xl/worksheets/sheet${n}.xml`)).matchAll(/<row [^>]*>(.*?)<\/row>/gs)];
  return rows.map((row) => {
    const cells: { number: number | null; text: string | null }[] = [];
    for (const c of row[1].matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)) {
      const col = [...c[1]].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const value = /<v>(.*?)<\/v>/s.exec(c[3] ?? '')?.[1] ?? null;
      const type = /t="(\w+)"/.exec(c[2])?.[1];
      const text = type === 's' && value !== null ? shared[Number(value)] : type === 'inlineStr' ? (c[3] ?? '').replace(/<[^>]+>/g, '') : null;
      cells[col] = { number: text === null && value !== null ? Number(value) : null, text };
    }
    return cells;
  });
}

// The English report: the plan says zh, --lang en overrides it.
beforeAll(async () => {
  const r = await runCli(['run', plan, '--out', join(dir, 'out'), '--lang', 'en']);
  expect(r.code, r.stderr).toBe(0);
}, 60_000);

describe('survey run --lang en: the reports a team hands in', () => {
  it('writes the Markdown report in English, organised like a 结项 report', () => {
    const report = readFileSync(file('report.md'), 'utf8');
    // The 目录 and the 摘要 first; no cover and no team sections: their text is in the plan's language.
    expect(report).not.toContain('Project number');
    // The byline from the plan's authors_en and unit_en, not the Chinese ones.
    expect(report.split('\n').slice(2, 5)).toEqual(['The project team  ', 'Bazhou District Federation of Social Sciences (example; simulated data)  ', '2025-06-30']);
    expect(report.match(/^## .*/gm)).toEqual(['## Contents', '## Summary', '## 1. About the survey', '## 2. Main findings', '## 3. What goes with the outcomes', '## 4. Comparison with the previous wave', '## 5. Data and methods']);
    expect(report).toMatch(/Weighted to the population, the share is 56\.3% \(95% CI 55\.\d%–57\.\d%\)\./);
  });

  it('writes a workbook with the report sheets in order, numbers as numbers, and the clean data with labels', async () => {
    const xlsx = file('report.xlsx');
    const book = await readXlsxWorkbook(xlsx, await readZipEntries(xlsx, statSync(xlsx).size));
    expect(book.sheets.map((s) => s.name)).toEqual(['Overview', 'Sample', 'Cleaning', 'Set aside', 'Frequencies', 'Shares', 'Crosstabs', 'Reliability', 'Regression', 'Waves', 'Codebook', 'Data']);
    const data = await openTable(xlsx, { sheet: 'Data' });
    expect(data.header.slice(0, 3)).toEqual(['_source_row', 'id', 'submitted_at']);
    const rows: string[][] = [];
    for await (const row of data.rows()) rows.push(row.cells);
    expect(rows.length).toBe(1 + 10090); // the question-text row, then every kept questionnaire
    const area = data.header.indexOf('area');
    expect(new Set(rows.slice(1).map((r) => r[area]))).toEqual(new Set(['Urban', 'Rural']));
    const results = JSON.parse(readFileSync(file('results.json'), 'utf8'));
    const shares = await sheetCells(xlsx, 6);
    const first = shares.find((row) => row[1]?.text === 'All') ?? [];
    // The first share row: n, count, share — numbers (the share formatted 0.0%), as in results.json.
    const all = results.analyses[0].results[0].groups[0];
    expect(first.slice(2, 5).map((c) => c.number)).toEqual([all.n, all.count, all.share]);
    expect(first.slice(2, 5).every((c) => c.text === null)).toBe(true);
  });

  it('opens in LibreOffice: the workbook converts headless, the Word report becomes a PDF with its text', async () => {
    const csv = await convertWithLibreOffice(file('report.xlsx'), 'csv', dir);
    expect(readFileSync(csv, 'utf8')).toContain('Happiness Survey');
    const pdf = await convertWithLibreOffice(file('report.docx'), 'pdf', dir);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(5);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Main findings');
    expect(text).toMatch(/Figure 1/);
    expect(text).toMatch(/—\s*2\s*—/);
  }, 240_000);

  it('without a CJK font, warns and writes Word and Excel without charts rather than charts without text', async () => {
    const r = await runCli(['run', plan, '--out', join(dir, 'nofont'), '--json'], { env: { SURVEY_CJK_FONT: join(dir, 'no-such-font.ttc') } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: SURVEY_CJK_FONT=.*no-such-font\.ttc: no such font file: the Word and Excel reports are written without their 5 charts/);
    const summary = JSON.parse(r.stdout);
    expect(summary.files.filter((f: string) => f.endsWith('.png'))).toEqual([]);
    expect(summary.files).toContain('report.docx');
    expect(summary.warnings).toHaveLength(1);
    expect(readdirSync(join(dir, 'nofont', 'bazhou-2025', 'charts')).every((f) => f.endsWith('.svg'))).toBe(true);
  });

  it('lists each chart once as SVG and once as PNG', () => {
    const charts = readdirSync(file('charts'));
    expect(charts.filter((c) => c.endsWith('.svg')).length).toBe(5);
    expect(charts.filter((c) => c.endsWith('.png')).length).toBe(5);
  });
});
