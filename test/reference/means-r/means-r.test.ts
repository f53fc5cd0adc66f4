import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateMeans, type OneWayAnova } from '../../../src/analyze/estimators/estimate-means.js';
import { loadCodebook } from '../../../src/codebook/load-codebook.js';
import { makeDesign, type DesignSpec } from '../../../src/core/design.js';
import type { DataTable } from '../../../src/core/data-table.js';
import { readDataTable } from '../../../src/ingest/read-data-table.js';
import { expectClose } from '../../helpers/expect-close.js';

const r = JSON.parse(readFileSync(new URL('./expected.json', import.meta.url), 'utf8'));
const api = new URL('../shares-api-weighted/', import.meta.url).pathname;
const study = new URL('../../../data-samples/bazhou-2025/', import.meta.url).pathname;
const closedForm = { rtol: 1e-10 };
const linearization = { rtol: 1e-8 };

const tables: Record<string, DataTable> = {};
beforeAll(async () => {
  const codebook = await loadCodebook(`${study}codebook.yaml`);
  tables.study = (await readDataTable(`${study}responses.csv`, { codebook })).table;
  for (const name of ['apistrat', 'apiclus1']) tables[name] = (await readDataTable(`${api}${name}.csv`)).table;
});

describe('means match t.test / aov (unweighted) and svymean / svyby / svyttest (design-based)', () => {
  it('income by area: one-sample t intervals and Welch t.test', () => {
    const result = estimateMeans(makeDesign(tables.study), { variable: 'income', by: 'area' });
    const want = r.unweighted.income_by_area;
    result.groups.forEach((g, k) => {
      const w = want.groups[k];
      expect(g.n).toBe(w.n);
      expectClose([g.mean, g.sd, g.standardError, g.confLow, g.confHigh], [w.mean, w.sd, w.se, ...w.ci], { ...closedForm, label: `income group ${k}` });
      expect(g.deff).toBe(1);
    });
    const d = result.difference!;
    expectClose([d.estimate, d.statistic, d.df, d.pValue, d.confLow, d.confHigh], [want.welch.estimate, want.welch.statistic, want.welch.df, want.welch.p_value, ...want.welch.conf_int], { ...closedForm, label: 'Welch' });
  });

  it('happiness by education: one-way aov', () => {
    const a = estimateMeans(makeDesign(tables.study), { variable: 'happiness', by: 'education' }).anova as OneWayAnova;
    const want = r.unweighted.happiness_by_education;
    expect([a.dfBetween, a.dfWithin]).toEqual(want.df);
    expectClose([a.sumSquaresBetween, a.sumSquaresWithin, a.statistic, a.pValue], [...want.ss, want.f, want.p_value], { ...closedForm, label: 'aov' });
  });

  const cases: [string, string, string, DesignSpec][] = [
    ['apistrat_by_stype', 'apistrat', 'stype', { weight: 'pw', strata: 'stype' }],
    ['apistrat_by_awards', 'apistrat', 'awards', { weight: 'pw', strata: 'stype' }],
    ['apiclus1_by_awards', 'apiclus1', 'awards', { weight: 'pw', cluster: 'dnum' }],
  ];
  for (const [key, data, by, spec] of cases) {
    it(`${data}: api00 by ${by}`, () => {
      const result = estimateMeans(makeDesign(tables[data], spec), { variable: 'api00', by });
      const want = r[key];
      expect(result.anova?.test).toBe('regTermTest');
      for (const g of result.groups) {
        const w = want.groups.find((x: { level: string }) => x.level === g.level);
        expectClose(g.mean, w.mean, { ...closedForm, label: `${key} ${g.level} mean` });
        expectClose([g.standardError, g.deff, ...(w.sd ? [g.sd] : [])], [w.se, w.deff, ...(w.sd ? [w.sd] : [])], { ...linearization, label: `${key} ${g.level} se/deff/sd` });
        expectClose([g.confLow, g.confHigh], w.ci, { ...linearization, label: `${key} ${g.level} ci` });
      }
      if (!want.difference) return;
      const d = result.difference!;
      const sign = d.first === want.groups[1].level ? 1 : -1;
      const wd = want.difference;
      expect(d.df).toBe(wd.df);
      expectClose([sign * d.estimate, sign * d.statistic, d.pValue], [wd.estimate, wd.statistic, wd.p_value], { ...linearization, label: `${key} svyttest` });
      expectClose(sign > 0 ? [d.confLow, d.confHigh] : [-d.confHigh, -d.confLow], wd.conf_int, { ...linearization, label: `${key} svyttest ci` });
    });
  }
});
