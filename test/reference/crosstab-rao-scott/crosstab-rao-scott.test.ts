import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateCrosstab } from '../../../src/analyze/estimators/estimate-crosstab.js';
import { makeDesign, type DesignSpec } from '../../../src/core/design.js';
import type { DataTable } from '../../../src/core/data-table.js';
import { readDataTable } from '../../../src/ingest/read-data-table.js';
import { expectClose } from '../../helpers/expect-close.js';

const r = JSON.parse(readFileSync(new URL('./expected.json', import.meta.url), 'utf8'));
const reference = new URL('..', import.meta.url).pathname;
const closedForm = { rtol: 1e-10 };
const linearization = { rtol: 1e-8 };

const tables: Record<string, DataTable> = {};
beforeAll(async () => {
  tables.apistrat = (await readDataTable(`${reference}shares-api-weighted/apistrat.csv`)).table;
  tables.apiclus1 = (await readDataTable(`${reference}shares-api-weighted/apiclus1.csv`)).table;
  tables.apistrat_fpc = (await readDataTable(`${reference}design-fpc/apistrat.csv`)).table;
});

const cases: [string, string, DesignSpec][] = [
  ['apistrat_sch_wide_stype', 'apistrat', { weight: 'pw', strata: 'stype' }],
  ['apistrat_awards_stype', 'apistrat', { weight: 'pw', strata: 'stype' }],
  ['apiclus1_sch_wide_stype', 'apiclus1', { weight: 'pw', cluster: 'dnum' }],
  ['apiclus1_stype_awards', 'apiclus1', { weight: 'pw', cluster: 'dnum' }],
  ['apistrat_fpc_sch_wide_stype', 'apistrat_fpc', { weight: 'pw', strata: 'stype', fpc: 'fpc' }],
];

describe('weighted crosstabs: svytable counts and the Rao-Scott F of svychisq', () => {
  for (const [key, data, spec] of cases) {
    it(key, () => {
      const want = r.cases[key];
      const result = estimateCrosstab(makeDesign(tables[data], spec), { rows: want.rows, cols: want.cols });
      expect(result.test).toBe('rao-scott');
      // Compared by level name, so the check does not depend on how levels are ordered.
      expect([[...result.rowLevels].sort(), [...result.colLevels].sort()]).toEqual([want.row_levels, want.col_levels]);
      const counts = want.row_levels.flatMap((a: string) => want.col_levels.map((b: string) => result.counts[result.rowLevels.indexOf(a)][result.colLevels.indexOf(b)]));
      expectClose(counts, want.counts.flat(), { ...closedForm, label: `${key} svytable` });
      const rs = result.raoScott!;
      expectClose(rs.pearson, want.pearson, { ...closedForm, label: `${key} Pearson X² on N` });
      expectClose([result.statistic, result.df, rs.ddf], [want.statistic, want.ndf, want.ddf], { ...linearization, label: `${key} F, ndf, ddf` });
      expectClose(result.pValue, want.p_value, { ...linearization, label: `${key} p` });
      expect(result.fisher).toBeNull();
    });
  }
});
