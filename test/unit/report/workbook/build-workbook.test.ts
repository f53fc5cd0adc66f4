import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { profileSample } from '../../../../src/analyze/estimators/profile-sample.js';
import { loadCodebook } from '../../../../src/codebook/load-codebook.js';
import { makeDesign } from '../../../../src/core/design.js';
import type { DataTable } from '../../../../src/core/data-table.js';
import { readDataTable } from '../../../../src/ingest/read-data-table.js';
import type { Cell, CellValue, Sheet } from '../../../../src/io/xlsx/write/xlsx-model.js';
import { prerenderSheet } from '../../../../src/io/xlsx/write/prerender-sheet.js';
import { writeXlsx } from '../../../../src/io/xlsx/write/write-xlsx.js';
import { buildWorkbook } from '../../../../src/report/workbook/build-workbook.js';
import { exceljsDifferences } from '../../io/xlsx/write/xlsx-files.js';
import { excludedSheet } from '../../../../src/report/workbook/cleaning-sheet.js';
import { dataSheet } from '../../../../src/report/workbook/data-sheet.js';
import type { CleanSummary } from '../../../../src/clean/clean-file.js';
import type { WorkbookInput } from '../../../../src/report/workbook/workbook-input.js';
import { runAnalysis } from '../../../../src/run/run-analysis.js';
import { loadTargets } from '../../../../src/weight/load-targets.js';
import { weightDesign } from '../../../../src/weight/weight-design.js';

const sample = (name: string) => fileURLToPath(new URL(`../../../../data-samples/bazhou-2025/${name}`, import.meta.url));
const value = (c: Cell | CellValue | undefined) => (c !== null && typeof c === 'object' ? c.value : c ?? null);
const style = (c: Cell | CellValue | undefined) => (c !== null && typeof c === 'object' ? c.style : undefined);
const find = (sheet: Sheet, text: string) => sheet.rows.findIndex((r) => r.some((c) => value(c) === text));

let table: DataTable;
let input: WorkbookInput;

beforeAll(async () => {
  const codebook = await loadCodebook(sample('codebook.yaml'));
  table = (await readDataTable(sample('responses.csv'), { codebook })).table;
  const plain = makeDesign(table);
  const weighting = weightDesign(plain, await loadTargets(sample('population.yaml')));
  const designs = { plain, weighted: weighting.calibrated.design };
  const analyses = [
    runAnalysis(designs, { command: 'shares', var: ['happiness'], top: 2, by: 'area' }, '01-shares', 'zh'),
    runAnalysis(designs, { command: 'regress', formula: 'happiness ~ log(income) + area', model: 'ols' }, '02-regress', 'zh'),
    runAnalysis(designs, { command: 'regress', formula: 'happiness ~ log(income) + sat_health_cost + area', model: 'ologit' }, '03-regress', 'zh'),
  ];
  input = {
    lang: 'zh', title: '标题', byline: ['课题组'], findings: ['第一条发现。'], cleaning: null, weighting,
    profile: profileSample(plain, { vars: ['sex', 'age'], by: 'area' }), table, data: dataSheet(table, 'zh', '数据'),
    analyses: analyses.map((o) => ({ estimates: o.estimates, chartIds: o.blocks.flatMap((b) => (b.kind === 'chart' ? [b.id] : [])) })),
    images: new Map([['01-shares', { png: new Uint8Array(8), width: 1600, height: 600, title: '幸福感' }]]),
  };
}, 60_000);

describe('the report workbook', () => {
  it('has a sheet for each part the plan has, in the report order, and leaves the others out', () => {
    expect(buildWorkbook(input).sheets.map((s) => s.name)).toEqual(['概览', '样本概况', '满意度', '回归', '码本', '数据']);
  });

  it('draws 三线表: a medium rule over the header, a thin one under it, a medium one under the last row', () => {
    const shares = buildWorkbook(input).sheets[2] as Sheet;
    const header = find(shares, '组别');
    expect(shares.rows[header].every((c) => style(c)?.border?.top === 'medium' && style(c)?.border?.bottom === 'thin')).toBe(true);
    const last = shares.rows[header + 3];
    expect(value(last[1])).toBe('农村');
    expect(last.every((c) => style(c)?.border?.bottom === 'medium')).toBe(true);
    expect(shares.rows[header + 2].some((c) => style(c)?.border)).toBe(false);
  });

  it('keeps numbers as numbers with formats: unweighted and weighted shares side by side', () => {
    const shares = buildWorkbook(input).sheets[2] as Sheet;
    const all = shares.rows[find(shares, '全部')];
    const estimates = input.analyses[0].estimates;
    if (estimates.command !== 'shares') throw new Error('shares expected');
    expect(all.slice(2, 5).map(value)).toEqual([10000, 5520, 0.552]);
    expect(style(all[4])?.numFmt).toBe('0.0%');
    expect(value(all[7])).toBe(estimates.weighted?.[0].groups[0].share);
    // The chart sits under its title; the PNG is anchored at the row after it.
    const title = find(shares, '幸福感');
    expect(shares.images?.[0]).toMatchObject({ row: title + 1, col: 0 });
  });

  it('puts the models side by side, one row per term, thresholds after, then N', () => {
    const sheet = buildWorkbook(input).sheets[3] as Sheet;
    const header = sheet.rows[1].map(value);
    expect(header[1]).toBe('(1) 线性回归（OLS） 系数');
    expect(header[5]).toBe('(2) 有序Logistic回归 系数');
    const terms = sheet.rows.slice(2).map((r) => value(r[0]));
    // Terms by their labels (the formula is in the table's note).
    expect(terms.slice(0, 4)).toEqual(['截距', '人均可支配收入（取对数）', '城乡：农村', '医疗费用负担']);
    const intercept = sheet.rows[2];
    expect(value(intercept[5])).toBeNull(); // the ordinal model has thresholds, not an intercept
    expect(terms).toContain('N');
    expect(sheet.freeze).toEqual({ rows: 2 });
  });

  it('writes the data with labels: codes as their labels, numbers as numbers, declared missing by reason', () => {
    const data = dataSheet(table, 'zh', '数据');
    expect(buildWorkbook(input).sheets.at(-1)).toBe(input.data);
    expect(data.rows.length).toBe(2 + 10000);
    expect(data.freeze).toEqual({ rows: 2, cols: 1 });
    const area = data.rows[0].map(value).indexOf('area');
    const income = data.rows[0].map(value).indexOf('income');
    expect(new Set(data.rows.slice(2).map((r) => r[area]))).toEqual(new Set(['城市', '农村']));
    expect(data.rows.slice(2).every((r) => typeof r[income] === 'number' || (typeof r[income] === 'string' && /^\(.+\)$/.test(r[income] as string)))).toBe(true);
    expect(value(data.rows[1][area])).toBe('您目前的居住地是？');
  });

  it('shows the sample profile as counts and column shares, means with one decimal', () => {
    const profile = buildWorkbook(input).sheets[1] as Sheet;
    const male = profile.rows[find(profile, '男')];
    expect(typeof value(male[2])).toBe('number');
    expect(style(male[3])?.numFmt).toBe('0.0%');
    const age = profile.rows[find(profile, '均值')];
    expect(style(age[2])?.numFmt).toBe('0.0');
  });

  it('names the reasons of the 剔除明细 rows in Chinese in a zh workbook, and keeps the codes in an English one', () => {
    const excluded = { header: ['area', '_source_row', '_reasons'], rows: [['城市', '3', 'speeder;required-missing'], ['农村', '7', 'blank']] };
    // Only the excluded rows and their count reach this sheet; the rest of the summary is the 清洗 sheet's.
    const cleaning = { summary: { excludedRows: 2 } as CleanSummary, distributed: null, excluded, audit: { excludedBy: [], issues: [] } };
    const rows = (lang: 'zh' | 'en') => excludedSheet({ ...input, lang, cleaning }, '剔除明细')!.sheet().rows.map((r) => r.map(value));
    const zh = rows('zh');
    expect(zh).toContainEqual(['area', '_source_row', '剔除原因']);
    expect(zh).toContainEqual(['城市', '3', '答题时间过短；必答题未答']);
    expect(zh).toContainEqual(['农村', '7', '空白问卷']);
    expect(rows('en')).toContainEqual(['城市', '3', 'speeder;required-missing']);
    expect(excluded.rows[0][2]).toBe('speeder;required-missing');
  });

  it('exceljs, an independent reader, reads every cell of every sheet as built, the 数据 sheet rendered ahead as survey run does', async () => {
    // A real 1×1 PNG for the chart: the writer checks the signature.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    const withChart = { ...input, images: new Map([['01-shares', { png, width: 1600, height: 600, title: '幸福感' }]]) };
    const sheets = buildWorkbook(withChart).sheets as Sheet[];
    const written = writeXlsx(buildWorkbook({ ...withChart, data: await prerenderSheet(input.data as Sheet) }));
    expect(await exceljsDifferences(written, sheets)).toEqual([]);
  });
});
