import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const apistrat = new URL('../reference/shares-api-weighted/apistrat.csv', import.meta.url).pathname;

describe('survey means', () => {
  it('prints the JSON contract exactly (design-based, "all" first)', async () => {
    const r = await runCli(['means', apistrat, '--var', 'api00', '--by', 'awards', '--weight', 'pw', '--strata', 'stype', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['var', 'groups', 'comparison', 'anova']);
    expect(Object.keys(out.comparison)).toEqual(['difference', 'se', 'conf_low', 'conf_high', 'statistic', 'df', 'p_value', 'test']);
    expect(out.comparison.test).toBe('svyttest');
    expect(out.anova).toBeNull();
    expect(Object.keys(out.groups[0])).toEqual(['by', 'level', 'n', 'mean', 'se', 'conf_low', 'conf_high', 'deff']);
    expect(out.groups.map((g: { level: string }) => g.level)).toEqual(['all', 'No', 'Yes']);
    expect(out.groups[0].mean).toBeCloseTo(662.2873631593208, 10);
  });

  it('adds the design-based ANOVA of more than two groups (regTermTest) to the JSON and the console', async () => {
    const design = ['--var', 'api00', '--by', 'stype', '--weight', 'pw', '--strata', 'stype'];
    const r = await runCli(['means', apistrat, ...design, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.comparison).toBeNull();
    expect(out.anova).toMatchObject({ df: 2, ddf: 195, test: 'regTermTest' });
    expect(out.anova.statistic).toBeCloseTo(3.4491079038099892, 10);
    const text = await runCli(['means', apistrat, ...design, '--lang', 'en']);
    expect(text.stdout).toMatch(/Wald test of equal means \(regTermTest\): F\(2, 195\) = 3\.449, p = 0\.034/);
  });

  it('prints a table with SD, the Welch difference and the ANOVA', async () => {
    const r = await runCli(['means', apistrat, '--var', 'api00,api99', '--by', 'awards', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Difference No − Yes: .*t\.test \(Welch\)/);
    expect(r.stdout).toMatch(/One-way ANOVA: F\(1, 198\)/);
    expect(r.stdout).toContain('SD');
  });

  it.each([
    [['--var', 'nope'], /no variable "nope"/],
    [['--var', 'stype'], /"stype" is an unordered choice question/],
    [['--var', 'api00', '--by', 'nope'], /no variable "nope"/],
  ])('bad input %j is one line with exit code 2', async (args, message) => {
    const r = await runCli(['means', apistrat, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
