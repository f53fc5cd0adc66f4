import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/run-cli.js';

const here = new URL('../reference/estimators-api/', import.meta.url).pathname;
const apistrat = `${here}apistrat.csv`;
const apiclus1 = `${here}apiclus1.csv`;
const strat = ['--weight', 'pw', '--strata', 'stype'];
const contract = ['by', 'level', 'n'];
const interval = ['se', 'conf_low', 'conf_high', 'deff'];

/** Runs a command that must succeed and returns its parsed JSON. */
async function json(args: string[]) {
  const r = await runCli([...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('survey totals', () => {
  it('prints the JSON contract: numeric total, "all" first, then each level of --by', async () => {
    const out = await json(['totals', apistrat, '--var', 'api00', '--by', 'awards', ...strat]);
    expect(Object.keys(out)).toEqual(['var', 'groups']);
    expect(Object.keys(out.groups[0])).toEqual([...contract, 'total', ...interval]);
    expect(out.groups.map((g: { level: string }) => g.level)).toEqual(['all', 'No', 'Yes']);
    expect(out.groups[0].total).toBeCloseTo(4102207.899618152, 6);
  });

  it('a categorical variable gives one estimated count per category, with value and count', async () => {
    const out = await json(['totals', apistrat, '--var', 'stype', ...strat]);
    expect(Object.keys(out.groups[0])).toEqual(['by', 'level', 'value', 'n', 'count', 'total', ...interval]);
    expect(out.groups.map((g: { value: string; total: number }) => [g.value, Math.round(g.total)])).toEqual([['E', 4421], ['H', 755], ['M', 1018]]);
  });

  it('unweighted: the sample total, deff null, and the table says what the total is', async () => {
    expect((await json(['totals', apistrat, '--var', 'api00'])).groups[0]).toMatchObject({ total: 130564, deff: null });
    const r = await runCli(['totals', apistrat, '--var', 'api00', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('the sample sum');
  });
});

describe('survey quantiles', () => {
  it('prints the JSON contract with prob, quantile and deff null; a one-row group warns once', async () => {
    const r = await runCli(['quantiles', apistrat, '--var', 'api00', '--probs', '0,0.5,1', '--by', 'grp', ...strat, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['var', 'qrule', 'groups']);
    expect(Object.keys(out.groups[0])).toEqual([...contract, 'prob', 'quantile', ...interval]);
    expect(out.groups.filter((g: { level: string }) => g.level === 'all').map((g: { quantile: number }) => g.quantile)).toEqual([403, 668, 893]);
    expect(out.groups[1]).toMatchObject({ prob: 0.5, conf_low: 641, conf_high: 695, deff: null });
    expect(r.stderr.match(/grp = solo: no degrees of freedom/g)).toHaveLength(1);
  });

  it('--qrule hf7 and a table with the Woodruff interval', async () => {
    expect((await json(['quantiles', apiclus1, '--var', 'enroll', '--probs', '0.5', '--weight', 'pw', '--cluster', 'dnum', '--qrule', 'hf7'])).qrule).toBe('hf7');
    const r = await runCli(['quantiles', apistrat, '--var', 'api00', ...strat, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('95% CI (Woodruff)');
  });
});

describe('survey ratio', () => {
  it('prints the JSON contract with ratio (= svyratio(~api_stu, ~enroll, dclus1))', async () => {
    const out = await json(['ratio', apiclus1, '--num', 'api_stu', '--den', 'enroll', '--weight', 'pw', '--cluster', 'dnum']);
    expect(Object.keys(out)).toEqual(['var', 'num', 'den', 'groups']);
    expect(Object.keys(out.groups[0])).toEqual([...contract, 'ratio', ...interval]);
    expect(out.var).toBe('api_stu/enroll');
    expect(out.groups[0].ratio).toBeCloseTo(0.8497087417244876, 12);
  });

  it('a denominator totalling 0 is one warning line and exit code 1', async () => {
    const file = join(tempDir(), 'zero.csv');
    writeFileSync(file, 'a,b\n1,0\n2,0\n');
    const r = await runCli(['ratio', file, '--num', 'a', '--den', 'b']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual(['survey: warning: a/b, all rows: the denominator b totals 0 in this group']);
  });
});

describe('bad input is one line with exit code 2', () => {
  it.each([
    [['totals', apistrat, '--var', 'nope'], /no variable "nope"/],
    [['totals', apistrat, '--var', 'api00', '--by', 'nope'], /no variable "nope"/],
    [['quantiles', apistrat, '--var', 'stype'], /"stype" is an unordered choice question/],
    [['quantiles', apistrat, '--var', 'api00', '--probs', '0.5,1.5'], /between 0 and 1, not 1\.5/],
    [['quantiles', apistrat, '--var', 'api00', '--probs', 'half'], /--probs: "half" is not a number/],
    [['quantiles', apistrat, '--var', 'api00', '--qrule', 'hf10'], /--qrule: unknown rule "hf10"/],
    [['ratio', apistrat, '--num', 'api00', '--den', 'nope'], /no variable "nope"/],
    [['ratio', apistrat, '--num', 'awards', '--den', 'api99'], /"awards" is an unordered choice question/],
    [['ratio', apistrat, '--num', 'api00'], /required option '--den <B>'/],
  ])('%j', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
