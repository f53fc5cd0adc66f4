import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/run-cli.js';

// Issue #15.2 on a real 问卷星 export: ingest (drafted codebook) → clean → weight → shares/regress,
// each stage reading the one before, multi-select 0/1 columns and metadata kept throughout.
const samples = fileURLToPath(new URL('../../../shared/samples/wjx-real/', import.meta.url));
let dir: string;
const header = (file: string) => readFileSync(file, 'utf8').split('\n', 1)[0].split(',');
const q6 = Array.from({ length: 14 }, (_, k) => `q6_${k + 1}`);

async function ok(args: string[]) {
  const run = await runCli(args);
  expect(run.code, `${args.join(' ')}\n${run.stderr}`).toBe(0);
  return run;
}

beforeAll(async () => {
  dir = tempDir();
  const at = (f: string) => join(dir, f);
  await ok(['ingest', `${samples}wjx-800-text.xlsx`, '--pair', `${samples}wjx-800-code.xlsx`, '--write-codebook', at('q.yaml'), '--out', at('coded.csv')]);
  await ok(['codebook', 'check', at('q.yaml')]);
  await ok(['clean', at('coded.csv'), '--codebook', at('q.yaml'), '--out', at('clean.csv')]);
  writeFileSync(at('population.yaml'), 'margins:\n  q3: {男: 500, 女: 500}\n');
  await ok(['weight', at('clean.csv'), '--codebook', at('q.yaml'), '--targets', at('population.yaml'), '--out', at('weighted.csv')]);
});

describe('the 800-row real export through every stage', () => {
  it('keeps the metadata and the multi-select option columns in clean.csv and weighted.csv', () => {
    const clean = header(join(dir, 'clean.csv'));
    expect(clean).toEqual(expect.arrayContaining(['id', 'submitted_at', 'ip', ...q6, 'q6_other', '_flags']));
    expect(header(join(dir, 'weighted.csv'))).toEqual([...clean, 'weight']);
  });

  it('weighted.csv feeds shares, crosstab and regress with its weight and the codebook', async () => {
    const weighted = join(dir, 'weighted.csv');
    const q = join(dir, 'q.yaml');
    const shares = JSON.parse((await ok(['shares', weighted, '--codebook', q, '--var', 'q3', '--values', '2', '--weight', 'weight', '--json'])).stdout);
    // Post-stratified to 男 500 : 女 500, the weighted share of 女 is one half.
    expect(shares.groups[0].share).toBeCloseTo(0.5, 12);
    const fit = JSON.parse((await ok(['regress', weighted, '--codebook', q, 'q6_1 ~ factor(q3)', '--model', 'logit', '--weight', 'weight', '--json'])).stdout);
    expect(fit.nobs).toBeGreaterThan(700);
    await ok(['crosstab', weighted, '--codebook', q, '--rows', 'q3', '--cols', 'q6_1', '--weight', 'weight', '--json']);
  });

  it('multi tabulates the multi-select q6 of coded.csv (#15.1): selections, % of responses and of cases per option', async () => {
    const q = join(dir, 'q.yaml');
    const coded = join(dir, 'coded.csv');
    const json = JSON.parse((await ok(['multi', coded, '--codebook', q, '--var', 'q6', '--by', 'q3', '--json'])).stdout);
    const [all, men, women] = json.groups;
    expect(all.n).toBe(800);
    expect([men.level, women.level]).toEqual(['男', '女']);
    // Counted straight from the coded 0/1 columns (the 按序号 download's 第6题(…) columns).
    const lines = readFileSync(coded, 'utf8').trim().split('\n').map((l) => l.split(','));
    const at = lines[0].indexOf('q6_1');
    const sports = lines.slice(1).filter((l) => l[at] === '1').length;
    expect(all.options[0]).toMatchObject({ code: 1, label: '运动', count: sports });
    expect(all.options[0].share_of_cases).toBeCloseTo(sports / 800, 12);
    expect(all.options.reduce((a: number, o: { share_of_responses: number }) => a + o.share_of_responses, 0)).toBeCloseTo(1, 12);
    expect(json.tests.length).toBe(all.options.length);
    const weighted = JSON.parse((await ok(['multi', join(dir, 'weighted.csv'), '--codebook', q, '--var', 'q6', '--by', 'q3', '--weight', 'weight', '--json'])).stdout);
    expect(weighted.tests[0].test).toBe('rao-scott');
  });
});
