import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const here = new URL('../reference/replicate-weights/', import.meta.url).pathname;
const apiclus1 = `${here}apiclus1.csv`;
const apistrat = `${here}apistrat.csv`;
const r = (await import('node:fs')).readFileSync(`${here}expected.json`, 'utf8');
const expected = JSON.parse(r);

/** A small file with three replicate columns, one of them broken as `broken` says. */
function smallFile(broken: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'survey-rep-'));
  const rows = ['y,w,rw1,rw2,rw3', '1,2,2,0,3', '2,2,2,3,0', '3,2,0,3,3', `4,2,${broken},3,3`];
  const file = join(dir, 'small.csv');
  writeFileSync(file, rows.join('\n') + '\n');
  return file;
}

describe('survey … --repweights / --replicates (replicate-weight designs)', () => {
  it('means --replicates JK1 gives svymean on as.svrepdesign(dclus1, "JK1") and says so on stderr', async () => {
    const out = await runCli(['means', apiclus1, '--var', 'api00', '--weight', 'pw', '--cluster', 'dnum', '--replicates', 'JK1', '--json']);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toContain('survey: design: as.svrepdesign(svydesign(ids = ~dnum, weights = ~pw), type = "JK1") [15 replicates, degf 14]');
    const g = JSON.parse(out.stdout).groups[0];
    expect(g.mean).toBeCloseTo(expected.clus1_jk1.mean_api00.mean, 9);
    expect(Math.abs(g.se / expected.clus1_jk1.mean_api00.se - 1)).toBeLessThan(1e-8);
  });

  it('shares --repweights "^bw[0-9]+$" --rep-type bootstrap reads the replicate columns (svrepdesign)', async () => {
    const out = await runCli(['shares', apiclus1, '--var', 'sch_wide', '--values', 'Yes', '--weight', 'pw', '--repweights', '^bw[0-9]+$', '--rep-type', 'bootstrap', '--json']);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toMatch(/svrepdesign\(repweights = "\^bw\[0-9\]\+\$", type = "bootstrap", weights = ~pw, combined\.weights = TRUE\) \[50 replicates: bw1 … bw50/);
    const g = JSON.parse(out.stdout).groups[0];
    expect(Math.abs(g.se / expected.clus1_boot.shares.all.se - 1)).toBeLessThan(1e-8);
    expect(Math.abs(g.conf_low / expected.clus1_boot.shares.all.ci.logit[0] - 1)).toBeLessThan(1e-8);
  });

  it('regress --replicates JKn: replicate SEs and degf + 1 − p residual df', async () => {
    const out = await runCli(['regress', apistrat, 'api00 ~ ell + meals + mobility', '--weight', 'pw', '--strata', 'stype', '--replicates', 'JKn', '--json']);
    expect(out.code, out.stderr).toBe(0);
    const fit = JSON.parse(out.stdout);
    expect(fit.se_type).toBe('replicate');
    expect(fit.fit.df_residual).toBe(expected.strat_jkn.ols.df_residual);
    fit.coefficients.forEach((c: { std_error: number }, k: number) => expect(Math.abs(c.std_error / expected.strat_jkn.ols.std_error[k] - 1)).toBeLessThan(1e-8));
  });

  it('crosstab --replicates BRR --mse: Rao-Scott on the replicate covariance', async () => {
    const out = await runCli(['crosstab', apistrat, '--rows', 'stype', '--cols', 'awards', '--weight', 'pw', '--strata', 'pair', '--replicates', 'BRR', '--mse', '--json']);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toContain('type = "BRR", mse = TRUE) [104 replicates, degf 100]');
    expect(JSON.parse(out.stdout).test).toBe('rao-scott');
  });

  it('--rscales FILE (a header line, one number a line) gives JKn its per-replicate multipliers', async () => {
    const file = smallFile('3');
    const rscales = join(file, '..', 'rscales.csv');
    writeFileSync(rscales, 'rscale\n0.5\n0.5\n');
    const out = await runCli(['means', file, '--var', 'y', '--weight', 'w', '--repweights', '^rw[23]$', '--rep-type', 'JKn', '--rscales', rscales, '--json']);
    expect(out.code, out.stderr).toBe(0);
    // Replicate means (2·3 + 3·3 + 4·3)/9 = 3 and (1·3 + 3·3 + 4·3)/9 = 8/3; their mean 17/6; var = 0.5·((1/6)² + (1/6)²).
    expect(JSON.parse(out.stdout).groups[0].se).toBeCloseTo(Math.sqrt(0.5 * 2 * (1 / 36)), 12);
  });

  const small = smallFile('-1');
  it.each([
    [[apiclus1, '--weight', 'pw', '--repweights', '^zz', '--rep-type', 'JK1'], /--repweights \^zz matches no column/],
    [[apiclus1, '--weight', 'pw', '--repweights', 'w', '--rep-type', 'JK1'], /matches the full-sample weight pw too/],
    [[apiclus1, '--weight', 'pw', '--repweights', '^(bw1|stype)$', '--rep-type', 'JK1'], /replicate weight stype is not numeric/],
    [[small, '--weight', 'w', '--repweights', '^rw', '--rep-type', 'JK1'], /replicate weight rw1 is -1 in row 4/],
    [[smallFile(''), '--weight', 'w', '--repweights', '^rw', '--rep-type', 'JK1'], /replicate weight rw1 is missing in row 4/],
    [[small, '--weight', 'w', '--repweights', '^rw[23]', '--rep-type', 'other', '--rscales', '1,1,1'], /--rscales has 3 values, but there are 2 replicate weight columns/],
    [[small, '--weight', 'w', '--repweights', '^rw[23]', '--rep-type', 'JKn'], /--rep-type JKn needs --rscales/],
    [[small, '--weight', 'w', '--repweights', '^rw[23]', '--rep-type', 'Fay'], /--rep-type Fay needs --rho/],
    [[small, '--weight', 'w', '--repweights', '^rw[23]'], /--repweights needs --rep-type/],
    [[small, '--repweights', '^rw[23]', '--rep-type', 'JK1'], /--repweights needs --weight W/],
    [[small, '--weight', 'w', '--rep-type', 'JK1'], /--rep-type describes replicate weights; it needs --repweights/],
    [[small, '--weight', 'w', '--mse'], /--mse describes replicate weights/],
    [[apistrat, '--weight', 'pw', '--strata', 'stype', '--replicates', 'BRR'], /--replicates BRR needs exactly two PSUs in every stratum, and stratum E has 100/],
    [[apistrat, '--weight', 'pw', '--strata', 'stype', '--replicates', 'JK1'], /--replicates JK1 is for an unstratified design/],
    [[apiclus1, '--weight', 'pw', '--cluster', 'dnum', '--replicates', 'JKn'], /--replicates JKn needs a stratified design/],
    [[apiclus1, '--weight', 'pw', '--cluster', 'dnum', '--replicates', 'BRR2'], /--replicates BRR2 is not one of JK1, JKn, BRR, Fay/],
    [[apiclus1, '--weight', 'pw', '--cluster', 'dnum', '--repweights', '^bw', '--rep-type', 'bootstrap'], /with --repweights the replicate weights carry the design/],
  ])('bad input %j is one line with exit code 2', async (args, message) => {
    const out = await runCli(['means', ...args.slice(0, 1), '--var', args[0] === small || String(args[0]).includes('survey-rep-') ? 'y' : 'api00', ...args.slice(1)]);
    expect(out.code, out.stderr).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  it('--help lists the replicate options with an example', async () => {
    const out = await runCli(['means', '--help']);
    expect(out.stdout).toMatch(/--repweights <pattern>/);
    expect(out.stdout).toMatch(/--replicates <type>/);
    expect(out.stdout).toMatch(/--rep-type other --scale 0.05 --mse/);
  });
});
