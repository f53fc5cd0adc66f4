import { existsSync, readdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { readXlsxWorkbook } from '../../src/io/xlsx/read/xlsx-workbook.js';
import { readZipEntries } from '../../src/io/zip/zip-entries.js';
import { statSync } from 'node:fs';
import { runCli, tempDir } from '../helpers/run-cli.js';
import { previousWaves } from '../../src/compare/load-wave.js';
import { loadPlan } from '../../src/run/load-plan.js';
import { comparisonJson } from '../../src/compare/comparison-json.js';
import { compareWaves } from '../../src/compare/compare-waves.js';
import { resultsWave } from '../../src/compare/load-wave.js';

const samples = fileURLToPath(new URL('../../data-samples/', import.meta.url));
const plan24 = join(samples, 'bazhou-2024/plan.yaml');
const plan25 = join(samples, 'bazhou-2025/plan.yaml');

interface Row { key: string; level: string; significant: boolean; comparable: boolean | null; difference: number; se: number; conf_low: number; conf_high: number; p_value: number; reasons: string[]; basis: string }

// The changes built into the 2024 spec (data-samples/bazhou-2024/README.md), as comparison keys.
const BUILT_IN = [
  'shares|happiness|[4,5]||all',
  'shares|sat_health_cost|[1,2]||all', 'shares|sat_health_cost|[1,2]|area|农村',
  'shares|sat_health_cost|[4,5]|area|农村',
  'shares|sat_public_services|[4,5]||all', 'shares|sat_public_services|[4,5]|area|城市',
  'means|income|||all', 'means|income||area|城市', 'means|income||area|农村',
];
// Consequences of a built-in change whose size the spec does not fix (happiness by area follows the model).
// The overall satisfied share of sat_health_cost moves with its 农村 part (0.6 pp weighted), too little to assert either way.
const FOLLOW = ['shares|happiness|[4,5]|area|城市', 'shares|happiness|[4,5]|area|农村', 'shares|sat_health_cost|[4,5]||all'];
const isBuiltInTerm = (key: string) => key.startsWith('regress|') && key.endsWith('|sat_health_cost');
// The crosstab area × happiness is the happiness distribution by area: its row shares move with the built-in happiness change.
const follows = (key: string) => FOLLOW.includes(key) || key.startsWith('crosstab|happiness|');
/** The 99.9% quantile of Binomial(m, p): more false alarms than this happen once in a thousand. */
function binomialQuantile(m: number, p: number, level = 0.999): number {
  let [k, term, sum] = [0, (1 - p) ** m, (1 - p) ** m];
  while (sum < level && k < m) {
    term *= ((m - k) / (k + 1)) * (p / (1 - p));
    k += 1;
    sum += term;
  }
  return k;
}

describe('survey compare on the bundled waves (2024 → 2025)', () => {
  const dir = tempDir('survey-compare-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const reports = join(dir, 'reports');
  let first: Awaited<ReturnType<typeof runCli>>;
  let rows: Row[];
  let doc: { changes: { codebook: { kind: string; variable: string }[]; cleaning: unknown[]; weighting: unknown[] }[]; rows: Row[]; trends: unknown[] };
  beforeAll(async () => {
    first = await runCli(['compare', plan24, plan25, '--reports', reports, '--json']);
    doc = JSON.parse(first.stdout);
    rows = doc.rows;
  }, 120_000);

  it('runs each wave once into --reports, then reuses its results.json while the inputs are unchanged', async () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/bazhou-2024: running/);
    expect(existsSync(join(reports, 'bazhou-2024/results.json'))).toBe(true);
    const again = await runCli(['compare', plan24, plan25, '--reports', reports, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/bazhou-2024: reusing/);
    expect(again.stderr).toMatch(/bazhou-2025: reusing/);
    expect(again.stdout).toBe(first.stdout);
  });

  it('prints every row with the difference, its SE, CI and p, both estimates and whether comparable', () => {
    for (const r of rows) {
      for (const k of ['difference', 'se', 'conf_low', 'conf_high', 'p_value', 'estimate_from', 'se_from', 'estimate_to', 'se_to']) expect(typeof (r as unknown as Record<string, unknown>)[k], k).toBe('number');
      expect(r.conf_low).toBeLessThan(r.difference);
      expect(r.conf_high).toBeGreaterThan(r.difference);
    }
    expect(rows.filter((r) => r.key.startsWith('shares|')).every((r) => r.basis === 'weighted')).toBe(true);
  });

  it('diffs the codebooks first: reworded, relabelled, added, range; and the cleaning rules and weighting targets', () => {
    const kinds = doc.changes[0].codebook.map((c) => `${c.kind}:${c.variable}`);
    expect(kinds).toEqual(['range:income', 'relabelled:sat_food_safety', 'reworded:sat_transport', 'added:prog_voice']);
    expect(doc.changes[0].cleaning).toEqual([{ setting: 'speeder.median_fraction', from: '0.25', to: null }]);
    expect(doc.changes[0].weighting).toHaveLength(3);
  });

  it('marks the reworded and relabelled items not comparable, unless the mapping is stated (--same)', async () => {
    const transport = rows.filter((r) => r.key.includes('|sat_transport|'));
    expect(transport.map((r) => r.comparable)).toEqual([false, false, false]);
    expect(transport[0].reasons[0]).toMatch(/sat_transport 题目措辞变化/);
    expect(rows.filter((r) => r.key.includes('|sat_food_safety|')).every((r) => r.comparable === false)).toBe(true);
    const stated = JSON.parse((await runCli(['compare', plan24, plan25, '--reports', reports, '--json', '--same', 'sat_food_safety=含义不变'])).stdout).rows as Row[];
    const food = stated.filter((r) => r.key.includes('|sat_food_safety|'));
    expect(food.every((r) => r.comparable === true)).toBe(true);
    expect(food[0].reasons).toContain('计划说明 sat_food_safety 可比：含义不变');
  });

  it('finds every change built into the 2024 spec, in the direction built in', () => {
    for (const key of BUILT_IN) {
      const r = rows.find((x) => x.key === key);
      expect(r, key).toBeDefined();
      expect(r!.significant, `${key}: p = ${r!.p_value}`).toBe(true);
    }
    const get = (key: string) => rows.find((x) => x.key === key)!;
    expect(get('shares|happiness|[4,5]||all').difference).toBeGreaterThan(0.03);
    expect(get('shares|sat_health_cost|[1,2]|area|农村').difference).toBeLessThan(-0.03);
    expect(get('shares|sat_public_services|[4,5]|area|城市').difference).toBeGreaterThan(0.04);
    const terms = rows.filter((r) => isBuiltInTerm(r.key));
    expect(terms).toHaveLength(2);
    expect(terms.every((r) => r.significant && r.difference > 0)).toBe(true);
  });

  it('finds no change where none was built in, within the 5% error rate', () => {
    const unchanged = rows.filter((r) => r.comparable !== false && !BUILT_IN.includes(r.key) && !follows(r.key) && !isBuiltInTerm(r.key));
    expect(unchanged.length).toBeGreaterThan(30);
    // At 5% each, the 99.9% quantile of Binomial(m, 0.05) bounds the false alarms (7 for m = 42).
    const alarms = unchanged.filter((r) => r.significant).map((r) => r.key);
    expect(binomialQuantile(42, 0.05)).toBe(7);
    expect(alarms.length, alarms.join(', ')).toBeLessThanOrEqual(binomialQuantile(unchanged.length, 0.05));
    // Items the simulator draws to exact targets move by rounding only.
    expect(rows.find((r) => r.key === 'shares|sat_health_cost|[1,2]|area|城市')!.significant).toBe(false);
  });

  it('prints a 三线表 per pair on the console, and trend charts with --charts; three waves give trends', async () => {
    const text = await runCli(['compare', plan24, plan25, '--reports', reports]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/可比性 2024年 → 2025年/);
    expect(text.stdout).toMatch(/✗ sat_transport 题目措辞变化/);
    expect(text.stdout).toMatch(/交通出行（比较满意\/非常满意）.*不可比/);
    const r24 = join(reports, 'bazhou-2024/results.json');
    const r25 = join(reports, 'bazhou-2025/results.json');
    const charts = join(dir, 'trends');
    const three = await runCli(['compare', r24, r25, r25, '--labels', 'A,B,C', '--json', '--charts', charts]);
    expect(three.code, three.stderr).toBe(0);
    const trends = JSON.parse(three.stdout).trends as { points: { wave: string }[] }[];
    expect(trends.length).toBeGreaterThan(10);
    expect(trends[0].points.map((p) => p.wave)).toEqual(['A', 'B', 'C']);
    expect(readdirSync(charts).filter((f) => f.endsWith('.svg')).length).toBeGreaterThanOrEqual(4);
  });

  it('compares after a recode the plan states: the earlier wave is re-estimated on recoded data', async () => {
    // A copy of 2024 whose happiness answers carry reversed codes (1 = 非常幸福 … 5 = 非常不幸福);
    // the data are answer texts, so the coded 2024 data are reversed too (and cleaning is not affected).
    const copy = join(dir, 'reversed');
    cpSync(join(samples, 'bazhou-2024'), join(copy, 'bazhou-2024'), { recursive: true, filter: (p) => !p.endsWith('responses.csv') });
    const codebookFile = join(copy, 'bazhou-2024/codebook.yaml');
    const labels = ['非常不幸福', '不太幸福', '一般', '比较幸福', '非常幸福'];
    const text = readFileSync(codebookFile, 'utf8');
    const at = text.indexOf('- name: happiness');
    const block = text.slice(at, text.indexOf('missing:', at)).replace(/([1-5]): \{label: ([^,}]+)/g, (_m, code: string) => `${code}: {label: ${labels[5 - Number(code)]}`);
    writeFileSync(codebookFile, text.slice(0, at) + block.replace(', aliases: [较幸福]', '') + text.slice(text.indexOf('missing:', at)));
    const reports2 = join(dir, 'reversed-reports');
    const r25 = join(reports, 'bazhou-2025/results.json');
    const plain = await runCli(['compare', join(copy, 'bazhou-2024/plan.yaml'), r25, '--reports', reports2, '--json']);
    expect(plain.code, plain.stderr).toBe(0);
    const unmapped = (JSON.parse(plain.stdout).rows as Row[]).filter((r) => r.key.includes('|happiness|') || r.key.startsWith('regress|'));
    expect(unmapped.length).toBeGreaterThan(3);
    expect(unmapped.every((r) => r.comparable === false)).toBe(true);
    // The estimates of the reversed copy differ from the original's: the top-2 share counts other answers.
    const original = new Map(rows.map((r) => [r.key, r]));
    expect(Math.abs(unmapped[0].difference - original.get(unmapped[0].key)!.difference)).toBeGreaterThan(0.01);

    const mapped = await runCli(['compare', join(copy, 'bazhou-2024/plan.yaml'), r25, '--reports', reports2, '--json', '--recode', 'happiness=1:5,2:4,4:2,5:1']);
    expect(mapped.code, mapped.stderr).toBe(0);
    const doc2 = JSON.parse(mapped.stdout) as typeof doc;
    // After the mapping the codebooks agree on happiness, and every estimate is the original wave's (its derived happy >= 4 too: the mapping comes before the derivations).
    expect(doc2.changes[0].codebook.filter((c) => c.variable === 'happiness')).toEqual([]);
    expect(doc2.rows.length).toBe(rows.length);
    for (const r of doc2.rows) {
      const o = original.get(r.key)!;
      expect(o, r.key).toBeDefined();
      expect(r.comparable, r.key).toBe(o.comparable);
      expect(r.difference, r.key).toBeCloseTo(o.difference, 9);
      expect(r.se, r.key).toBeCloseTo(o.se, 9);
    }
    const happy = doc2.rows.find((r) => r.key === 'shares|happiness|[4,5]||all')!;
    expect(happy.reasons).toContain('2024年的 happiness 按计划的映射重新编码后比较：1→5, 2→4, 4→2, 5→1');

    // The same through a plan's compare: entry (recode:), as survey run reads it.
    const plan25copy = join(copy, 'bazhou-2025/plan.yaml');
    cpSync(join(samples, 'bazhou-2025'), join(copy, 'bazhou-2025'), { recursive: true, filter: (p) => !p.endsWith('responses.csv') && !p.endsWith('.sqlite') });
    writeFileSync(plan25copy, readFileSync(plan25copy, 'utf8').replace(/^compare:\n.*$/m, 'compare:\n  - {plan: ../bazhou-2024/plan.yaml, label: 2024年, recode: {happiness: {1: 5, 2: 4, 4: 2, 5: 1}}}'));
    const loaded = await loadPlan(plan25copy);
    const [previous] = await previousWaves(loaded, { reports: reports2, version: JSON.parse(readFileSync(join(reports2, 'bazhou-2024/manifest.json'), 'utf8')).version });
    expect(previous.reused).toBe(true);
    const viaPlan = comparisonJson(compareWaves([previous.wave, await resultsWave(r25, '2025年')]), loaded.codebook, 'zh').rows as Row[];
    expect(viaPlan.find((r) => r.key === 'shares|happiness|[4,5]||all')!.difference).toBeCloseTo(original.get('shares|happiness|[4,5]||all')!.difference, 9);
    // A code the earlier wave does not have is refused, naming it.
    const wrong = await runCli(['compare', join(copy, 'bazhou-2024/plan.yaml'), r25, '--reports', reports2, '--recode', 'happiness=7:1']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/recode of "happiness": the earlier wave has no code 7/);
    // A code or a variable given twice, or a code the later wave lacks, is refused rather than kept silently.
    for (const [args, said] of [
      [['--recode', 'happiness=1:5,1:4'], 'code 1 is mapped twice'],
      [['--recode', 'happiness=1:5', '--recode', 'happiness=2:4'], '--recode happiness: given twice'],
      [['--recode', 'happiness=1:5=2'], 'the later wave has no code 5=2'],
      [['--recode', 'happiness=1:7'], 'the later wave has no code 7 (its codes: 1, 2, 3, 4, 5)'],
    ] as const) {
      const twice = await runCli(['compare', join(copy, 'bazhou-2024/plan.yaml'), r25, '--reports', reports2, ...args]);
      expect([twice.code, twice.stderr.split('\n').filter((l) => l.startsWith('survey: ')).length], args.join(' ')).toEqual([2, 1]);
      expect(twice.stderr).toContain(said);
    }
  }, 120_000);

  it('fails on one wave, on a --labels count that does not match, and has --help examples', async () => {
    expect((await runCli(['compare', plan24, '--reports', reports])).code).toBe(2);
    expect((await runCli(['compare', plan24, plan25, '--labels', 'a', '--reports', reports])).code).toBe(2);
    const help = await runCli(['compare', '--help']);
    expect(help.stdout).toMatch(/Examples:[\s\S]*survey compare .*--json/);
  });
});

describe('survey run with compare: in the plan (the bundled 2025 plan)', () => {
  const dir = tempDir('survey-run-compare-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let run: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    run = await runCli(['run', plan25, '--out', dir]);
  }, 120_000);

  it('runs the 2024 wave beside it, then adds 与上年比较 to the report, a 跨年比较 sheet and the rows to results.json', async () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/earlier wave bazhou-2024: running/);
    const md = readFileSync(join(dir, 'bazhou-2025/report.md'), 'utf8');
    expect(md).toMatch(/## 四、与上年比较/);
    // The team's 对策建议 (sections:) after the comparison, then the methods.
    expect(md).toMatch(/## 五、对策建议/);
    expect(md).toMatch(/## 六、数据与方法/);
    expect(md).toMatch(/“比较幸福\/非常幸福”的比例（加权）由2024年的\d+\.\d%上升到2025年的\d+\.\d%，上升\d\.\d个百分点（变化的95%置信区间：\d\.\d至\d\.\d个百分点，p < 0\.001），差异显著/);
    expect(md).toMatch(/农村下降\d\.\d个百分点（显著）/);
    // Findings and comparison sentences name variables and scales by their short labels, not question texts or code names.
    expect(md).toMatch(/\n4\. “人均可支配收入”的均值，城市比农村高\d+元/);
    expect(md).toMatch(/对“幸福感”回答“比较幸福\/非常幸福”的比例（加权）由2024年/);
    // What changed in the questionnaire, cleaning and weighting, in words, not setting paths or code names.
    expect(md).toContain('“交通出行”题目措辞变化：“公共交通” → “交通出行”');
    expect(md).toContain('“答题时间过短”规则的median_fraction：0.25 → （无）');
    expect(md).toMatch(/总体中“城乡”为“城市”的人数：\d+ → \d+/);
    expect(md).toMatch(/以“幸福感”为因变量的有序Logistic回归的4个系数中/);
    expect(md).not.toMatch(/targets\.|speeder\.|ologit/);
    expect(md).toMatch(/“人均可支配收入”的均值（加权）由2024年/);
    expect(md).toContain('交叉表“城乡 × 幸福感”的');
    expect(md).toContain('“生活各方面满意度”量表的Cronbach');
    expect(md).not.toMatch(/您家人均可支配收入大约是多少元？”的均值|对“总体而言，您觉得自己的生活幸福吗？”回答|“satisfaction”量表/);
    const results = JSON.parse(readFileSync(join(dir, 'bazhou-2025/results.json'), 'utf8'));
    expect(results.comparison.rows.length).toBeGreaterThan(40);
    // sat_food_safety is stated comparable in the plan (same:), sat_transport is not.
    expect(results.comparison.rows.filter((r: Row) => r.key.includes('|sat_food_safety|')).every((r: Row) => r.comparable)).toBe(true);
    const xlsx = join(dir, 'bazhou-2025/report.xlsx');
    const book = await readXlsxWorkbook(xlsx, await readZipEntries(xlsx, statSync(xlsx).size));
    expect(book.sheets.map((s) => s.name)).toContain('跨年比较');
    const manifest = JSON.parse(readFileSync(join(dir, 'bazhou-2025/manifest.json'), 'utf8'));
    expect(manifest.previous_waves).toEqual([expect.objectContaining({ label: '2024年', results: '../bazhou-2024/results.json', reused: false })]);
  });

  it('reuses the 2024 results when fresh, giving the same results.json; refuses an out-of-date wave without --force', async () => {
    const before = readFileSync(join(dir, 'bazhou-2025/results.json'), 'utf8');
    const again = await runCli(['run', plan25, '--out', dir, '--force']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/earlier wave bazhou-2024: reusing/);
    expect(readFileSync(join(dir, 'bazhou-2025/results.json'), 'utf8')).toBe(before);
    // A copy of the two waves whose 2024 rules changed after its report was written.
    const copy = join(dir, 'copy');
    cpSync(samples, copy, { recursive: true, filter: (p) => !p.endsWith('responses.csv') });
    const out = join(dir, 'copy-reports');
    expect((await runCli(['run', join(copy, 'bazhou-2024/plan.yaml'), '--out', out])).code).toBe(0);
    writeFileSync(join(copy, 'bazhou-2024/rules.yaml'), 'speeder: {median_fraction: 0.3}\n');
    const stale = await runCli(['run', join(copy, 'bazhou-2025/plan.yaml'), '--out', out]);
    expect(stale.code).toBe(2);
    expect(stale.stderr).toMatch(/bazhou-2024 is out of date .*rules\.yaml changed/);
  }, 120_000);

  it('with three waves, the section is 与往年比较 and draws a trend chart per share and mean: waves on the x axis, CIs as error bars', async () => {
    // Three waves from two: the 2024 results twice, under two labels.
    const r24 = join(dir, 'bazhou-2024/results.json');
    const three = join(dir, 'three');
    cpSync(join(samples, 'bazhou-2025'), three, { recursive: true, filter: (p) => !p.endsWith('responses.csv') && !p.endsWith('.sqlite') });
    const plan = join(three, 'plan.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace(/^name: .*$/m, 'name: three-waves').replace(/^compare:\n.*$/m, `compare:\n  - {results: ${JSON.stringify(r24)}, label: 2023年}\n  - {results: ${JSON.stringify(r24)}, label: 2024年}`));
    const run3 = await runCli(['run', plan, '--out', join(dir, 'three-reports')]);
    expect(run3.code, run3.stderr).toBe(0);
    const folder = join(dir, 'three-reports/three-waves');
    const md = readFileSync(join(folder, 'report.md'), 'utf8');
    expect(md).toMatch(/## 四、与往年比较/);
    const charts = readdirSync(join(folder, 'charts')).filter((f) => /^compare-\d+\.svg$/.test(f));
    expect(charts.length).toBeGreaterThanOrEqual(4);
    const svg = readFileSync(join(folder, 'charts', charts[0]), 'utf8');
    expect(svg.indexOf('>2023年<')).toBeLessThan(svg.indexOf('>2025年<'));
    expect(svg).toMatch(/<circle /);
    expect(svg).toMatch(/fill="none" stroke="[^"]+" stroke-width="2"/);
    for (const c of charts) expect(md).toContain(`charts/${c}`);
  }, 120_000);
});
