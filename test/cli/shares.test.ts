import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/run-cli.js';

const study = new URL('../../data-samples/bazhou-2025/', import.meta.url).pathname;
let dir: string;
let csv: string;

beforeAll(() => {
  dir = tempDir();
  csv = join(dir, 'small.csv');
  writeFileSync(csv, 'g,q1,q2,note,f\n1,5,4,a,2\n1,4,,b,1\n2,2,5,c,3\n2,5,1,d,1\n1,1,3,e,1\n');
});

describe('survey shares', () => {
  it('prints the JSON contract exactly, "all" first (bundled study: 55.2%)', async () => {
    const r = await runCli(['shares', `${study}responses.csv`, '--codebook', `${study}codebook.yaml`, '--var', 'happiness', '--top', '2', '--by', 'area', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['var', 'values', 'ci_method', 'groups', 'comparison', 'anova']);
    expect(out).toMatchObject({ var: 'happiness', values: [4, 5], ci_method: 'wilson', anova: null });
    expect(out.comparison).toMatchObject({ df: 1, test: 'prop.test' });
    expect(out.groups.map((g: { level: string }) => g.level)).toEqual(['all', '城市', '农村']);
    expect(Object.keys(out.groups[0])).toEqual(['by', 'level', 'n', 'count', 'share', 'se', 'conf_low', 'conf_high', 'deff']);
    expect(out.groups[0]).toMatchObject({ by: null, n: 10000, count: 5520, share: 0.552 });
    expect(out.groups[1].by).toBe('area');
  });

  it('tests equal shares in more than two groups: svychisq in the JSON and on the console', async () => {
    const apistrat = new URL('../reference/shares-api-weighted/apistrat.csv', import.meta.url).pathname;
    const design = ['--var', 'sch_wide', '--values', 'Yes', '--by', 'stype', '--weight', 'pw', '--strata', 'stype'];
    const r = await runCli(['shares', apistrat, ...design, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.comparison).toBeNull();
    expect(out.anova.test).toBe('svychisq');
    expect([out.anova.statistic, out.anova.df, out.anova.ddf]).toEqual([expect.closeTo(16.546386489600511, 8), expect.closeTo(1.8413376275438333, 10), expect.closeTo(362.74351262613516, 8)]);
    const text = await runCli(['shares', apistrat, ...design, '--lang', 'en']);
    expect(text.stdout).toMatch(/Test of equal shares: F\(1\.84, 362\.74\) = 16\.55, p < 0\.001 \(svychisq\)/);
  });

  it.each([
    ['likelihood', [0.8257639526746191, 0.91404606072016]],
    ['asin', null],
  ])('--ci %s is svyciprop(method = "%s") (apiclus1, clusters dnum)', async (ci, want) => {
    const apiclus1 = new URL('../reference/shares-api-weighted/apiclus1.csv', import.meta.url).pathname;
    const r = await runCli(['shares', apiclus1, '--var', 'sch_wide', '--values', 'Yes', '--weight', 'pw', '--cluster', 'dnum', '--ci', ci, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.ci_method).toBe(ci);
    // Full-precision values: test/reference/shares-likelihood-asin.
    if (want) expect([out.groups[0].conf_low, out.groups[0].conf_high]).toEqual([expect.closeTo(want[0], 8), expect.closeTo(want[1], 8)]);
  });

  it('degenerate groups: null in the JSON and one warning line each, never an invented interval', async () => {
    const degenerate = new URL('../reference/shares-degenerate/degenerate.csv', import.meta.url).pathname;
    const r = await runCli(['shares', degenerate, '--var', 'y', '--values', '1', '--by', 'g', '--weight', 'w', '--cluster', 'psu', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const groups = JSON.parse(r.stdout).groups;
    const c = groups.find((g: { level: string }) => g.level === 'C');
    expect(c).toMatchObject({ share: 1, se: 0, conf_low: null, conf_high: null, deff: null });
    expect(r.stderr).toMatch(/^survey: warning: y, g = C: the share is exactly 1: no logit interval .*$/m);
    expect(r.stderr).toMatch(/^survey: warning: y, g = E: no design degrees of freedom in this group \(one PSU\).*$/m);
  });

  it('takes several variables by glob, prints an array, and a table on the console', async () => {
    const json = await runCli(['shares', csv, '--var', 'q*', '--values', '4,5', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out.map((o: { var: string }) => o.var)).toEqual(['q1', 'q2']);
    expect(out[1].groups[0]).toMatchObject({ n: 4, count: 2, share: 0.5 });
    const text = await runCli(['shares', csv, '--var', 'q1,q2', '--values', '4,5', '--by', 'g', '--lang', 'en']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('All');
    expect(text.stdout).toContain('━');
  });

  it('frequency weights count a row as f cases', async () => {
    const r = await runCli(['shares', csv, '--var', 'q1', '--values', '5', '--freq', 'f', '--ci', 'clopper-pearson', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).groups[0]).toMatchObject({ n: 8, count: 3, share: 0.375 });
  });

  it.each([
    [['--var', 'nope', '--top', '2'], /no variable "nope"/],
    [['--var', 'q1'], /--top K or --values/],
    [['--var', 'q1', '--values', '5', '--ci', 'bogus'], /unknown confidence interval method/],
    [['--var', 'q1', '--values', '5', '--ci', 'wilson', '--weight', 'f'], /design-based shares use the logit/],
    [['--var', 'q1', '--top', '9'], /would count every answer/],
  ])('bad input %j is one line with exit code 2', async (args, message) => {
    const r = await runCli(['shares', csv, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
