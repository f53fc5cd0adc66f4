import { describe, expect, it } from 'vitest';
import { allocateCounts } from '../../../src/simulate/draw/allocate-counts.js';
import { formatResponsesCsv } from '../../../src/simulate/format-responses-csv.js';
import { simulateResponses } from '../../../src/simulate/simulate-responses.js';
import { ANSWERED, EMPTY, type SimulatedSample } from '../../../src/simulate/simulated-sample.js';
import { planOf } from './fixture.js';

const plan = planOf();
const sample = simulateResponses(plan, { seed: 42 });

function column(s: SimulatedSample, name: string) {
  const c = s.columns.get(name);
  if (!c) throw new Error(`no column ${name}`);
  return c;
}

/** Counts of each choice index among the answered rows of `rows`. */
function counts(s: SimulatedSample, name: string, rows: number[], k: number): number[] {
  const c = column(s, name);
  const out = Array<number>(k).fill(0);
  for (const row of rows) if (c.missing[row] === ANSWERED) out[c.values[row]]++;
  return out;
}

const rowsWhere = (s: SimulatedSample, name: string, level: number) =>
  Array.from({ length: s.n }, (_, i) => i).filter((i) => column(s, name).values[i] === level);
const allRows = (s: SimulatedSample) => Array.from({ length: s.n }, (_, i) => i);

describe('simulateResponses', () => {
  it('draws strata of exactly the spec sizes, or scaled to n', () => {
    expect(sample.n).toBe(500);
    expect(sample.strataSizes).toEqual([300, 200]);
    expect(rowsWhere(sample, 'area', 1)).toHaveLength(200);
    expect(simulateResponses(plan, { seed: 1, n: 101 }).strataSizes).toEqual([61, 40]);
  });

  it('hits ordinal targets exactly among answered rows, pooled or per group', () => {
    const answered = (name: string, rows: number[]) => counts(sample, name, rows, 5).reduce((a, b) => a + b, 0);
    const all = allRows(sample);
    expect(counts(sample, 'sat_a', all, 5)).toEqual(allocateCounts(answered('sat_a', all), [0.1, 0.2, 0.4, 0.2, 0.1]));
    const rural = rowsWhere(sample, 'area', 1);
    const urban = rowsWhere(sample, 'area', 0);
    expect(counts(sample, 'sat_b', rural, 5)).toEqual(allocateCounts(answered('sat_b', rural), [0.3, 0.3, 0.2, 0.1, 0.1]));
    expect(counts(sample, 'sat_b', urban, 5)).toEqual(allocateCounts(answered('sat_b', urban), [0.1, 0.2, 0.4, 0.2, 0.1]));
    expect(sample.cuts.get('sat_b')?.map((c) => c.group)).toEqual(['rest', 'area=2']);
    expect(sample.cuts.get('happy')?.map((c) => c.group)).toEqual(['all']);
  });

  it('draws categorical shares exactly per group', () => {
    expect(counts(sample, 'sex', rowsWhere(sample, 'area', 1), 2)).toEqual([120, 80]);
    expect(counts(sample, 'sex', rowsWhere(sample, 'area', 0), 2)).toEqual([150, 150]);
  });

  it('makes exactly round(rate × n) rows missing of each kind', () => {
    const missing = (name: string, code: number) => column(sample, name).missing.filter((m) => m === code).length;
    expect(missing('income', EMPTY)).toBe(20);
    expect(missing('sat_a', 0)).toBe(10);
    expect(missing('sat_b', EMPTY)).toBe(5);
    expect(missing('happy', 0)).toBe(10);
    expect(missing('sat_c', ANSWERED)).toBe(500);
  });

  it('clamps, rounds and calibrates numerics: exact means per group among answered rows', () => {
    const income = column(sample, 'income');
    for (const [level, target] of [[0, 40000], [1, 20000]]) {
      const rows = rowsWhere(sample, 'area', level).filter((r) => income.missing[r] === ANSWERED);
      const mean = rows.reduce((a, r) => a + income.values[r], 0) / rows.length;
      expect(Math.abs(mean - target)).toBeLessThan(1);
    }
    const age = column(sample, 'age').values;
    expect(age.every((a) => Number.isInteger(a) && a >= 18 && a <= 80)).toBe(true);
    const meanAge = (level: number) => {
      const rows = rowsWhere(sample, 'sex', level);
      return rows.reduce((a, r) => a + age[r], 0) / rows.length;
    };
    expect(meanAge(1) - meanAge(0)).toBeGreaterThan(2);
  });

  it('makes the outcome rise with its predictors', () => {
    const happy = column(sample, 'happy');
    const satA = column(sample, 'sat_a');
    const mean = (rows: number[]) => rows.reduce((a, r) => a + happy.values[r], 0) / rows.length;
    const low = allRows(sample).filter((r) => satA.values[r] <= 1);
    const high = allRows(sample).filter((r) => satA.values[r] >= 3);
    expect(mean(high)).toBeGreaterThan(mean(low) + 0.3);
  });

  it('is deterministic for a seed and differs for another seed', () => {
    const again = formatResponsesCsv(plan, simulateResponses(plan, { seed: 42 }));
    expect(again).toBe(formatResponsesCsv(plan, sample));
    expect(formatResponsesCsv(plan, simulateResponses(plan, { seed: 43 }))).not.toBe(again);
  });
});

describe('formatResponsesCsv', () => {
  const lines = (text: string) => text.split('\n');
  it('writes an id column and the written variables in codebook order, codes by default', () => {
    const csv = formatResponsesCsv(plan, sample);
    expect(csv.endsWith('\n')).toBe(true);
    expect(csv).not.toContain('\r');
    const [header, first] = lines(csv);
    expect(header).toBe('id,area,sex,age,income,sat_a,sat_b,sat_c,happy');
    expect(first).toMatch(/^1,[12],[12],\d+,(\d+)?,[1-59]?,[1-5]?,[1-5],[1238]$/);
    expect(lines(csv)).toHaveLength(502);
  });

  it('writes labels (and missing-code labels) with labels: true', () => {
    const csv = formatResponsesCsv(plan, sample, { labels: true });
    const rows = lines(csv).slice(1, -1).map((l) => l.split(','));
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['城市', '农村']));
    expect(new Set(rows.map((r) => r[8]))).toEqual(new Set(['不幸福', '一般', '幸福', '说不清']));
    expect(rows.some((r) => r[5] === '拒绝回答')).toBe(true);
    expect(rows.filter((r) => r[4] === '')).toHaveLength(20);
  });
});
