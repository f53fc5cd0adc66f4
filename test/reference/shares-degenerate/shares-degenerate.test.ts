import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateMeans } from '../../../src/analyze/estimators/estimate-means.js';
import { estimateShares } from '../../../src/analyze/estimators/estimate-shares.js';
import { DESIGN_CI_METHODS } from '../../../src/analyze/estimators/proportion-interval.js';
import { makeDesign, type DesignSpec } from '../../../src/core/design.js';
import type { DataTable } from '../../../src/core/data-table.js';
import { readDataTable } from '../../../src/ingest/read-data-table.js';
import { expectClose } from '../../helpers/expect-close.js';

// Groups A (one row), B (share 0), C (share 1, x constant), D (ordinary), E (one PSU): what R gives
// (make-expected.R). Where R has no interval — NaN, an error, or a fit that did not converge — the
// toolkit gives NaN (null in JSON) and a note that the CLI prints as a one-line warning.
const r = JSON.parse(readFileSync(new URL('./expected.json', import.meta.url), 'utf8'));
const closedForm = { rtol: 1e-10 };
// A domain that is one whole PSU has linearization SE 0 up to rounding (R: 2.8e-17).
const linearization = { rtol: 1e-8, atol: 1e-15 };

let table: DataTable;
beforeAll(async () => {
  table = (await readDataTable(new URL('./degenerate.csv', import.meta.url).pathname)).table;
});

interface RGroup { level: string; df: number; share: number; se: number; ci: Record<string, number[] | string>; mean: number; mean_se: number; mean_ci: number[] }

/** R's svyciprop interval, or NaN NaN where R has none: NaN, an error, or an unconverged fit that misses the estimate. */
function rInterval(w: RGroup, method: string): [number, number] {
  const ci = w.ci[method];
  if (typeof ci === 'string' || ci.some((v) => v === null)) return [NaN, NaN];
  if (method === 'logit' && (w.share === 0 || w.share === 1)) return [NaN, NaN];
  return ci as [number, number];
}

describe('unweighted degenerate groups: prop.test (Wilson) and t.test', () => {
  it('shares: SE 0 and the Wilson interval R prints, exactly 0 or 1 at the bound', () => {
    const result = estimateShares(makeDesign(table), { variable: 'y', values: [1], by: 'g' });
    for (const w of r.unweighted) {
      const g = result.groups.find((x) => x.level === w.level)!;
      expect([g.n, g.share, g.standardError]).toEqual([w.n, w.share, expect.closeTo(w.se, 15)]);
      expectClose([g.confLow, g.confHigh], w.wilson, { ...closedForm, label: `${w.level} wilson` });
      if (w.share === 0) expect(g.confLow).toBe(0);
      if (w.share === 1) expect(g.confHigh).toBe(1);
      expect(g.note).toBeNull();
    }
  });
  it('means: no SE for one value, no interval when t.test says the data are constant', () => {
    const result = estimateMeans(makeDesign(table), { variable: 'x', by: 'g' });
    for (const w of r.unweighted) {
      const g = result.groups.find((x) => x.level === w.level)!;
      expectClose([g.mean, g.standardError], [w.mean, w.mean_se], { ...closedForm, label: `${w.level} mean, se` });
      const ci = typeof w.t_ci === 'string' ? [NaN, NaN] : w.t_ci;
      expectClose([g.confLow, g.confHigh], ci, { ...closedForm, label: `${w.level} t.test ci` });
      expect(g.note === null, `${w.level} note`).toBe(typeof w.t_ci !== 'string');
    }
  });
});

const designs: [string, DesignSpec][] = [
  ['weighted', { weight: 'w' }],
  ['stratified', { weight: 'w', strata: 's' }],
  ['clustered', { weight: 'w', cluster: 'psu' }],
];

describe('design-based degenerate domains: svymean / svyby / svyciprop', () => {
  for (const [key, spec] of designs) {
    for (const method of DESIGN_CI_METHODS) {
      it(`${key}: shares, svyciprop(method = "${method}")`, () => {
        const result = estimateShares(makeDesign(table, spec), { variable: 'y', values: [1], by: 'g', ci: method });
        for (const w of r[key] as RGroup[]) {
          const g = result.groups.find((x) => x.level === w.level)!;
          const label = `${key} ${w.level} ${method}`;
          expectClose(g.share, w.share, { ...closedForm, label: `${label} share` });
          expectClose(g.standardError, w.se, { ...linearization, label: `${label} se` });
          const want = rInterval(w, method);
          expectClose([g.confLow, g.confHigh], want, { ...linearization, label: `${label} ci` });
          // Never an inverted interval, and a reason whenever there is none.
          if (!Number.isNaN(g.confLow)) expect(g.confLow, label).toBeLessThanOrEqual(g.confHigh);
          expect(g.note === null, `${label} note: ${g.note}`).toBe(!Number.isNaN(want[0]));
        }
      });
    }
    it(`${key}: means, svymean with confint (normal): SE 0 and [mean, mean] for one row`, () => {
      const result = estimateMeans(makeDesign(table, spec), { variable: 'x', by: 'g' });
      for (const w of r[key] as RGroup[]) {
        const g = result.groups.find((x) => x.level === w.level)!;
        expectClose(g.mean, w.mean, { ...closedForm, label: `${key} ${w.level} mean` });
        expectClose([g.standardError, g.confLow, g.confHigh], [w.mean_se, ...w.mean_ci], { ...linearization, label: `${key} ${w.level} se, ci` });
      }
    });
  }
});
