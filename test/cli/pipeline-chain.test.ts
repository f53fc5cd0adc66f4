import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/run-cli.js';

// Issue #15.2: every stage's output is a valid input to the next, and columns outside the
// codebook (ids, times, IPs, flags, weights) stay in the files and usable by name.
const study = new URL('../../data-samples/bazhou-2025/', import.meta.url).pathname;
const codebook = `${study}codebook.yaml`;
let dir: string;
const header = (file: string) => readFileSync(file, 'utf8').split('\n', 1)[0].split(',');

/** Runs a stage; ingest and clean exit 1 on the export's planted data problems, which is fine here. */
async function ok(args: string[], codes = [0]) {
  const run = await runCli(args);
  expect(codes, `${args.join(' ')} exited ${run.code}\n${run.stderr}`).toContain(run.code);
  return run;
}

beforeAll(async () => {
  dir = tempDir();
  await ok(['ingest', `${study}wjx-export.xlsx`, '--codebook', codebook, '--out', join(dir, 'coded.csv')], [0, 1]);
  await ok(['clean', join(dir, 'coded.csv'), '--codebook', codebook, '--out', join(dir, 'clean.csv')], [0, 1]);
  await ok(['weight', join(dir, 'clean.csv'), '--codebook', codebook, '--targets', `${study}population.yaml`, '--out', join(dir, 'weighted.csv')]);
});

describe('ingest → clean → weight → shares/regress on the bundled study', () => {
  it('weighted.csv keeps every column of clean.csv (id, time, IP, _flags) and adds the weight', () => {
    const clean = header(join(dir, 'clean.csv'));
    expect(clean).toEqual(expect.arrayContaining(['id', 'submitted_at', 'duration_s', 'ip', 'ip_region', '_flags']));
    expect(header(join(dir, 'weighted.csv'))).toEqual([...clean, 'weight']);
  });

  it('shares and regress read the weight column of weighted.csv with the codebook', async () => {
    const weighted = join(dir, 'weighted.csv');
    const shares = JSON.parse((await ok(['shares', weighted, '--codebook', codebook, '--var', 'happiness', '--top', '2', '--weight', 'weight', '--json'])).stdout);
    expect(shares.ci_method).toBe('logit');
    expect(shares.groups[0].share).toBeGreaterThan(0.5);
    const fit = JSON.parse((await ok(['regress', weighted, '--codebook', codebook, 'happiness ~ log(income) + sat_health_cost', '--model', 'ologit', '--weight', 'weight', '--json'])).stdout);
    expect(fit.weights).toBe('sampling');
    // The id kept by weight is usable too (as a cluster here: one row each, so SEs are finite).
    await ok(['means', weighted, '--codebook', codebook, '--var', 'income', '--weight', 'weight', '--cluster', 'id', '--json']);
  });

  it('cleaning clean.csv or weighted.csv again keeps every row and one _flags column', async () => {
    const again = join(dir, 'clean-again.csv');
    const summary = JSON.parse((await ok(['clean', join(dir, 'weighted.csv'), '--codebook', codebook, '--out', again, '--json'])).stdout);
    expect(summary.excluded_rows).toBe(0);
    const columns = header(again);
    expect(columns.filter((c) => c === '_flags')).toHaveLength(1);
    expect(columns).toContain('weight');
  });
});
