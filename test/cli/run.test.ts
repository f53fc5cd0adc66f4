import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/run-cli.js';

const plan = fileURLToPath(new URL('../../data-samples/bazhou-2025/plan.yaml', import.meta.url));
const dir = tempDir();

describe('survey run on the bundled plan', () => {
  let first: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    first = await runCli(['run', plan, '--out', join(dir, 'a')]);
    await runCli(['run', plan, '--out', join(dir, 'b')]);
  });

  it('writes the report folder with every output', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(readdirSync(join(dir, 'a', 'bazhou-2025')).sort()).toEqual(['charts', 'clean.csv', 'excluded.csv', 'issues.csv', 'manifest.json', 'report.docx', 'report.md', 'report.xlsx', 'results.json']);
    expect(first.stderr).toContain('回收 10400 份，有效 10090 份（剔除 310 份）');
    expect(first.stderr).not.toMatch(/warning/);
  });

  it('draws every chart the report links to, as SVG for Markdown and PNG for Word and Excel', () => {
    const report = readFileSync(join(dir, 'a', 'bazhou-2025', 'report.md'), 'utf8');
    const linked = [...report.matchAll(/\]\(charts\/([^)]+)\.svg\)/g)].map((m) => m[1]);
    expect(linked).toEqual(['01-shares', '02-shares', '03-shares', '08-regress', '09-regress']);
    const charts = readdirSync(join(dir, 'a', 'bazhou-2025', 'charts')).sort();
    expect(charts).toEqual(linked.flatMap((id) => [`${id}.png`, `${id}.svg`]));
    const png = readFileSync(join(dir, 'a', 'bazhou-2025', 'charts', '03-shares.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(readFileSync(join(dir, 'a', 'bazhou-2025', 'charts', '03-shares.svg'), 'utf8')).toContain('医疗费用负担');
  });

  it('reports the weighted share beside the unweighted one, both from results.json', () => {
    const report = readFileSync(join(dir, 'a', 'bazhou-2025', 'report.md'), 'utf8');
    const results = JSON.parse(readFileSync(join(dir, 'a', 'bazhou-2025', 'results.json'), 'utf8'));
    expect(results.weighting.method).toBe('poststratify');
    expect(results.weighting.margins.map((m: { level: string; weighted_share: number }) => [m.level, m.weighted_share.toFixed(4)])).toEqual([['城市', '0.6608'], ['农村', '0.3392']]);
    const w = results.analyses[0].weighted_results[0].groups[0];
    expect(w.share).toBeCloseTo(0.5627, 3);
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    expect(report).toContain(`按总体结构加权后，这一比例为${pct(w.share)}（95%置信区间：${pct(w.conf_low)}–${pct(w.conf_high)}）。`);
    expect(report).toMatch(/\| 全部 \| 10086 \| 5568 \| 55\.2% \| 54\.2%–56\.2% \| 56\.3% \| /);
    expect(report).toContain('样本概况（城市/农村）');
  });

  it('states the published finding with every number traceable to results.json', () => {
    const report = readFileSync(join(dir, 'a', 'bazhou-2025', 'report.md'), 'utf8');
    const results = JSON.parse(readFileSync(join(dir, 'a', 'bazhou-2025', 'results.json'), 'utf8'));
    const happiness = results.analyses[0].results[0];
    expect(happiness.var).toBe('happiness');
    const all = happiness.groups[0];
    expect(all.level).toBe('all');
    expect(all.share).toBeCloseTo(0.552, 3);
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    expect(report).toContain(`回答“比较幸福”和“非常幸福”的，占有效样本（${all.n}人）的${pct(all.share)}（95%置信区间：${pct(all.conf_low)}–${pct(all.conf_high)}）`);
    expect(report).toContain('本次调查发放问卷10400份，回收10400份，经清洗剔除310份，有效问卷10090份，有效率97.0%。');
    expect(report).toMatch(/## 三、影响因素分析[\s\S]*有序Logistic回归/);
    expect(report).toContain('这是相关关系，不能据此断定因果。');
    const model = results.analyses.find((a: { command: string; model?: string }) => a.command === 'regress' && a.model === 'ologit').results[0];
    expect(model.thresholds[0].term).toBe('非常不幸福|不太幸福');
  });

  it('is deterministic: the same inputs give identical report.md, results.json, charts, workbook and Word file', () => {
    for (const file of ['report.md', 'results.json', 'clean.csv', 'excluded.csv', 'charts/03-shares.svg', 'charts/03-shares.png', 'report.xlsx', 'report.docx']) {
      expect(readFileSync(join(dir, 'b', 'bazhou-2025', file)).equals(readFileSync(join(dir, 'a', 'bazhou-2025', file))), file).toBe(true);
    }
  });

  it('records input hashes, the plan, the version and timings in manifest.json', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'a', 'bazhou-2025', 'manifest.json'), 'utf8'));
    expect(manifest.inputs.map((i: { path: string }) => i.path)).toEqual(['plan.yaml', 'wjx-export.xlsx', 'codebook.yaml', 'population.yaml']);
    expect(manifest.inputs[1].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.plan.name).toBe('bazhou-2025');
    expect(manifest.version).toBe(JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')).version);
    expect(Object.keys(manifest.timings_ms)).toEqual(['clean', 'derive', 'weight', 'profile', 'analyses', 'markdown', 'xlsx-data', 'charts', 'docx', 'xlsx']);
    expect(manifest.outputs).toContain('report.xlsx');
    expect(manifest.outputs).toContain('charts/08-regress.png');
  });

  it('does not replace an existing report without --force', async () => {
    const again = await runCli(['run', plan, '--out', join(dir, 'a')]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/bazhou-2025 already exists.*--force/);
  });
});

describe('survey run on bad plans: fails before any work, naming the plan', () => {
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const head = `name: bad\ntitle: t\ndata: ${JSON.stringify(fileURLToPath(new URL('../../data-samples/bazhou-2025/responses.csv', import.meta.url)))}\ncodebook: ${JSON.stringify(fileURLToPath(new URL('../../data-samples/bazhou-2025/codebook.yaml', import.meta.url)))}\nclean: false\n`;
  const cases: [string, string, RegExp][] = [
    ['an unknown analysis', `${head}analyses:\n  - {command: pie, var: happiness}\n`, /bad1\.yaml: plan has 1 problem\n\s+analyses\[0\]\.command/],
    ['a missing data file', `name: bad\ntitle: t\ndata: nowhere.csv\ncodebook: nowhere.yaml\nanalyses:\n  - {command: means, var: income}\n`, /bad2\.yaml: plan has 2 problems\n\s+data: no such file.*\n\s+codebook: no such file/],
    ['a variable not in the codebook', `${head}analyses:\n  - {command: shares, var: hapiness, top: 2}\n  - {command: regress, formula: "happiness ~ incme"}\n`, /bad3\.yaml: plan has 2 problems\n\s+analyses\[0\]\.var: hapiness is not a variable.*\n\s+analyses\[1\]\.formula: incme is not a variable/],
    ['not YAML', 'name: [\n', /bad4\.yaml: line \d+: the plan is not valid YAML/],
    ['a missing targets file', `${head}weight: {targets: nowhere.yaml}\nanalyses:\n  - {command: means, var: income}\n`, /bad5\.yaml: plan has 1 problem\n\s+weight\.targets: no such file/],
    ['an unknown profile variable', `${head}profile: {vars: [sex, agee], by: areaa}\nanalyses:\n  - {command: means, var: income}\n`, /bad6\.yaml: plan has 2 problems\n\s+profile\.vars: agee is not a variable.*\n\s+profile\.by: areaa is not a variable/],
    ['an unknown output', `${head}outputs: [md, pdf]\nanalyses:\n  - {command: means, var: income}\n`, /bad7\.yaml: plan has 1 problem\n\s+outputs\[1\]/],
  ];
  cases.forEach(([what, text, message], i) => {
    it(`${what} → exit 2`, async () => {
      const file = write(`bad${i + 1}.yaml`, text);
      const r = await runCli(['run', file, '--out', join(dir, 'bad-out')]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(existsSync(join(dir, 'bad-out'))).toBe(false);
    });
  });

  it('a plan failing midway leaves no half-written report', async () => {
    // Valid on paper; the logit fails at run time (happiness has five answers, not two).
    const file = write('midway.yaml', `${head}analyses:\n  - {command: means, var: income}\n  - {command: regress, formula: "happiness ~ income", model: logit}\n`);
    const r = await runCli(['run', file, '--out', join(dir, 'mid-out')]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/happiness/);
    expect(existsSync(join(dir, 'mid-out', 'bad'))).toBe(false);
    expect(readdirSync(join(dir, 'mid-out')).filter((f) => !f.startsWith('.'))).toEqual([]);
  });
});
