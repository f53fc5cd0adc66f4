import { describe, expect, it } from 'vitest';
import { estimateQuantiles, quantileWith } from '../../../src/analyze/estimators/estimate-quantiles.js';
import { estimateRatio, ratioWith } from '../../../src/analyze/estimators/estimate-ratio.js';
import { estimateTotals, totalWith } from '../../../src/analyze/estimators/estimate-totals.js';
import { QUANTILE_RULES, weightedQuantile } from '../../../src/analyze/estimators/quantile-rules.js';
import { makeDesign } from '../../../src/core/design.js';
import { expectClose } from '../../helpers/expect-close.js';
import { expandRows, numericTable } from './numeric-table.js';

const columns = { y: [3, 1, 4, 1, 5, 9, 2, 6, NaN, 5], x: [2, 2, 3, 1, 4, 8, 2, 5, 1, 4], g: [1, 2, 1, 2, 1, 2, 1, 2, 1, 2] };
const freq = [1, 3, 2, 1, 4, 1, 2, 2, 1, 3];
const tight = { rtol: 1e-12, atol: 1e-12 };

/** The numbers of each group of a result, for comparing two designs. */
function numbers<T extends object>(groups: readonly T[], keys: (keyof T)[]): number[] {
  return groups.flatMap((g) => keys.map((k) => g[k] as number));
}

describe('point estimates are pure functions of the weights (the seam for replicate weights)', () => {
  const w = Float64Array.of(1, 2, 3, 4);
  const y = Float64Array.of(10, NaN, 30, 40);
  const b = Float64Array.of(1, 1, 2, 0);
  const domain = Uint8Array.of(1, 1, 1, 0);
  it('totalWith: Σ wy over the domain, missing values left out', () => {
    expect(totalWith(w, y, null)).toBe(10 + 90 + 160);
    expect(totalWith(w, y, domain)).toBe(100);
  });
  it('ratioWith: Σ wa / Σ wb over rows with both values', () => {
    expect(ratioWith(w, y, b, domain)).toBe(100 / 7);
    expect(ratioWith(w, y, Float64Array.of(0, 0, 0, 0), null)).toBe(Infinity);
  });
  it('quantileWith / weightedQuantile: R survey rules on small cases', () => {
    expect(quantileWith(w, y, null, 0.5)).toBe(30); // cumulative shares 1/8, 4/8, 8/8 → 30
    expect(weightedQuantile([1, 2, 3, 4], [1, 1, 1, 1], 0.5, 'math')).toBe(2);
    expect(weightedQuantile([1, 2, 3, 4], [1, 1, 1, 1], 0.5, 'school')).toBe(2.5);
    expect(weightedQuantile([1, 2, 3, 4], [1, 1, 1, 1], 0.5, 'hf7')).toBe(2.5);
    // R's qs(): p = 0 finds no cumulative weight ≤ 0, so "math" gives the second smallest value.
    expect(weightedQuantile([4, 1, 3, 2], [1, 1, 1, 1], 0, 'math')).toBe(2);
    expect(weightedQuantile([], [], 0.5, 'math')).toBeNaN();
  });
});

describe('frequency weights equal expanded rows', () => {
  const design = makeDesign(numericTable({ ...columns, f: freq }), { freq: 'f' });
  const expanded = makeDesign(numericTable(expandRows(columns, freq)));
  it('totals: total, SE, CI by group (the expanded rows as svydesign(ids = ~1, weights = ~one))', () => {
    const keys = ['n', 'total', 'standardError', 'confLow', 'confHigh'] as const;
    const a = estimateTotals(design, { variable: 'y', by: 'g' }).groups;
    const b = estimateTotals(expanded, { variable: 'y', by: 'g' }).groups;
    expectClose(numbers(a, [...keys]), numbers(b, [...keys]), { ...tight, label: 'totals' });
    expect(a.every((g) => Number.isNaN(g.deff))).toBe(true);
  });
  it('ratio: ratio, SE, CI by group', () => {
    const keys = ['n', 'ratio', 'standardError', 'confLow', 'confHigh'] as const;
    const a = estimateRatio(design, { numerator: 'y', denominator: 'x', by: 'g' }).groups;
    const b = estimateRatio(expanded, { numerator: 'y', denominator: 'x', by: 'g' }).groups;
    expectClose(numbers(a, [...keys]), numbers(b, [...keys]), { ...tight, label: 'ratio' });
  });
  it.each(QUANTILE_RULES)('quantiles (qrule %s): quantile, interval, SE and df by group', (rule) => {
    const keys = ['n', 'df', 'quantile', 'standardError', 'confLow', 'confHigh'] as const;
    const probs = [0, 0.2, 0.25, 0.5, 0.9, 1];
    const a = estimateQuantiles(design, { variable: 'y', probs, by: 'g', rule }).groups;
    const b = estimateQuantiles(expanded, { variable: 'y', probs, by: 'g', rule }).groups;
    expectClose(numbers(a, [...keys]), numbers(b, [...keys]), { ...tight, label: `quantiles ${rule}` });
  });
  it('an interpolating rule needs whole frequencies', () => {
    const fractional = makeDesign(numericTable({ ...columns, f: freq.map((f) => f + 0.5) }), { freq: 'f' });
    expect(() => estimateQuantiles(fractional, { variable: 'y', probs: [0.5], rule: 'hf7' })).toThrow(/needs whole frequencies/);
    expect(() => estimateQuantiles(fractional, { variable: 'y', probs: [0.5], rule: 'math' })).not.toThrow();
  });
});

describe('what the estimators refuse or flag', () => {
  const design = makeDesign(numericTable({ ...columns, w: columns.x }), { weight: 'w' });
  it('probabilities outside [0, 1] and unknown rules are usage errors', () => {
    expect(() => estimateQuantiles(design, { variable: 'y', probs: [1.5] })).toThrow(/between 0 and 1, not 1.5/);
    expect(() => estimateQuantiles(design, { variable: 'y', probs: [-0.1] })).toThrow(/between 0 and 1/);
    expect(() => estimateQuantiles(design, { variable: 'y', probs: [0.5], rule: 'hf10' as never })).toThrow(/unknown quantile rule/);
  });
  it('a denominator totalling 0 gives NaN with a note, the other groups their ratio', () => {
    const table = numericTable({ a: [1, 2, 3, 4], b: [0, 0, 1, 2], g: [1, 1, 2, 2] });
    const r = estimateRatio(makeDesign(table), { numerator: 'a', denominator: 'b', by: 'g' });
    expect(r.groups[1].ratio).toBeNaN();
    expect(r.groups[1].note).toMatch(/denominator b totals 0/);
    expect(r.groups[2].ratio).toBe(7 / 3);
    expect(r.groups[0].note).toBeNull();
  });
  it('a categorical variable is totalled per category; a numeric one with codebook choices is categorical too', () => {
    const table = numericTable({ c: [1, 2, 2, NaN], w: [1, 2, 3, 4] }, { variables: [{ name: 'c', type: 'single', choices: [{ code: 1, label: '城市' }, { code: 2, label: '农村' }] }] as never });
    const t = estimateTotals(makeDesign(table, { weight: 'w' }), { variable: 'c' });
    expect(t.categorical).toBe(true);
    expect(t.groups.map((g) => [g.value, g.total, g.n, g.count])).toEqual([['城市', 1, 3, 1], ['农村', 5, 3, 2]]);
  });
});
