import { describe, expect, it } from 'vitest';
import { estimateReliability } from '../../../src/analyze/estimators/estimate-reliability.js';
import { makeDesign } from '../../../src/core/design.js';
import { expectClose } from '../../helpers/expect-close.js';
import { expandRows, numericTable } from './numeric-table.js';

const choices = [1, 2, 3, 4, 5].map((code) => ({ code, label: String(code), aliases: [] }));
const a = [1, 2, 3, 4, 5, 4, 2, 3];
const b = [2, 2, 3, 5, 4, 4, 1, 3];
const c = [4, 5, 3, 2, 1, 2, 4, 3];

describe('estimateReliability', () => {
  it('flips reverse-coded items as min + max − x over the choice codes', () => {
    const reversed = numericTable({ a, b, c }, { variables: [{ name: 'c', type: 'single', ordered: true, reverse: true, choices, aliases: [] }] });
    const flipped = numericTable({ a, b, c: c.map((x) => 6 - x) });
    const r1 = estimateReliability(makeDesign(reversed), { items: ['a', 'b', 'c'] });
    const r2 = estimateReliability(makeDesign(flipped), { items: ['a', 'b', 'c'] });
    expect(r1.items[2].reversed).toBe(true);
    expectClose([r1.alpha, r1.standardizedAlpha, r1.kmo, r1.items[2].itemTotalR], [r2.alpha, r2.standardizedAlpha, r2.kmo, r2.items[2].itemTotalR], { rtol: 1e-14, label: 'reversed' });
  });

  it('frequency weights equal expanded rows', () => {
    const f = [1, 3, 2, 1, 2, 1, 4, 2];
    const r1 = estimateReliability(makeDesign(numericTable({ a, b, c, f }), { freq: 'f' }), { items: ['a', 'b', 'c'] });
    const r2 = estimateReliability(makeDesign(numericTable(expandRows({ a, b, c }, f))), { items: ['a', 'b', 'c'] });
    expect(r1.n).toBe(r2.n);
    expectClose([r1.alpha, r1.bartlett.statistic, r1.items[0].alphaIfDeleted], [r2.alpha, r2.bartlett.statistic, r2.items[0].alphaIfDeleted], { rtol: 1e-12, label: 'freq' });
  });
});
