import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/run-cli.js';

const housing = new URL('../reference/crosstab-housing/housing.csv', import.meta.url).pathname;
// R's level order for housing's factors comes from a codebook (without one, levels are sorted).
const housingCodebook = new URL('../reference/crosstab-housing/housing.yaml', import.meta.url).pathname;
const apistrat = new URL('../reference/shares-api-weighted/apistrat.csv', import.meta.url).pathname;

describe('survey crosstab', () => {
  it('prints the JSON contract exactly (MASS::housing with --freq = chisq.test)', async () => {
    const r = await runCli(['crosstab', housing, '--codebook', housingCodebook, '--rows', 'Sat', '--cols', 'Infl', '--freq', 'Freq', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['rows', 'cols', 'row_levels', 'col_levels', 'counts', 'statistic', 'df', 'ddf', 'p_value', 'cramers_v', 'test']);
    expect(out).toMatchObject({ rows: 'Sat', cols: 'Infl', row_levels: ['Low', 'Medium', 'High'], df: 4, ddf: null, test: 'pearson' });
    expect(out.counts[0]).toEqual([282, 206, 79]);
  });

  it('tests a weighted table with the Rao-Scott F (svychisq), naming both dfs on the console', async () => {
    const design = ['--rows', 'sch_wide', '--cols', 'stype', '--weight', 'pw', '--strata', 'stype', '--lang', 'en'];
    const json = await runCli(['crosstab', apistrat, ...design, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out.test).toBe('rao-scott');
    // svychisq's denominator df (test/reference/crosstab-rao-scott: 362.74351262613516).
    expect(out.ddf).toBeCloseTo(362.74351262613516, 6);
    expect([...out.row_levels].sort()).toEqual(['No', 'Yes']);
    const text = await runCli(['crosstab', apistrat, ...design]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/Rao-Scott F\(1\.84, 362\.74\) = 16\.546, p < 0\.001/);
    expect(text.stdout).toMatch(/Pearson χ² = 26\.754 with the Rao-Scott second-order design correction/);
  });

  it('shows row/column % and Fisher for a small 2×2, warning about expected counts below 5', async () => {
    const dir = tempDir();
    const csv = join(dir, 'tea.csv');
    writeFileSync(csv, `a,b\n${['1,1', '1,1', '1,1', '1,2', '2,1', '2,2', '2,2', '2,2'].join('\n')}\n`);
    const r = await runCli(['crosstab', csv, '--rows', 'a', '--cols', 'b', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Row %');
    expect(r.stdout).toMatch(/Fisher's exact test: p = 0\.486, conditional MLE odds ratio = 6\.408/);
    expect(r.stderr).toMatch(/4 cells have expected count below 5/);
  });

  it.each([
    [['--rows', 'Sat', '--cols', 'Nope'], /no variable "Nope"/],
    [['--rows', 'Sat', '--cols', 'Sat'], /both Sat/],
    [['--rows', 'Sat', '--cols', 'Infl', '--weight', 'Freq', '--fpc', 'Nope'], /no variable "Nope"/],
  ])('bad input %j is one line with exit code 2', async (args, message) => {
    const r = await runCli(['crosstab', housing, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a single-level variable', async () => {
    const dir = tempDir();
    const csv = join(dir, 'one.csv');
    writeFileSync(csv, 'a,b\n1,1\n1,2\n1,1\n');
    const r = await runCli(['crosstab', csv, '--rows', 'a', '--cols', 'b']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a has only one level \(1\)/);
  });
});
