import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateMulti } from '../../../src/analyze/estimators/estimate-multi.js';
import { loadCodebook } from '../../../src/codebook/load-codebook.js';
import { makeDesign } from '../../../src/core/design.js';
import type { DataTable } from '../../../src/core/data-table.js';
import { readDataTable } from '../../../src/ingest/read-data-table.js';
import { expectClose } from '../../helpers/expect-close.js';

const r = JSON.parse(readFileSync(new URL('./expected.json', import.meta.url), 'utf8'));
const here = new URL('.', import.meta.url).pathname;
const closedForm = { rtol: 1e-10 };
const linearization = { rtol: 1e-8 };
let table: DataTable;

beforeAll(async () => {
  // The design columns (stratum, w) are outside the codebook and must stay usable (#15.2).
  table = (await readDataTable(`${here}hobbies.csv`, { codebook: await loadCodebook(`${here}hobbies.yaml`) })).table;
});

const groupsOf = (want: Record<string, unknown>) => ['all', '1', '2', '3'].map((k) => want[k] as { n?: number; weighted_n?: number; options: Record<string, number>[] });

describe('multi-select tables against R', () => {
  it('unweighted: n answering, counts, % of cases with Wilson intervals, Pearson χ² per option', () => {
    const result = estimateMulti(makeDesign(table, {}), { variable: 'hobby', by: 'region' });
    expect(result.groups.map((g) => g.level)).toEqual(['all', '东部', '中部', '西部']);
    groupsOf(r.unweighted.groups).forEach((want, g) => {
      const got = result.groups[g];
      expect(got.n).toBe(want.n);
      expect(got.options.map((o) => o.count)).toEqual(want.options.map((o) => o.count));
      expectClose(got.options.map((o) => o.percentOfCases), want.options.map((o) => o.share), { ...closedForm, label: `group ${g} % of cases` });
      expectClose(got.options.flatMap((o) => [o.confLow, o.confHigh]), want.options.flatMap((o) => [o.conf_low, o.conf_high]), { ...closedForm, label: `group ${g} Wilson` });
      const responses = want.options.reduce((a, o) => a + o.count, 0);
      expectClose(got.options.map((o) => o.percentOfResponses), want.options.map((o) => o.count / responses), { ...closedForm, label: `group ${g} % of responses` });
    });
    expect(result.tests.map((t) => t.test)).toEqual(Array(5).fill('pearson'));
    expectClose(result.tests.flatMap((t) => [t.statistic, t.df, t.pValue]), r.unweighted.tests.flatMap((t: Record<string, number>) => [t.statistic, t.df, t.p_value]), { ...closedForm, label: 'chisq.test' });
  });

  it('weighted: svymean and SE of the 0/1 columns, svyciprop logit, svytotal counts, svychisq per option', () => {
    const result = estimateMulti(makeDesign(table, { weight: 'w', strata: 'stratum' }), { variable: 'hobby', by: 'region' });
    expect(result.ciMethod).toBe('logit');
    groupsOf(r.weighted.groups).forEach((want, g) => {
      const got = result.groups[g];
      expectClose(got.weightedN, want.weighted_n as number, { ...closedForm, label: `group ${g} Σw` });
      expectClose(got.options.map((o) => o.count), want.options.map((o) => o.count), { ...closedForm, label: `group ${g} svytotal` });
      expectClose(got.options.map((o) => o.percentOfCases), want.options.map((o) => o.share), { ...closedForm, label: `group ${g} svymean` });
      expectClose(got.options.map((o) => o.standardError), want.options.map((o) => o.se), { ...linearization, label: `group ${g} SE` });
      expectClose(got.options.flatMap((o) => [o.confLow, o.confHigh]), want.options.flatMap((o) => [o.conf_low, o.conf_high]), { ...linearization, label: `group ${g} svyciprop` });
    });
    expect(result.tests.map((t) => t.test)).toEqual(Array(5).fill('rao-scott'));
    expectClose(result.tests.flatMap((t) => [t.statistic, t.df, t.ddf ?? NaN, t.pValue]), r.weighted.tests.flatMap((t: Record<string, number>) => [t.statistic, t.ndf, t.ddf, t.p_value]), { ...linearization, label: 'svychisq' });
  });
});
