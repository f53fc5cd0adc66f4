import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateShares } from '../../../src/analyze/estimators/estimate-shares.js';
import type { CiMethod } from '../../../src/analyze/estimators/proportion-interval.js';
import { loadCodebook } from '../../../src/codebook/load-codebook.js';
import { makeDesign, type Design } from '../../../src/core/design.js';
import { readDataTable } from '../../../src/ingest/read-data-table.js';
import { expectClose } from '../../helpers/expect-close.js';

const r = JSON.parse(readFileSync(new URL('./expected.json', import.meta.url), 'utf8'));
const study = new URL('../../../data-samples/bazhou-2025/', import.meta.url).pathname;
const closedForm = { rtol: 1e-10 };
const methods: [CiMethod, string][] = [['wilson', 'wilson'], ['clopper-pearson', 'clopper_pearson'], ['agresti-coull', 'agresti_coull'], ['jeffreys', 'jeffreys']];

let design: Design;
beforeAll(async () => {
  const codebook = await loadCodebook(`${study}codebook.yaml`);
  design = makeDesign((await readDataTable(`${study}responses.csv`, { codebook })).table);
});

describe('shares of the bundled study match prop.test / binom.test / formulas', () => {
  it('55.2% are 比较幸福 or 非常幸福', () => {
    const all = estimateShares(design, { variable: 'happiness', top: 2 }).groups[0];
    expect(all.level).toBe('all');
    expect(all.share).toBe(0.552);
  });

  for (const c of r.cases) {
    it(`${c.var} top 2 by area, every interval method, urban − rural`, () => {
      for (const [method, key] of methods) {
        const result = estimateShares(design, { variable: c.var, top: 2, by: 'area', ci: method });
        expect(result.values).toEqual([4, 5]);
        expect(result.groups.map((g) => g.level)).toEqual(['all', '城市', '农村']);
        result.groups.forEach((g, k) => {
          const want = c.groups[k];
          expect([g.n, g.count]).toEqual([want.n, want.count]);
          expectClose(g.share, want.share, { ...closedForm, label: `${c.var} share[${k}]` });
          expectClose(g.standardError, want.se, { ...closedForm, label: `${c.var} se[${k}]` });
          expectClose([g.confLow, g.confHigh], want[key], { ...closedForm, label: `${c.var} ${method}[${k}]` });
        });
        const d = result.difference!;
        expectClose([d.estimate, d.statistic, d.pValue], [c.difference.estimate, c.difference.statistic, c.difference.p_value], { ...closedForm, label: `${c.var} prop.test` });
        expectClose([d.confLow, d.confHigh], c.difference.conf_int, { ...closedForm, label: `${c.var} prop.test conf.int` });
      }
    });
  }
});
