import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCodebook } from '../../../src/codebook/load-codebook.js';
import { main } from '../../../src/cli/main.js';
import type { Codebook } from '../../../src/core/types.js';
import { RULE_NAMES } from '../../../src/locale/rule-names.js';
import { tempDir } from '../../helpers/run-cli.js';

const sample = (name: string) => fileURLToPath(new URL(`../../../data-samples/bazhou-2025/${name}`, import.meta.url));
const dir = tempDir('survey-zh-words-');
let said = '';
const sink = new Writable({ write: (chunk, _e, done) => ((said += String(chunk)), done()) });
const quiet = { stdout: sink, stderr: sink, stderrIsTty: false };

/** A small run of the bundled study's plan (800 simulated respondents with injected faults), in `lang`. */
async function runSmall(lang: 'zh' | 'en'): Promise<{ report: string; issues: string }> {
  const plan = join(dir, `plan-${lang}.yaml`);
  writeFileSync(plan, [
    `name: small-${lang}`, 'title: 小样本', `lang: ${lang}`, 'data: export.xlsx', `codebook: ${sample('codebook.yaml')}`, 'outputs: [md]',
    `weight: {targets: ${sample('population.yaml')}}`,
    'profile: {vars: [sex, age, income], by: area}',
    'analyses:',
    '  - {command: shares, var: happiness, top: 2, by: area}',
    '  - {command: shares, var: sat_health_cost, values: [1, 2], by: area}',
    '  - {command: shares, var: satisfaction, top: 2, by: area}',
    '  - {command: means, var: income, by: area}',
    '  - {command: freq, vars: [area, happiness]}',
    '  - {command: crosstab, rows: area, cols: happiness}',
    '  - {command: reliability, group: satisfaction}',
    '  - {command: regress, formula: "happiness ~ log(income) + sat_health_cost + sat_ecology", model: ologit}',
    '  - {command: regress, formula: "happiness ~ log(income) + sat_health_cost + area", model: ols}',
    '',
  ].join('\n'));
  const code = await main(['node', 'survey', 'run', plan, '--out', join(dir, 'out'), '--force'], quiet);
  expect(code, said).toBe(0);
  const folder = join(dir, 'out', `small-${lang}`);
  return { report: readFileSync(join(folder, 'report.md'), 'utf8'), issues: readFileSync(join(folder, 'issues.csv'), 'utf8') };
}

let codebook: Codebook;
let zh: { report: string; issues: string };
let en: { report: string; issues: string };

beforeAll(async () => {
  codebook = await loadCodebook(sample('codebook.yaml'));
  expect(await main(['node', 'survey', 'simulate', sample('simulate.yaml'), '--out', join(dir, 'export.xlsx'), '--format', 'wjx-text', '--n', '800', '--seed', '1', '--force'], quiet), said).toBe(0);
  zh = await runSmall('zh');
  en = await runSmall('en');
}, 120_000);

describe('a Chinese report speaks Chinese', () => {
  it('names no variable, set, cleaning rule or method by its code outside 数据与方法', () => {
    // Up to the 数据与方法 chapter's heading (the 目录 names it earlier).
    const body = zh.report.slice(0, zh.report.search(/^#+ .*数据与方法/m));
    expect(body.length).toBeGreaterThan(1000);
    const forbidden = [
      ...codebook.variables.map((v) => v.name),
      ...new Set(codebook.variables.flatMap((v) => (v.group ? [v.group] : []))),
      ...Object.keys(RULE_NAMES),
      ...codebook.checks.map((c) => c.name),
      't.test', 'svyttest', 'prop.test', 'hessian', 'classical', 'poststratify', 'rake', 'ologit', 'oprobit', 'wilson', 'invalid', 'declared', 'SE:', '~',
    ];
    const found = forbidden.filter((token) => new RegExp(`(^|[^A-Za-z_])${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z_])`).test(body));
    expect(found).toEqual([]);
  });

  it('keeps the technical names a reader needs in 数据与方法', () => {
    const methods = zh.report.slice(zh.report.search(/^#+ .*数据与方法/m));
    expect(methods).toContain('happiness ~ log(income) + sat_health_cost + area');
  });

  it('words the findings as a reviewer expects: units, signed intervals, α with its meaning', () => {
    expect(zh.report).toMatch(/城市比农村高\d+元（95%置信区间：\d+～\d+，Welch t检验，p /);
    expect(zh.report).toMatch(/城市比农村低\d+\.\d个百分点（95%置信区间：\d+\.\d～\d+\.\d，p /);
    expect(zh.report).toMatch(/Cronbach's α = 0\.\d{3}（标准化α = 0\.\d{3}），按常用标准内部一致性/);
    expect(zh.report).toContain('“医疗费用负担”的回答越接近“非常满意”');
    expect(zh.report).not.toContain('p = <');
  });

  it('writes issues.csv messages in the run\'s language', () => {
    // The last CSV field of each line, quoted when it holds a comma.
    const messages = (csv: string) => csv.trim().split('\n').slice(1).map((line) => /,("(?:[^"]|"")*"|[^,]*)$/.exec(line)?.[1] ?? '');
    expect(messages(zh.issues).length).toBeGreaterThan(0);
    for (const m of messages(zh.issues)) expect(m).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.issues).toContain('必答题“');
    expect(messages(en.issues).some((m) => /is required but not answered|is outside/.test(m))).toBe(true);
    expect(en.issues).not.toContain('必答题');
  });
});
