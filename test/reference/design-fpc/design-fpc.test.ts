import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateMeans } from '../../../src/analyze/estimators/estimate-means.js';
import { estimateShares } from '../../../src/analyze/estimators/estimate-shares.js';
import { makeDesign, type DesignSpec } from '../../../src/core/design.js';
import type { DataTable } from '../../../src/core/data-table.js';
import { readDataTable } from '../../../src/ingest/read-data-table.js';
import { expectClose } from '../../helpers/expect-close.js';
import { numericTable } from '../../unit/analyze/numeric-table.js';

const r = JSON.parse(readFileSync(new URL('./expected.json', import.meta.url), 'utf8'));
const here = new URL('.', import.meta.url).pathname;
const closedForm = { rtol: 1e-10 };
const linearization = { rtol: 1e-8 };

const tables: Record<string, DataTable> = {};
beforeAll(async () => {
  for (const name of ['apistrat', 'apiclus1']) tables[name] = (await readDataTable(`${here}${name}.csv`)).table;
});

const cases: [string, string, DesignSpec][] = [
  ['apistrat_fpc', 'apistrat', { weight: 'pw', strata: 'stype', fpc: 'fpc' }],
  ['apistrat_frac', 'apistrat', { weight: 'pw', strata: 'stype', fpc: 'frac' }],
  ['apistrat_nofpc', 'apistrat', { weight: 'pw', strata: 'stype' }],
  ['apiclus1_fpc', 'apiclus1', { weight: 'pw', cluster: 'dnum', fpc: 'fpc' }],
  ['apiclus1_frac', 'apiclus1', { weight: 'pw', cluster: 'dnum', fpc: 'frac' }],
];

interface Want { all: { mean: number; se: number; deff: number }; levels: string[]; mean: number[]; se: number[]; deff: number[] }

/** Overall then per level of awards, as R's svymean and svyby; deff skipped where R's is rounding noise over 0. */
function compare(key: string, groups: readonly { level: string; mean: number; se: number; deff: number }[], want: Want): void {
  const rows = [{ ...want.all, level: 'all' }, ...want.levels.map((level, k) => ({ level, mean: want.mean[k], se: want.se[k], deff: want.deff[k] }))];
  // Compared by level name, so the check does not depend on how levels are ordered.
  expect(groups.map((g) => g.level).sort()).toEqual(rows.map((w) => w.level).sort());
  groups.forEach((g) => {
    const w = rows.find((x) => x.level === g.level)!;
    expectClose(g.mean, w.mean, { ...closedForm, label: `${key} ${w.level} mean` });
    expectClose(g.se, w.se, { ...linearization, atol: 1e-15, label: `${key} ${w.level} se` });
    if (w.se > 1e-12) expectClose(g.deff, w.deff, { ...linearization, label: `${key} ${w.level} deff` });
  });
}

describe('--fpc: finite population correction = svydesign(fpc = ~F), as population sizes or fractions', () => {
  for (const [key, data, spec] of cases) {
    it(`${key}: svymean / svyby of api00 and of sch_wide = Yes by awards`, () => {
      const design = makeDesign(tables[data], spec);
      const means = estimateMeans(design, { variable: 'api00', by: 'awards' });
      compare(key, means.groups.map((g) => ({ level: g.level, mean: g.mean, se: g.standardError, deff: g.deff })), r[key].api00);
      const shares = estimateShares(design, { variable: 'sch_wide', values: ['Yes'], by: 'awards' });
      compare(key, shares.groups.map((g) => ({ level: g.level, mean: g.share, se: g.standardError, deff: g.deff })), r[key].yes);
    });
  }

  it('takes the weights an fpc implies; refuses one that varies within a stratum, mixes sizes and fractions, or is below the sample size', () => {
    const table = tables.apistrat;
    // Without --weight the fpc implies the weights N_h/n_h (R svydesign): here the file's pw.
    const implied = makeDesign(table, { strata: 'stype', fpc: 'fpc' });
    expectClose(estimateMeans(implied, { variable: 'api00' }).groups[0].standardError, r.apistrat_fpc.api00.all.se, { ...linearization, label: 'fpc-implied weights' });
    expect(() => makeDesign(table, { weight: 'pw', fpc: 'fpc' })).toThrow(/varies within a stratum/);
    expect(() => makeDesign(table, { weight: 'pw', strata: 'stype', fpc: 'api00' })).toThrow(/varies within a stratum/);
    const small = numericTable({ w: [1, 1, 1, 1], h: [1, 1, 2, 2], mixed: [10, 10, 0.5, 0.5], under: [10, 10, 1.5, 1.5], census: [1, 1, 1, 1], y: [1, 2, 3, 5] });
    expect(() => makeDesign(small, { weight: 'w', strata: 'h', fpc: 'mixed' })).toThrow(/mixes population sizes/);
    expect(() => makeDesign(small, { weight: 'w', strata: 'h', fpc: 'under' })).toThrow(/population of 1.5 PSUs where 2 were sampled/);
    // Fractions of 1 mean a census: no sampling variance at all, as R.
    const census = makeDesign(small, { weight: 'w', strata: 'h', fpc: 'census' });
    expect(census.populationSizes).toEqual(Float64Array.from([2, 2]));
    expect(estimateMeans(census, { variable: 'y' }).groups[0].standardError).toBe(0);
  });
});
