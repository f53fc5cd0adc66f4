import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateMeans } from '../../../src/analyze/estimators/estimate-means.js';
import { estimateShares } from '../../../src/analyze/estimators/estimate-shares.js';
import { loadCodebook } from '../../../src/codebook/load-codebook.js';
import type { DataTable } from '../../../src/core/data-table.js';
import { makeDesign } from '../../../src/core/design.js';
import { readDataTable } from '../../../src/ingest/read-data-table.js';
import { calibrateDesign } from '../../../src/weight/calibrate-design.js';
import { loadTargets } from '../../../src/weight/load-targets.js';
import { expectClose } from '../../helpers/expect-close.js';

const r = JSON.parse(readFileSync(new URL('./expected.json', import.meta.url), 'utf8'));
const here = new URL('.', import.meta.url).pathname;
const study = `${here}../../../data-samples/bazhou-2025/`;
const estimate = { rtol: 1e-10 };
const linearization = { rtol: 1e-8 };

let table: DataTable;
beforeAll(async () => {
  table = (await readDataTable(`${study}responses.csv`, { codebook: await loadCodebook(`${study}codebook.yaml`) })).table;
});

const cases: [string, string][] = [
  ['poststratify_area', `${study}population.yaml`],
  ['rake_area_sex', `${here}sex.yaml`],
];

describe('the bundled study calibrated to the district population matches R survey', () => {
  for (const [key, targets] of cases) {
    it(key, async () => {
      const { design, method } = calibrateDesign(makeDesign(table), await loadTargets(targets), { tolerance: 1e-12 });
      expect(method).toBe(key.split('_')[0]);
      const want = r[key];
      expectClose(Array.from(design.weights!.slice(0, 20)), want.weights_first, { ...estimate, label: 'weights' });
      expectClose(design.weights!.reduce((a, b) => a + b, 0), want.weight_sum, { ...estimate, label: 'sum of weights' });
      const happy = estimateShares(design, { variable: 'happiness', top: 2, by: 'area' });
      const all = happy.groups[0];
      expectClose(all.share, want.share, { ...estimate, label: 'share top-2' });
      expectClose(all.standardError, want.se, { ...linearization, label: 'SE top-2' });
      expectClose([all.confLow, all.confHigh], want.ci, { ...linearization, label: 'svyciprop logit' });
      expectClose(happy.groups.slice(1).map((g) => g.share), want.by_area.share, { ...estimate, label: 'svyby share' });
      expectClose(happy.groups.slice(1).map((g) => g.standardError), want.by_area.se, { ...linearization, label: 'svyby SE' });
      const income = estimateMeans(design, { variable: 'income' }).groups[0];
      expectClose(income.mean, want.mean_income, { ...estimate, label: 'mean income' });
      expectClose(income.standardError, want.se_income, { ...linearization, label: 'SE income' });
    });
  }
});
