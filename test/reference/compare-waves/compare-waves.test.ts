import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { crosstabJson } from '../../../src/analyze/results/crosstab-json.js';
import { estimateCrosstab } from '../../../src/analyze/estimators/estimate-crosstab.js';
import { estimateMeans } from '../../../src/analyze/estimators/estimate-means.js';
import { estimateReliability } from '../../../src/analyze/estimators/estimate-reliability.js';
import { reliabilityJson } from '../../../src/analyze/results/reliability-json.js';
import { resolveVariables } from '../../../src/analyze/estimators/resolve-variables.js';
import { estimateShares } from '../../../src/analyze/estimators/estimate-shares.js';
import { meansJson } from '../../../src/analyze/results/means-json.js';
import { sharesJson } from '../../../src/analyze/results/shares-json.js';
import { loadCodebook } from '../../../src/codebook/load-codebook.js';
import { compareWaves, type ComparisonRow, type Wave } from '../../../src/compare/compare-waves.js';
import { makeDesign, type Design } from '../../../src/core/design.js';
import { readDataTable } from '../../../src/ingest/read-data-table.js';
import { calibrateDesign } from '../../../src/weight/calibrate-design.js';
import { loadTargets } from '../../../src/weight/load-targets.js';
import { expectClose } from '../../helpers/expect-close.js';

// R: make-expected.R (svycontrast on the two waves' estimates stacked as independent; prop.test; t.test).
const r = JSON.parse(readFileSync(new URL('./expected.json', import.meta.url), 'utf8'));
const here = new URL('.', import.meta.url).pathname;
const closed = { rtol: 1e-10 };
const linearization = { rtol: 1e-8 };

async function wave(year: number): Promise<Wave> {
  const dir = `${here}../../../data-samples/bazhou-${year}/`;
  const codebook = await loadCodebook(`${dir}codebook.yaml`);
  const table = (await readDataTable(`${dir}responses.csv`, { codebook })).table;
  const plain = makeDesign(table);
  const weighted = calibrateDesign(plain, await loadTargets(`${dir}population.yaml`), { tolerance: 1e-12 }).design;
  const analyses = (d: Design) => [
    [sharesJson(estimateShares(d, { variable: 'happiness', top: 2, by: 'area' }))],
    [meansJson(estimateMeans(d, { variable: 'income' }))],
  ];
  const [p, w] = [analyses(plain), analyses(weighted)];
  const results = {
    analyses: [
      { command: 'shares', results: p[0], weighted_results: w[0] },
      { command: 'means', results: p[1], weighted_results: w[1] },
      // As survey run: crosstab and reliability on the sample, without weights.
      { command: 'crosstab', results: [crosstabJson(estimateCrosstab(plain, { rows: 'area', cols: 'happiness' }))] },
      { command: 'reliability', group: 'satisfaction', results: [reliabilityJson(estimateReliability(plain, { items: resolveVariables(table, ['satisfaction']) }))] },
    ],
  };
  return { label: `${year}年`, source: dir, results, codebook, cleaning: null, weighting: null };
}

let waves: Wave[];
beforeAll(async () => {
  waves = [await wave(2024), await wave(2025)];
});

function row(rows: readonly ComparisonRow[], key: string): ComparisonRow {
  const found = rows.find((x) => x.indicator.key === key);
  expect(found, key).toBeDefined();
  return found!;
}

function expectWeighted(got: ComparisonRow, want: Record<string, number>, label: string, tol = linearization): void {
  expect(got.basis).toBe('weighted');
  expectClose(got.earlier.estimate, want.earlier, { ...closed, label: `${label} 2024` });
  expectClose(got.indicator.estimate, want.later, { ...closed, label: `${label} 2025` });
  expectClose(got.earlier.standardError, want.se_earlier, { ...tol, label: `${label} SE 2024` });
  expectClose(got.indicator.standardError, want.se_later, { ...tol, label: `${label} SE 2025` });
  expectClose(got.difference, want.difference, { ...closed, label: `${label} difference` });
  expectClose(got.standardError, want.se, { ...tol, label: `${label} SE of the difference` });
  expectClose([got.confLow, got.confHigh], [want.conf_low, want.conf_high], { ...tol, label: `${label} confint` });
  expectClose(got.pValue, want.p_value, { rtol: 1e-6, label: `${label} p` });
}

describe('wave-to-wave differences match R (bazhou-2024 → bazhou-2025, independent samples)', () => {
  it('weighted (each wave post-stratified to its own margins): svycontrast on the stacked svymean/svyby estimates', () => {
    const rows = compareWaves(waves).pairs[0].rows;
    expectWeighted(row(rows, 'shares|happiness|[4,5]||all'), r.weighted.happy, 'happy share');
    expectWeighted(row(rows, 'shares|happiness|[4,5]|area|城市'), r.weighted.happy_urban, 'happy share, 城市');
    expectWeighted(row(rows, 'shares|happiness|[4,5]|area|农村'), r.weighted.happy_rural, 'happy share, 农村');
    expectWeighted(row(rows, 'means|income|||all'), r.weighted.income, 'mean income');
    expect(row(rows, 'means|income|||all').test).toBe('svycontrast');
  });

  it('unweighted: prop.test(correct = FALSE) for the share, Welch t.test for the mean', () => {
    const rows = compareWaves(waves, { basis: 'unweighted' }).pairs[0].rows;
    const share = row(rows, 'shares|happiness|[4,5]||all');
    const want = r.unweighted.happy;
    expect([share.earlier.count, share.earlier.n, share.indicator.count, share.indicator.n]).toEqual([want.x_earlier, want.n_earlier, want.x_later, want.n_later]);
    expect(share.test).toBe('prop.test');
    expectClose(share.difference, want.difference, { ...closed, label: 'share difference' });
    expectClose([share.confLow, share.confHigh], [want.conf_low, want.conf_high], { ...closed, label: 'prop.test conf.int' });
    expectClose(share.statistic, want.statistic, { ...closed, label: 'X-squared' });
    expectClose(share.pValue, want.p_value, { rtol: 1e-8, label: 'prop.test p' });
    const mean = row(rows, 'means|income|||all');
    const t = r.unweighted.income;
    expect(mean.test).toBe('t.test');
    expectClose(mean.difference, t.difference, { ...closed, label: 'mean difference' });
    expectClose(mean.standardError, t.se, { ...closed, label: 'Welch SE' });
    expectClose(mean.df as number, t.df, { ...closed, label: 'Welch df' });
    expectClose([mean.confLow, mean.confHigh], [t.conf_low, t.conf_high], { ...closed, label: 't.test conf.int' });
    expectClose(mean.statistic, t.statistic, { ...closed, label: 't' });
    expectClose(mean.pValue, t.p_value, { rtol: 1e-8, label: 't.test p' });
  });

  it("Cronbach's α: Feldt's (1969) test of two independent α, MOVER interval from each α's Feldt interval", () => {
    const got = row(compareWaves(waves).pairs[0].rows, 'reliability|satisfaction|||all');
    const want = r.alpha;
    expect([got.earlier.n, got.indicator.n, got.indicator.items]).toEqual([want.n_earlier, want.n_later, want.k]);
    expectClose([got.earlier.estimate, got.indicator.estimate], [want.alpha_earlier, want.alpha_later], { ...closed, label: 'alpha' });
    expectClose([got.earlier.confLow, got.earlier.confHigh] as number[], [want.low_earlier, want.high_earlier], { ...closed, label: 'Feldt interval' });
    expectClose(got.earlier.standardError, want.se_earlier, { ...closed, label: 'alpha SE' });
    expect(got.test).toBe('feldt');
    expectClose(got.difference, want.difference, { ...closed, label: 'alpha difference' });
    expectClose(got.standardError, want.se, { ...closed, label: 'SE of the alpha difference' });
    expectClose([got.confLow, got.confHigh], [want.conf_low, want.conf_high], { ...closed, label: 'MOVER interval' });
    expectClose(got.statistic, want.statistic, { ...closed, label: 'W' });
    expect([got.df, got.df2]).toEqual([want.df1, want.df2]);
    expectClose(got.pValue, want.p_value, { rtol: 1e-8, label: 'Feldt p' });
  });

  it('crosstab row shares: the share of an answer within a row level, as prop.test', () => {
    const got = row(compareWaves(waves).pairs[0].rows, 'crosstab|happiness|["一般"]|area|城市');
    const want = r.crosstab;
    expect(got.basis).toBe('unweighted');
    expect([got.earlier.count, got.earlier.n, got.indicator.count, got.indicator.n]).toEqual([want.x_earlier, want.n_earlier, want.x_later, want.n_later]);
    expect(got.test).toBe('prop.test');
    expectClose(got.difference, want.difference, { ...closed, label: 'row share difference' });
    expectClose([got.confLow, got.confHigh], [want.conf_low, want.conf_high], { ...closed, label: 'prop.test conf.int' });
    expectClose(got.statistic, want.statistic, { ...closed, label: 'X-squared' });
    expectClose(got.pValue, want.p_value, { rtol: 1e-8, label: 'prop.test p' });
  });
});
