import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWaves, type Wave } from '../../../src/compare/compare-waves.js';
import { waveIndicators } from '../../../src/compare/wave-indicators.js';
import { runCli, tempDir } from '../../helpers/run-cli.js';

const group = (level: string, share: number, se = 0.01) => ({ by: level === 'all' ? null : 'area', level, n: 100, count: Math.round(share * 100), share, se, conf_low: share - 0.02, conf_high: share + 0.02 });
const quantiles = (shift: number) => ({
  command: 'quantiles',
  results: [{ var: 'income', qrule: 'math', groups: [0.25, 0.5, 0.75].map((prob, k) => ({ by: null, level: 'all', n: 100, prob, quantile: 1000 * (k + 1) + shift, se: 50, conf_low: 0, conf_high: 1 })) }],
});
const coefficients = (b: number) => [{ term: 'x', estimate: b, std_error: 0.1, conf_low: b - 0.2, conf_high: b + 0.2 }];
const results = (shift: number) => ({
  analyses: [
    { command: 'shares', results: [{ var: 'happy', values: [4, 5], groups: [group('all', 0.5 + shift)] }] },
    // The same share again by area: its overall row is the same estimate, kept once.
    { command: 'shares', results: [{ var: 'happy', values: [4, 5], groups: [group('all', 0.5 + shift), group('城市', 0.6 + shift)] }] },
    quantiles(shift),
    // One model with default and with robust SEs, and the same model twice on different data (a filter elsewhere): never one row for two.
    { command: 'regress', results: [{ model: 'ols', formula: 'y ~ x', se_type: 'classical', coefficients: coefficients(1 + shift) }] },
    { command: 'regress', results: [{ model: 'ols', formula: 'y ~ x', se_type: 'HC1', coefficients: coefficients(1 + shift) }] },
    { command: 'regress', results: [{ model: 'ols', formula: 'y  ~  x', se_type: 'classical', coefficients: coefficients(2 + shift) }] },
  ],
});
const wave = (label: string, shift: number): Wave => ({ label, source: label, results: results(shift), codebook: null, cleaning: null, weighting: null });

describe('comparison keys', () => {
  it('are unique: quantiles by prob, robust SEs apart, a second different estimate under #2, the same estimate once', () => {
    const { plain } = waveIndicators(results(0));
    expect([...plain.keys()]).toEqual([
      'shares|happy|[4,5]||all',
      'shares|happy|[4,5]|area|城市',
      'quantiles|income||qrule="math"|prob=0.25||all',
      'quantiles|income||qrule="math"|prob=0.5||all',
      'quantiles|income||qrule="math"|prob=0.75||all',
      'regress|ols|y~x|x',
      'regress|ols|y~x|HC1|x',
      'regress|ols|y~x|x#2',
    ]);
    expect(plain.get('quantiles|income||qrule="math"|prob=0.75||all')!.estimate).toBe(3000);
    expect(plain.get('regress|ols|y~x|x#2')!.estimate).toBe(2);
  });

  it('match the same estimate across waves, each compared once', () => {
    const rows = compareWaves([wave('A', 0), wave('B', 0.1)]).pairs[0].rows;
    expect(new Set(rows.map((r) => r.indicator.key)).size).toBe(rows.length);
    expect(rows).toHaveLength(8);
    for (const r of rows) expect(r.difference).toBeCloseTo(0.1, 9);
    expect(rows.find((r) => r.indicator.key === 'regress|ols|y~x|x#2')!.earlier.estimate).toBe(2);
  });
});

describe('multiple-response questions across waves', () => {
  it('compare each option\'s share of cases, by group, as prop.test on the cases that answered', async () => {
    const dir = tempDir('survey-compare-multi-');
    writeFileSync(join(dir, 'q.yaml'), 'id: m\ntitle: 多选\nvariables:\n  - {name: area, type: single, choices: {1: 城市, 2: 农村}}\n  - {name: hobby, label: 您的爱好, type: multi, choices: {1: 运动, 2: 阅读, 3: 旅游}}\n');
    // Wave A: 40 people, wave B: 60; option 1 chosen by every second person in A and two in three in B.
    const csv = (n: number, every: number) => ['area,hobby_1,hobby_2,hobby_3', ...Array.from({ length: n }, (_, i) => `${1 + (i % 2)},${i % every === 0 ? 0 : 1},${i % 3 === 0 ? 1 : 0},${i % 5 === 0 ? 1 : 0}`)].join('\n') + '\n';
    const results = async (n: number, every: number) => {
      writeFileSync(join(dir, `w${n}.csv`), csv(n, every));
      const r = await runCli(['multi', join(dir, `w${n}.csv`), '--codebook', join(dir, 'q.yaml'), '--var', 'hobby', '--by', 'area', '--json']);
      expect(r.code, r.stderr).toBe(0);
      return { analyses: [{ command: 'multi', results: [JSON.parse(r.stdout)] }] };
    };
    const [a, b] = [await results(40, 2), await results(60, 3)];
    const rows = compareWaves([{ ...wave('A', 0), results: a }, { ...wave('B', 0), results: b }]).pairs[0].rows;
    expect(rows.map((r) => r.indicator.key)).toContain('multi|hobby|[1]||all');
    expect(rows.map((r) => r.indicator.key)).toContain('multi|hobby|[3]|area|农村');
    const sport = rows.find((r) => r.indicator.key === 'multi|hobby|[1]||all')!;
    // 20 of 40 against 40 of 60: prop.test(c(40, 20), c(60, 40), correct = FALSE) gives X-squared = 2.7778, p = 0.09558.
    expect([sport.earlier.count, sport.earlier.n, sport.indicator.count, sport.indicator.n]).toEqual([20, 40, 40, 60]);
    expect(sport.test).toBe('prop.test');
    expect(sport.difference).toBeCloseTo(2 / 3 - 1 / 2, 12);
    expect(sport.statistic).toBeCloseTo(2.777778, 5);
    expect(sport.pValue).toBeCloseTo(0.09558, 5);
  });
});
