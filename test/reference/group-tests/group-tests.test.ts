import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateMeans } from '../../../src/analyze/estimators/estimate-means.js';
import { estimateShares } from '../../../src/analyze/estimators/estimate-shares.js';
import { meansJson } from '../../../src/analyze/results/means-json.js';
import { sharesJson } from '../../../src/analyze/results/shares-json.js';
import { makeDesign, type DesignSpec } from '../../../src/core/design.js';
import type { DataTable } from '../../../src/core/data-table.js';
import { readDataTable } from '../../../src/ingest/read-data-table.js';
import { expectClose } from '../../helpers/expect-close.js';

const r = JSON.parse(readFileSync(new URL('./expected.json', import.meta.url), 'utf8'));
const api = new URL('../shares-api-weighted/', import.meta.url).pathname;
const closedForm = { rtol: 1e-10 };
const linearization = { rtol: 1e-8 };

const tables: Record<string, DataTable> = {};
beforeAll(async () => {
  for (const name of ['apistrat', 'apiclus1']) tables[name] = (await readDataTable(`${api}${name}.csv`)).table;
});

const cases: [string, string, DesignSpec, { rtol: number }][] = [
  ['apistrat_unweighted', 'apistrat', {}, closedForm],
  ['apistrat', 'apistrat', { weight: 'pw', strata: 'stype' }, linearization],
  ['apiclus1', 'apiclus1', { weight: 'pw', cluster: 'dnum' }, linearization],
];

describe('--json "anova" of more than two groups matches R', () => {
  for (const [key, data, spec, tol] of cases) {
    it(`means of api00 by stype, ${key}: ${key.endsWith('unweighted') ? 'aov' : 'regTermTest(svyglm(api00 ~ stype), ~stype)'}`, () => {
      const json = meansJson(estimateMeans(makeDesign(tables[data], spec), { variable: 'api00', by: 'stype' }));
      const want = r.means[key];
      expect(json.comparison).toBeNull();
      const a = json.anova!;
      expect(a.test).toBe(key.endsWith('unweighted') ? 'aov' : 'regTermTest');
      expect([a.df, a.ddf]).toEqual([want.df, want.ddf]);
      expectClose([a.statistic, a.p_value], [want.statistic, want.p_value], { ...tol, label: `${key} F, p` });
    });
    it(`shares of sch_wide = Yes by stype, ${key}: ${key.endsWith('unweighted') ? 'chisq.test' : 'svychisq'}`, () => {
      const json = sharesJson(estimateShares(makeDesign(tables[data], spec), { variable: 'sch_wide', values: ['Yes'], by: 'stype' }));
      const want = r.shares[key];
      const a = json.anova!;
      expect(a.test).toBe(key.endsWith('unweighted') ? 'chisq.test' : 'svychisq');
      expect(a.ddf === null).toBe(want.ddf === undefined);
      expectClose([a.statistic, a.df, a.ddf ?? NaN, a.p_value], [want.statistic, want.df, want.ddf ?? NaN, want.p_value], { ...tol, label: `${key} statistic, df, ddf, p` });
    });
  }
});

describe('--json "comparison" of two groups is the console difference', () => {
  it('shares by awards, weighted: svyttest with its interval', () => {
    const json = sharesJson(estimateShares(makeDesign(tables.apistrat, { weight: 'pw', strata: 'stype' }), { variable: 'sch_wide', values: ['Yes'], by: 'awards' }));
    const want = JSON.parse(readFileSync(`${api}expected.json`, 'utf8')).apistrat_by_awards.difference;
    expect(json.anova).toBeNull();
    const c = json.comparison!;
    expect(Object.keys(c)).toEqual(['difference', 'se', 'conf_low', 'conf_high', 'statistic', 'df', 'p_value', 'test']);
    expect(c.test).toBe('svyttest');
    // The fixture already turned svyttest's level 2 − level 1 into groups[1] − groups[2] (No − Yes).
    expectClose([c.difference, c.statistic, c.df, c.p_value, c.conf_low, c.conf_high], [want.estimate, want.statistic, want.df, want.p_value, ...want.conf_int], { ...linearization, label: 'svyttest' });
    expectClose(c.se, want.estimate / want.statistic, { ...linearization, label: 'svyttest se' });
  });
  it('means without --by have neither key', () => {
    const json = meansJson(estimateMeans(makeDesign(tables.apistrat), { variable: 'api00' }));
    expect(Object.keys(json)).toEqual(['var', 'groups']);
  });
});
