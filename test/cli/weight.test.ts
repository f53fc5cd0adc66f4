import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose } from '../helpers/expect-close.js';
import { runCli, tempDir } from '../helpers/run-cli.js';

const study = new URL('../../data-samples/bazhou-2025/', import.meta.url).pathname;
const codebook = `${study}codebook.yaml`;
const r = JSON.parse(readFileSync(new URL('../reference/weight-bazhou/expected.json', import.meta.url), 'utf8'));
let dir: string;
let small: string;

/** Writes a targets file into the test's directory and returns its path. */
function targets(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

beforeAll(() => {
  dir = tempDir();
  // The first 200 respondents: enough of both areas and sexes for the error cases, fast to read.
  small = join(dir, 'small.csv');
  writeFileSync(small, readFileSync(`${study}responses.csv`, 'utf8').split('\n').slice(0, 201).join('\n'));
});

describe('survey weight', () => {
  it('post-stratifies the bundled study to population.yaml: weights column, diagnostics, margins', async () => {
    const out = join(dir, 'weighted.csv');
    const run = await runCli(['weight', `${study}responses.csv`, '--codebook', codebook, '--targets', `${study}population.yaml`, '--out', out, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ method: 'poststratify', n: 10000, weight_column: 'weight', trim: null });
    expectClose(result.diagnostics.sum, 644400, { rtol: 1e-12, label: 'sum of weights' });
    // Two weights, 70.97 (6,000 rows) and 54.65 (4,000): n·Σw²/(Σw)².
    const deff = (10000 * (6000 * (425800 / 6000) ** 2 + 4000 * (218600 / 4000) ** 2)) / 644400 ** 2;
    expectClose([result.diagnostics.kish_deff, result.diagnostics.effective_n], [deff, 10000 / deff], { rtol: 1e-12, label: 'Kish deff, effective n' });
    expect(result.margins.map((m: { level: string }) => m.level)).toEqual(['城市', '农村']);
    expectClose(result.margins[0].weighted_share, 425800 / 644400, { rtol: 1e-12, label: 'weighted share' });
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(10001);
    // responses.csv's id, outside the codebook, is kept (issue #15.2).
    expect(lines[0].startsWith('_source_row,id,area,')).toBe(true);
    expect(lines[0].endsWith(',weight')).toBe(true);
    expectClose(Number(lines[1].split(',').at(-1)), r.poststratify_area.weights_first[0], { rtol: 1e-15, label: 'first weight' });
  });

  it('rakes with --method rake, trims by quantiles, and prints tables on the console', async () => {
    const run = await runCli(['weight', small, '--codebook', codebook, '--targets', `${study}../../test/reference/weight-bazhou/sex.yaml`, '--method', 'rake', '--trim-quantiles', '0.05,0.95', '--lang', 'en']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Kish deff (1 + CV²)');
    expect(run.stdout).toContain('trimmed to');
    expect(run.stdout).toMatch(/sex\s+男/);
  });

  it('shares --poststratify gives the calibrated share with R survey SE (svymean after postStratify)', async () => {
    const run = await runCli(['shares', `${study}responses.csv`, '--codebook', codebook, '--var', 'happiness', '--top', '2', '--poststratify', `${study}population.yaml`, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const all = JSON.parse(run.stdout).groups[0];
    expectClose(all.share, r.poststratify_area.share, { rtol: 1e-10, label: 'share' });
    expectClose(all.se, r.poststratify_area.se, { rtol: 1e-8, label: 'se' });
  });
});

describe('survey weight: bad input is one clear line, exit 2 or 3, nothing written', () => {
  const bad: [string, string, RegExp][] = [
    ['inconsistent margins', 'margins:\n  area: {城市: 425800, 农村: 218600}\n  sex: {男: 300000, 女: 300000}\n', /inconsistent margins: margins\.sex sums to 600000 but margins\.area to 644400/],
    ['a level absent from the data', 'margins:\n  area: {城市: 425800, 郊区: 218600}\n', /margins\.area\.郊区: level "郊区" of area is not a level of it in the data/],
    ['a data level without a target', 'margins:\n  area: {城市: 425800}\n', /area = 农村 is in the data \(row \d+\) but has no target/],
    ['a zero target', 'margins:\n  area: {城市: 425800, 农村: 0}\n', /margins\.area\.农村: is 0; population targets must be positive/],
    ['a negative target', 'margins:\n  area: {城市: -5, 农村: 10}\n', /margins\.area\.城市: is -5/],
    ['proportions not summing to 1', 'margins:\n  sex: {"1": 0.5, "2": 0.4}\n', /the proportions of sex sum to 0\.9/],
    ['an unknown variable', 'margins:\n  region: {a: 1, b: 2}\n', /margins\.region: no variable "region" in the data/],
    ['separate margins for post-stratification', 'margins:\n  area: {城市: 0.66, 农村: 0.34}\n  sex: {男: 0.5, 女: 0.5}\n', /post-stratification needs one table of crossed cells/],
    ['invalid YAML', 'margins: [1, 2\n', /not valid YAML/],
  ];
  for (const [what, text, message] of bad) {
    it(what, async () => {
      const file = targets(`${what.replace(/\W+/g, '-')}.yaml`, text);
      const out = join(dir, `${what.replace(/\W+/g, '-')}.csv`);
      const args = ['weight', small, '--codebook', codebook, '--targets', file, '--out', out];
      const run = await runCli(what.startsWith('separate') ? [...args, '--method', 'poststratify'] : args);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain(file);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
    });
  }

  it('an empty sample cell in crossed cells', async () => {
    const rows = readFileSync(small, 'utf8').split('\n').filter((line, i) => i === 0 || line.split(',')[1] === '1');
    const urban = join(dir, 'urban.csv');
    writeFileSync(urban, rows.join('\n'));
    const file = targets('cells.yaml', 'cells:\n  variables: [area, sex]\n  table: [[城市, 男, 200000], [城市, 女, 225800], [农村, 男, 100000], [农村, 女, 118600]]\n');
    const run = await runCli(['weight', urban, '--codebook', codebook, '--targets', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cells\.table\[2\]: level "农村" of area has no rows in the data \(an empty sample cell\)/);
  });

  it('raking that does not converge names the iterations and the largest error', async () => {
    const run = await runCli(['weight', small, '--codebook', codebook, '--targets', `${study}../../test/reference/weight-bazhou/sex.yaml`, '--max-iter', '1', '--tolerance', '1e-15']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/raking did not converge in 1 iterations: the largest margin error is [\d.e+-]+ \(area = /);
  });

  it('bounds that cannot hold with the targets', async () => {
    // Post-stratified weights are 70.97 for every 城市 row: trimming them to 60 is undone by re-calibration.
    const run = await runCli(['weight', `${study}responses.csv`, '--codebook', codebook, '--targets', `${study}population.yaml`, '--trim', '0,60', '--max-iter', '5']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/trimming to \[0, 60\] and re-calibrating did not settle in 5 rounds/);
  });

  it('usage errors: bad --trim, --method, both trims, an existing output without --force', async () => {
    const base = ['weight', small, '--codebook', codebook, '--targets', `${study}population.yaml`];
    expect((await runCli([...base, '--trim', '1'])).stderr).toMatch(/--trim takes two numbers LO,HI, not "1"/);
    expect((await runCli([...base, '--method', 'ipf'])).stderr).toMatch(/--method is poststratify or rake, not "ipf"/);
    expect((await runCli([...base, '--trim', '1,2', '--trim-quantiles', '0.1,0.9'])).code).toBe(2);
    const existing = join(dir, 'existing.csv');
    writeFileSync(existing, 'keep me\n');
    const run = await runCli([...base, '--out', existing]);
    expect(run.code).toBe(2);
    expect(readFileSync(existing, 'utf8')).toBe('keep me\n');
    expect((await runCli([...base, '--out', existing, '--force'])).code).toBe(0);
  });

  it('unreadable files exit 3: the targets file and the data', async () => {
    const missing = await runCli(['weight', small, '--targets', join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/nope\.yaml: cannot read targets file: no such file/);
    expect((await runCli(['weight', join(dir, 'nope.csv'), '--targets', `${study}population.yaml`])).code).toBe(3);
    expect((await runCli(['shares', small, '--var', 'happiness', '--top', '2', '--rake', join(dir, 'nope.yaml')])).code).toBe(3);
  });
});
