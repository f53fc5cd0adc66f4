import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsxWorkbook } from '../../src/io/xlsx/read/xlsx-workbook.js';
import { readZipEntries } from '../../src/io/zip/zip-entries.js';
import { runCli, tempDir } from '../helpers/run-cli.js';

// Issue #15.1: multi-select questions get their own table (the numbers are checked against R in
// test/reference/multi-hobbies; here the command, its JSON contract and the report section).
const fixture = new URL('../reference/multi-hobbies/', import.meta.url).pathname;
const data = `${fixture}hobbies.csv`;
const codebook = `${fixture}hobbies.yaml`;
let dir: string;

beforeAll(() => {
  dir = tempDir();
});

describe('survey multi', () => {
  it('prints the JSON contract: groups with n, responses and per-option shares; a Pearson test per option by group', async () => {
    const run = await runCli(['multi', data, '--codebook', codebook, '--var', 'hobby', '--by', 'region', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(['var', 'label', 'by', 'weights', 'ci_method', 'groups', 'tests']);
    expect(json).toMatchObject({ var: 'hobby', label: '兴趣爱好', by: 'region', weights: 'none', ci_method: 'wilson' });
    expect(json.groups.map((g: { level: string }) => g.level)).toEqual(['all', '东部', '中部', '西部']);
    const all = json.groups[0];
    expect(Object.keys(all)).toEqual(['by', 'level', 'n', 'weighted_n', 'responses', 'none', 'options']);
    expect(Object.keys(all.options[0])).toEqual(['code', 'label', 'count', 'share_of_responses', 'share_of_cases', 'se', 'conf_low', 'conf_high']);
    expect(all.responses).toBe(all.options.reduce((a: number, o: { count: number }) => a + o.count, 0));
    for (const o of all.options) expect(o.share_of_cases).toBeCloseTo(o.count / all.n, 12);
    expect(json.tests).toHaveLength(5);
    expect(Object.keys(json.tests[0])).toEqual(['code', 'label', 'statistic', 'df', 'ddf', 'p_value', 'test']);
    expect(json.tests[0]).toMatchObject({ df: 2, ddf: null, test: 'pearson' });
  });

  it('weighted: design-based shares with the logit interval and a Rao-Scott test per option', async () => {
    const run = await runCli(['multi', data, '--codebook', codebook, '--var', 'hobby', '--by', 'region', '--weight', 'w', '--strata', 'stratum', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ weights: 'sampling', ci_method: 'logit' });
    expect(json.tests.every((t: { test: string; ddf: number }) => t.test === 'rao-scott' && t.ddf > 0)).toBe(true);
  });

  it('prints the table with % of responses and % of cases; freq on a multi-select points to multi', async () => {
    const run = await runCli(['multi', data, '--codebook', codebook, '--var', 'hobby']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('响应百分比');
    expect(run.stdout).toContain('个案百分比');
    const freq = await runCli(['freq', data, '--codebook', codebook, '--var', 'hobby']);
    expect(freq.code).toBe(2);
    expect(freq.stderr).toContain('survey multi');
    const single = await runCli(['multi', data, '--codebook', codebook, '--var', 'region']);
    expect(single.code).toBe(2);
    expect(single.stderr).toContain('not a multi-select');
  });

  it('a plan {command: multi, var, by} writes a 多选题 section, its chart, results and a 多选题 sheet', async () => {
    const plan = join(dir, 'plan.yaml');
    writeFileSync(plan, [
      'name: hobbies', 'title: 多选题测试', `data: ${data}`, `codebook: ${codebook}`, 'clean: false', 'outputs: [md, xlsx]',
      'analyses:', '  - {command: multi, var: hobby, by: region}',
    ].join('\n'));
    const run = await runCli(['run', plan], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const report = readFileSync(join(dir, 'reports/hobbies/report.md'), 'utf8');
    expect(report).toContain('### 多选题：兴趣爱好');
    expect(report).toContain('| 选项 | 响应数 | 响应百分比 | 个案百分比 | 95%置信区间 |');
    expect(report).toContain('Pearson χ²检验');
    expect(existsSync(join(dir, 'reports/hobbies/charts/01-multi.svg'))).toBe(true);
    const results = JSON.parse(readFileSync(join(dir, 'reports/hobbies/results.json'), 'utf8'));
    const multi = results.analyses.find((a: { command: string }) => a.command === 'multi');
    expect(multi.results[0].var).toBe('hobby');
    const xlsx = join(dir, 'reports/hobbies/report.xlsx');
    const book = await readXlsxWorkbook(xlsx, await readZipEntries(xlsx, statSync(xlsx).size));
    expect(book.sheets.map((s) => s.name)).toContain('多选题');
  });
});
