import { describe, expect, it } from 'vitest';
import { estimateShares } from '../../../src/analyze/estimators/estimate-shares.js';
import { makeDesign } from '../../../src/core/design.js';
import { expectClose } from '../../helpers/expect-close.js';
import { expandRows, numericTable } from './numeric-table.js';

const columns = { y: [1, 2, 3, 4, 5, 5, NaN, 2, 4], g: [1, 1, 1, 2, 2, 2, 2, 1, 2] };
const freq = [3, 1, 2, 5, 1, 4, 2, 1, 2];

describe('estimateShares', () => {
  it('frequency weights equal expanded rows, for every interval method', () => {
    const aggregated = makeDesign(numericTable({ ...columns, f: freq }), { freq: 'f' });
    const expanded = makeDesign(numericTable(expandRows(columns, freq)));
    for (const ci of ['wilson', 'clopper-pearson', 'agresti-coull', 'jeffreys'] as const) {
      const a = estimateShares(aggregated, { variable: 'y', values: [4, 5], by: 'g', ci });
      const b = estimateShares(expanded, { variable: 'y', values: [4, 5], by: 'g', ci });
      a.groups.forEach((g, k) => {
        const want = b.groups[k];
        expect([g.n, g.count]).toEqual([want.n, want.count]);
        expectClose([g.share, g.standardError, g.confLow, g.confHigh], [want.share, want.standardError, want.confLow, want.confHigh], { rtol: 1e-12, label: `${ci} group ${k}` });
      });
      expectClose(a.difference!.pValue, b.difference!.pValue, { rtol: 1e-12, label: 'difference p' });
    }
  });

  it('keeps binomial intervals for unweighted shares and svyciprop intervals for design-based ones', () => {
    const table = numericTable({ ...columns, w: freq });
    expect(() => estimateShares(makeDesign(table), { variable: 'y', values: [5], ci: 'beta' })).toThrow(/design-based interval; it needs --weight/);
    expect(() => estimateShares(makeDesign(table, { weight: 'w' }), { variable: 'y', values: [5], ci: 'jeffreys' })).toThrow(/design-based shares use the logit \(default\), xlogit, beta, mean, likelihood or asin/);
  });

  it('reports a group without valid answers as NA with the reason', () => {
    const table = numericTable({ y: [1, 5, NaN, NaN], g: [1, 1, 2, 2] });
    const r = estimateShares(makeDesign(table), { variable: 'y', values: [5], by: 'g' });
    expect(r.groups[2].share).toBeNaN();
    expect(r.groups[2].note).toMatch(/no valid answers/);
    expect(r.difference).toBeNull();
  });

  it('takes the top categories of an ordered codebook item, and refuses an unordered one', () => {
    const choices = [1, 2, 3].map((code) => ({ code, label: `c${code}`, aliases: [] }));
    const table = numericTable({ y: [1, 2, 3, 3], z: [1, 2, 3, 3] }, {
      variables: [{ name: 'y', type: 'single', ordered: true, choices, aliases: [] }, { name: 'z', type: 'single', choices, aliases: [] }],
    });
    expect(estimateShares(makeDesign(table), { variable: 'y', top: 1 }).valueLabels).toEqual(['c3']);
    expect(estimateShares(makeDesign(table), { variable: 'y', values: ['c2'] }).values).toEqual([2]);
    expect(() => estimateShares(makeDesign(table), { variable: 'z', top: 1 })).toThrow(/ordered/);
  });
});
