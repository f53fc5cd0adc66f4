import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const study = new URL('../../data-samples/bazhou-2025/', import.meta.url).pathname;
const apiclus1 = new URL('../reference/shares-api-weighted/apiclus1.csv', import.meta.url).pathname;

// Each command as a user runs it: streamed (a CSV, the default) and read whole (SURVEY_STREAM=0).
const commands: string[][] = [
  ['shares', `${study}responses.csv`, '--codebook', `${study}codebook.yaml`, '--var', 'happiness', '--top', '2', '--by', 'area'],
  ['shares', `${study}responses.csv`, '--codebook', `${study}codebook.yaml`, '--var', 'sat_*', '--top', '2', '--by', 'area', '--json'],
  ['shares', apiclus1, '--var', 'sch_wide', '--values', 'Yes', '--by', 'awards', '--weight', 'pw', '--json'],
  ['shares', apiclus1, '--var', 'sch_wide', '--values', 'Yes', '--by', 'awards', '--weight', 'pw', '--lang', 'en'],
  ['means', `${study}responses.csv`, '--codebook', `${study}codebook.yaml`, '--var', 'income,age', '--by', 'area'],
  ['means', `${study}responses.csv`, '--codebook', `${study}codebook.yaml`, '--var', 'income', '--by', 'education', '--json'],
  ['means', apiclus1, '--var', 'api00', '--by', 'stype', '--weight', 'pw', '--json'],
  ['means', apiclus1, '--var', 'api00,meals', '--by', 'awards', '--weight', 'pw'],
  ['regress', `${study}responses.csv`, 'happiness ~ log(income) + age + area', '--codebook', `${study}codebook.yaml`, '--robust', 'HC3'],
  ['regress', `${study}responses.csv`, 'happiness ~ log(income) + age + factor(education)', '--codebook', `${study}codebook.yaml`, '--json'],
];

/** JSON prints doubles in full: the streamed sums run in another order, so its numbers agree to 1e-12 (relative), the rest exactly. */
function expectClose(a: unknown, b: unknown): void {
  if (typeof b === 'number') return expect(Math.abs((a as number) - b) / Math.max(1, Math.abs(b))).toBeLessThanOrEqual(1e-12);
  if (b && typeof b === 'object') {
    expect(Object.keys(a as object)).toEqual(Object.keys(b));
    for (const [k, v] of Object.entries(b)) expectClose((a as Record<string, unknown>)[k], v);
    return;
  }
  expect(a).toEqual(b);
}

describe('streamed commands print what the in-memory path prints: tables byte for byte, JSON to 1e-12', () => {
  it.each(commands.map((c) => [c.slice(0, 4).join(' '), c]))('%s', async (_name, args) => {
    // One after the other: runCli sets the environment of this process for the call.
    const streamed = await runCli(args as string[]);
    const whole = await runCli(args as string[], { env: { SURVEY_STREAM: '0' } });
    expect(streamed.code, streamed.stderr).toBe(0);
    if ((args as string[]).includes('--json')) expectClose(JSON.parse(streamed.stdout), JSON.parse(whole.stdout));
    else expect(streamed.stdout).toBe(whole.stdout);
    expect(streamed.stderr).toBe(whole.stderr);
  });
});
