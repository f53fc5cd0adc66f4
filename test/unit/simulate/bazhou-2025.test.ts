import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCodebook } from '../../../src/codebook/load-codebook.js';
import { loadSimulationSpec } from '../../../src/simulate/spec/load-simulation-spec.js';
import { renderSimulation } from '../../../src/simulate/render-simulation.js';
import type { SimulationPlan } from '../../../src/simulate/spec/simulation-plan.js';

const dir = fileURLToPath(new URL('../../../data-samples/bazhou-2025/', import.meta.url));
const committed = readFileSync(`${dir}responses.csv`, 'utf8');
const [header, ...lines] = committed.trimEnd().split('\n');
const names = header.split(',');
const rows = lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i], cell])));
const URBAN = '1';
const RURAL = '2';

/** Valid (1–5) answers of a rating item, in an area or overall. */
function ratings(variable: string, area?: string): number[] {
  return rows
    .filter((r) => area === undefined || r.area === area)
    .map((r) => Number(r[variable]))
    .filter((v) => Number.isInteger(v) && v >= 1 && v <= 5);
}
const share = (values: number[], test: (v: number) => boolean) => values.filter(test).length / values.length;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}
const incomes = (area: string) => rows.filter((r) => r.area === area && r.income !== '').map((r) => Number(r.income));

describe('bazhou-2025: the committed responses.csv reproduces the published findings', () => {
  it('has 10,000 rows: 6,000 城市 and 4,000 农村, with an id column', () => {
    expect(rows).toHaveLength(10_000);
    expect(names[0]).toBe('id');
    expect(rows.filter((r) => r.area === URBAN)).toHaveLength(6_000);
    expect(rows.filter((r) => r.area === RURAL)).toHaveLength(4_000);
  });

  it('比较幸福 + 非常幸福 = 55.2%', () => {
    expect(Math.abs(share(ratings('happiness'), (v) => v >= 4) - 0.552)).toBeLessThanOrEqual(0.003);
  });

  it('at least 85% of 农村 are low on the medical-cost burden, 城市 markedly fewer', () => {
    const rural = share(ratings('sat_health_cost', RURAL), (v) => v <= 2);
    const urban = share(ratings('sat_health_cost', URBAN), (v) => v <= 2);
    expect(rural).toBeGreaterThanOrEqual(0.85);
    // Also counting 农村 respondents who gave no valid answer.
    expect(rural * ratings('sat_health_cost', RURAL).length / 4000).toBeGreaterThanOrEqual(0.85);
    expect(rural - urban).toBeGreaterThan(0.2);
  });

  it('农村 income satisfaction centres on 一般; 农村 family life is 中等偏上', () => {
    expect(mode(ratings('sat_income', RURAL))).toBe(3);
    expect(Math.abs(mean(ratings('sat_income', RURAL)) - 3)).toBeLessThan(0.25);
    const family = mean(ratings('sat_family', RURAL));
    expect(family).toBeGreaterThan(3.5);
    expect(family).toBeLessThan(4);
  });

  it('城市 basic services, work and social environment sit around the middle; food safety and public services 一般', () => {
    for (const item of ['sat_basic_services', 'sat_work', 'sat_social_env']) {
      expect(Math.abs(mean(ratings(item, URBAN)) - 3)).toBeLessThan(0.25);
      expect(mode(ratings(item, URBAN))).toBe(3);
    }
    expect(mode(ratings('sat_food_safety', URBAN))).toBe(3);
    expect(mode(ratings('sat_public_services', URBAN))).toBe(3);
  });

  it('mean per-capita income is near 42,610 (城市) and 18,445 (农村), a ratio near 2.31', () => {
    const urban = mean(incomes(URBAN));
    const rural = mean(incomes(RURAL));
    expect(Math.abs(urban / 42610 - 1)).toBeLessThan(0.01);
    expect(Math.abs(rural / 18445 - 1)).toBeLessThan(0.01);
    expect(Math.abs(urban / rural - 2.31)).toBeLessThan(0.02);
  });

  it('happiness rises with income, health-cost satisfaction, services and environment', () => {
    const happiness = (test: (r: Record<string, string>) => boolean) =>
      mean(rows.filter((r) => test(r) && Number(r.happiness) <= 5).map((r) => Number(r.happiness)));
    const median = [...incomes(URBAN), ...incomes(RURAL)].sort((a, b) => a - b)[5000];
    expect(happiness((r) => r.income !== '' && Number(r.income) > median)).toBeGreaterThan(
      happiness((r) => r.income !== '' && Number(r.income) <= median),
    );
    for (const item of ['sat_health_cost', 'sat_public_services', 'sat_ecology']) {
      expect(happiness((r) => Number(r[item]) >= 4 && Number(r[item]) <= 5)).toBeGreaterThan(happiness((r) => Number(r[item]) <= 2));
    }
  });

  it('respects the codebook checks (retirees 45+, students 35 or younger)', () => {
    expect(rows.filter((r) => r.occupation === '6' && Number(r.age) < 45)).toEqual([]);
    expect(rows.filter((r) => r.occupation === '5' && Number(r.age) > 35)).toEqual([]);
  });
});

describe('bazhou-2025: the committed files are what the spec and seed give', () => {
  let plan: SimulationPlan;
  beforeAll(async () => {
    plan = await loadSimulationSpec(`${dir}simulate.yaml`);
  });

  it('passes the codebook validator', async () => {
    const codebook = await loadCodebook(`${dir}codebook.yaml`);
    expect(codebook.variables.map((v) => v.name)).toEqual(names.slice(1));
  });

  it('re-simulating reproduces responses.csv byte for byte; another seed differs', async () => {
    expect(plan.seed).toBe(20250314);
    const again = await renderSimulation(plan, { seed: 20250314, format: 'csv' });
    expect(again.data).toBe(committed);
    const other = await renderSimulation(plan, { seed: 20250315, format: 'csv' });
    expect(other.data).not.toBe(committed);
  });

  it('re-simulating reproduces the 问卷星 export and its ground truth byte for byte', async () => {
    const again = await renderSimulation(plan, { seed: 20250314, format: 'wjx-text', xlsx: true });
    expect(again.truth).toBe(readFileSync(`${dir}wjx-truth.csv`, 'utf8'));
    expect(Buffer.compare(again.data as Buffer, readFileSync(`${dir}wjx-export.xlsx`))).toBe(0);
  });

  it('the export has the 问卷星 layout and 400 faulty rows', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(`${dir}wjx-export.xlsx`);
    const sheet = workbook.worksheets[0];
    const cells = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    const head = cells(1) as string[];
    expect(head.slice(0, 7)).toEqual(['序号', '提交答卷时间', '所用时间', '来源', '来源详情', '来自IP', '1、您目前的居住地是？']);
    expect(head).toContain('2、您的性别是？ ');
    const grid = head.indexOf('9、您对以下各方面的满意程度如何？—个人和家庭收入');
    expect(head.slice(grid + 1, grid + 3)).toEqual(['家庭生活', '基本生活服务（水电气、通信、购物）']);
    expect(sheet.rowCount).toBe(1 + 10_400);
    const first = cells(2);
    expect(first[0]).toBe(1);
    expect(first[1]).toMatch(/^2025\/03\/\d\d \d\d:\d\d:\d\d$/);
    expect(first[5]).toMatch(/^\d+\.\d+\.\d+\.\d+\(.+-.+\)$/);
    const truth = readFileSync(`${dir}wjx-truth.csv`, 'utf8').trimEnd().split('\n');
    expect(truth[0]).toBe('序号,fault,variable');
    expect(truth).toHaveLength(401);
  });
});
