import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const ms = (f: string) => new URL(`../reference/design-multistage/${f}`, import.meta.url).pathname;
const calibrated = (f: string) => new URL(`../reference/regression-calibrated/${f}`, import.meta.url).pathname;
const want = JSON.parse(readFileSync(ms('expected.json'), 'utf8'));
const wantCalibrated = JSON.parse(readFileSync(calibrated('expected.json'), 'utf8'));

describe('design flags: --cluster a+b --fpc f1+f2, --nest, --lonely-psu, --poststratify with models', () => {
  it('a two-stage design from the command line = svydesign(id = ~dnum + snum, fpc = ~fpc1 + fpc2)', async () => {
    const r = await runCli(['means', ms('apiclus2.csv'), '--var', 'api00', '--cluster', 'dnum+snum', '--fpc', 'fpc1+fpc2', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('survey: design: svydesign(ids = ~dnum + snum, fpc = ~fpc1 + fpc2)');
    const all = JSON.parse(r.stdout).groups[0];
    expect(Math.abs(all.se / want.apiclus2_fpc.mean.se - 1)).toBeLessThan(1e-8);
  });

  it('--nest and --lonely-psu are said on stderr and change the result as in R', async () => {
    const r = await runCli(['means', ms('lonely.csv'), '--var', 'api00', '--weight', 'pw', '--strata', 'stratum', '--lonely-psu', 'average', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('options(survey.lonely.psu = "average")');
    expect(Math.abs(JSON.parse(r.stdout).groups[0].se / want.lonely_average.mean.se - 1)).toBeLessThan(1e-8);
    const nested = await runCli(['shares', ms('strat2.csv'), '--var', 'yes', '--values', '1', '--strata', 'stype', '--cluster', 'district+snum', '--fpc', 'fpc1+fpc2', '--nest', '--json']);
    expect(nested.code, nested.stderr).toBe(0);
    expect(nested.stderr).toContain('nest = TRUE');
    expect(Math.abs(JSON.parse(nested.stdout).groups[0].se / want.strat2.share.se - 1)).toBeLessThan(1e-8);
  });

  it('regress after --poststratify gives svyglm on the calibrated design', async () => {
    const r = await runCli(['regress', calibrated('apiclus1.csv'), 'api00 ~ ell + meals + mobility', '--weight', 'pw', '--cluster', 'dnum', '--poststratify', calibrated('stype.yaml'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const se = JSON.parse(r.stdout).coefficients.map((c: { std_error: number }) => c.std_error);
    se.forEach((s: number, k: number) => expect(Math.abs(s / wantCalibrated.ols.std_error[k] - 1)).toBeLessThan(1e-8));
  });

  it.each([
    [['--weight', 'pw', '--strata', 'stratum'], /stratum X has a single PSU, so its variance cannot be estimated/],
    [['--weight', 'pw', '--strata', 'stratum', '--lonely-psu', 'drop'], /--lonely-psu.*drop.*Allowed choices are fail, adjust, average, remove, certainty/],
    [['--strata', 'stype', '--cluster', 'snum+awards', '--fpc', 'pw'], /--fpc gives 1 column for a design of 2 stages/],
  ])('bad design %j is one line with exit code 2', async (args, message) => {
    const r = await runCli(['means', ms('lonely.csv'), '--var', 'api00', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('clusters reused across strata without --nest: one line naming the cluster, pointing to --nest', async () => {
    const r = await runCli(['means', ms('strat2.csv'), '--var', 'api00', '--strata', 'stype', '--cluster', 'district+snum', '--fpc', 'fpc1+fpc2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--cluster district = 1 appears in strata \w and \w: clusters are not nested in strata/);
    expect(r.stderr).toMatch(/--nest/);
  });
});
