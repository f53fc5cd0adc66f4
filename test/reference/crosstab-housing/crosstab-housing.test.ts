import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateCrosstab } from '../../../src/analyze/estimators/estimate-crosstab.js';
import { makeDesign } from '../../../src/core/design.js';
import type { DataTable } from '../../../src/core/data-table.js';
import { readDataTable } from '../../../src/ingest/read-data-table.js';
import { expectClose } from '../../helpers/expect-close.js';

const r = JSON.parse(readFileSync(new URL('./expected.json', import.meta.url), 'utf8'));
const here = new URL('.', import.meta.url).pathname;
const closedForm = { rtol: 1e-10 };

let housing: DataTable;
let small: DataTable;
beforeAll(async () => {
  housing = (await readDataTable(`${here}housing.csv`)).table;
  small = (await readDataTable(`${here}small.csv`)).table;
});

/** Reorders our table to R's level order, then compares everything chisq.test gives. */
function compare(result: ReturnType<typeof estimateCrosstab>, want: Record<string, any>, label: string): void {
  const ri = want.row_levels.map((l: string) => result.rowLevels.indexOf(l));
  const ci = want.col_levels.map((l: string) => result.colLevels.indexOf(l));
  expect(ri).not.toContain(-1);
  expect(ci).not.toContain(-1);
  const pick = (m: readonly (readonly number[])[]) => ri.flatMap((i: number) => ci.map((j: number) => m[i][j]));
  expect(pick(result.counts)).toEqual(want.counts.flat());
  expectClose(pick(result.expected), want.expected.flat(), { ...closedForm, label: `${label} expected` });
  expect(result.df).toBe(want.df);
  expectClose(result.statistic, want.statistic, { ...closedForm, label: `${label} X-squared` });
  expectClose(result.pValue, want.p_value, { ...closedForm, label: `${label} p` });
  expectClose(result.cramersV, want.cramers_v, { ...closedForm, label: `${label} Cramér's V` });
}

describe('crosstabs match chisq.test(correct = FALSE) and fisher.test', () => {
  it('MASS::housing aggregated, with --freq: Sat × Infl and Type × Cont', () => {
    const design = makeDesign(housing, { freq: 'Freq' });
    compare(estimateCrosstab(design, { rows: 'Sat', cols: 'Infl' }), r.sat_by_infl, 'Sat × Infl');
    const typeCont = estimateCrosstab(design, { rows: 'Type', cols: 'Cont' });
    compare(typeCont, r.type_by_cont, 'Type × Cont');
    expect(typeCont.test).toBe('pearson');
    expect(typeCont.fisher).toBeNull();
  });

  for (const id of ['tea', 'sparse', 'big']) {
    it(`2×2 "${id}": Pearson, Fisher p and conditional MLE odds ratio`, () => {
      const rows = Uint8Array.from(small.column('id').values as (number | string)[], (v) => (String(v) === String(small.codebook.variables[0].choices!.find((c) => c.label === id)!.code) ? 1 : 0));
      // One table per id: keep that id's rows through a frequency weight of 0/1.
      const only = makeDesign(withFreq(small, rows), { freq: '_keep' });
      const result = estimateCrosstab(only, { rows: 'a', cols: 'b' });
      const want = r[id];
      compare(result, want, id);
      expect(result.lowExpectedCells).toBe(want.expected.flat().filter((e: number) => e < 5).length);
      expectClose(result.fisher!.pValue, want.fisher_p, { ...closedForm, label: `${id} fisher p` });
      expectClose(result.fisher!.oddsRatio, want.fisher_or, { rtol: 1e-9, label: `${id} odds ratio` });
      // fisher.test's own estimate stops at uniroot's tolerance.
      expectClose(result.fisher!.oddsRatio, want.fisher_or_uniroot, { rtol: 1e-4, label: `${id} odds ratio vs fisher.test` });
    });
  }
});

function withFreq(table: DataTable, keep: Uint8Array): DataTable {
  const extra = { name: '_keep', variable: '_keep', kind: 'number' as const, values: Float64Array.from(keep), missing: new Uint8Array(keep.length) };
  return { ...table, names: [...table.names, '_keep'], has: (n) => n === '_keep' || table.has(n), column: (n) => (n === '_keep' ? extra : table.column(n)) };
}
