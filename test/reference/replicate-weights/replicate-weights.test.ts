import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateCrosstab } from '../../../src/analyze/estimators/estimate-crosstab.js';
import { estimateMeans } from '../../../src/analyze/estimators/estimate-means.js';
import { estimateQuantiles } from '../../../src/analyze/estimators/estimate-quantiles.js';
import { estimateRatio } from '../../../src/analyze/estimators/estimate-ratio.js';
import { estimateTotals } from '../../../src/analyze/estimators/estimate-totals.js';
import { estimateShares } from '../../../src/analyze/estimators/estimate-shares.js';
import { fitLogit } from '../../../src/analyze/regression/fit-logit.js';
import { fitOls } from '../../../src/analyze/regression/fit-ols.js';
import { fitOrdinal } from '../../../src/analyze/regression/fit-ordinal.js';
import type { CoefficientRow } from '../../../src/analyze/regression/regression-result.js';
import { dataTable, type DataTable } from '../../../src/core/data-table.js';
import type { Variable } from '../../../src/core/types.js';
import { describeDesign, makeDesign, type Design } from '../../../src/core/design.js';
import { hadamard } from '../../../src/core/hadamard.js';
import { convertToReplicates, withReplicateColumns } from '../../../src/core/replicate-design.js';
import { readDataTable } from '../../../src/ingest/read-data-table.js';
import { calibrateDesign } from '../../../src/weight/calibrate-design.js';
import { parseTargets } from '../../../src/weight/parse-targets.js';
import { expectClose } from '../../helpers/expect-close.js';

const r = JSON.parse(readFileSync(new URL('./expected.json', import.meta.url), 'utf8'));
const here = new URL('.', import.meta.url).pathname;
/** Named tolerances (DESIGN §5): closed forms, replicate SEs, refitted models. */
const closedForm = { rtol: 1e-10 };
const replicateSe = { rtol: 1e-8 };
const refitCoefficient = { rtol: 1e-6 };
const refitSe = { rtol: 1e-5 };
/** Raking stops at a margin tolerance here and at a table-change epsilon in R: replicate raked weights agree to this. */
const raked = { rtol: 1e-8 };

const tables: Record<string, DataTable> = {};
const designs: Record<string, Design> = {};
beforeAll(async () => {
  for (const name of ['apistrat', 'apiclus1', 'scd']) tables[name] = (await readDataTable(`${here}${name}.csv`)).table;
  const { apiclus1: clus, apistrat: strat } = tables;
  const jk1 = convertToReplicates(makeDesign(clus, { weight: 'pw', cluster: 'dnum' }), 'JK1');
  const pop = parseTargets('margins:\n  stype: {E: 4421, H: 755, M: 1018}\n  awards: {"No": 2027, "Yes": 4167}\n', 'pop.yaml');
  const stypeOnly = { ...pop, tables: pop.tables.filter((t) => t.variables.includes('stype')) };
  Object.assign(designs, {
    clus1_jk1: jk1,
    strat_jkn: convertToReplicates(makeDesign(strat, { weight: 'pw', strata: 'stype' }), 'JKn'),
    strat_jkn_fpc: convertToReplicates(makeDesign(strat, { weight: 'pw', strata: 'stype', fpc: 'fpc' }), 'JKn'),
    strat_jkn_mse: convertToReplicates(makeDesign(strat, { weight: 'pw', strata: 'stype' }), 'JKn', { mse: true }),
    pair_brr: convertToReplicates(makeDesign(strat, { weight: 'pw', strata: 'pair' }), 'BRR'),
    pair_fay: convertToReplicates(makeDesign(strat, { weight: 'pw', strata: 'pair' }), 'Fay', { rho: 0.5 }),
    pair_fay_columns: withReplicateColumns(makeDesign(strat, { weight: 'pw' }), { pattern: '^fay[0-9]+$', type: 'Fay', rho: 0.5, weight: 'pw' }),
    clus1_boot: withReplicateColumns(makeDesign(clus, { weight: 'pw' }), { pattern: '^bw[0-9]+$', type: 'bootstrap', weight: 'pw' }),
    scd_brr: convertToReplicates(makeDesign(tables.scd, { strata: 'ESA', cluster: 'ambulance', nest: true }), 'BRR'),
    clus1_jk1_post: calibrateDesign(jk1, stypeOnly, { method: 'poststratify' }).design,
    clus1_jk1_rake: calibrateDesign(jk1, pop, { method: 'rake', tolerance: 1e-15, maxIter: 1000 }).design,
  });
});

describe("R's Hadamard matrices (survey:::hadamard) for 1–300 strata", () => {
  it('same order and same entries (weighted checksum)', () => {
    r.hadamard.forEach(([order, checksum]: [number, number], k: number) => {
      const H = hadamard(k + 1);
      let sum = 0;
      H.forEach((row, i) => row.forEach((v, j) => (sum += v * (((i + 1) * 31 + (j + 1) * 17) % 101))));
      expect([H.length, sum], `hadamard(${k + 1})`).toEqual([order, checksum]);
    });
  });
});

describe('replicate weights = as.svrepdesign / svrepdesign', () => {
  for (const key of ['clus1_jk1', 'strat_jkn', 'strat_jkn_fpc', 'pair_brr', 'pair_fay', 'scd_brr', 'clus1_boot', 'clus1_jk1_post', 'clus1_jk1_rake']) {
    it(key, () => {
      const want = r.weights[key];
      const rep = designs[key].replicates!;
      expect(rep.weights.length).toBe(want.replicates);
      const tol = key === 'clus1_jk1_rake' ? raked : closedForm;
      expectClose(rep.weights.map((w) => w.reduce((a, b) => a + b, 0)), want.colsum, { ...tol, label: `${key} Σw per replicate` });
      expectClose(rep.weights.map((w) => w.reduce((a, b, i) => a + b * (i + 1), 0)), want.colsum_index, { ...tol, label: `${key} Σ i·w per replicate` });
      expectClose(rep.scale, want.scale, { ...closedForm, label: `${key} scale` });
      expectClose(Array.from(rep.rscales), want.rscales, { ...closedForm, label: `${key} rscales` });
    });
  }
});

function expectRows(rows: readonly CoefficientRow[], want: Record<string, number[]>, offset: number, tol: { estimate: object; se: object }, label: string): void {
  const n = rows.length;
  const slice = (k: string) => want[k].slice(offset, offset + n);
  expectClose(rows.map((c) => c.estimate), slice('estimate'), { ...tol.estimate, label: `${label} estimate` });
  expectClose(rows.map((c) => c.standardError), slice('std_error'), { ...tol.se, label: `${label} SE` });
}

describe('BRR half-samples follow the strata codes, as R sees them, not their labels', () => {
  it('pair_brr with labels that sort unlike the codes (a codebook naming pair 1 "第100对", …) gives R\'s weights', () => {
    const strat = tables.apistrat;
    const pair = strat.codebook.variables.find((v) => v.name === 'pair')!;
    const codes = [...new Set(Array.from(strat.column('pair').values as ArrayLike<number>))].sort((a, b) => a - b);
    const labelled: Variable = { ...pair, type: 'single', choices: codes.map((code) => ({ code, label: `第${101 - code}对`, aliases: [] })) };
    const codebook = { ...strat.codebook, variables: strat.codebook.variables.map((v) => (v.name === 'pair' ? labelled : v)) };
    const table = dataTable(codebook, strat.names.map((name) => strat.column(name)), strat.sourceRows);
    const rep = convertToReplicates(makeDesign(table, { weight: 'pw', strata: 'pair' }), 'BRR').replicates!;
    const want = r.weights.pair_brr;
    expectClose(rep.weights.map((w) => w.reduce((a, b, i) => a + b * (i + 1), 0)), want.colsum_index, { ...closedForm, label: 'labelled pair_brr Σ i·w per replicate' });
  });
});

const cases = ['clus1_jk1', 'strat_jkn', 'strat_jkn_fpc', 'strat_jkn_mse', 'pair_brr', 'pair_fay', 'pair_fay_columns', 'clus1_boot', 'clus1_jk1_post', 'clus1_jk1_rake'];

describe('estimators on replicate designs match svymean, svyby, svyciprop, svyttest, svychisq, svyglm and svyolr', () => {
  for (const key of cases) {
    it(`${key}: degf, means and the t test`, () => {
      const want = r[key];
      const design = designs[key];
      expect(design.replicates!.degf).toBe(want.degf);
      expect(describeDesign(design)).toMatch(/svrepdesign/);
      const all = estimateMeans(design, { variable: 'api00' }).groups[0];
      expectClose([all.mean, all.standardError, all.deff], [want.mean_api00.mean, want.mean_api00.se, want.mean_api00.deff], { ...replicateSe, label: `${key} svymean api00` });
      const byStype = estimateMeans(design, { variable: 'api00', by: 'stype', lang: 'en' });
      const groups = want.by_stype.levels.map((l: string) => byStype.groups.find((g) => g.level === l)!);
      expectClose(groups.map((g: { mean: number }) => g.mean), want.by_stype.mean, { ...closedForm, label: `${key} svyby mean` });
      expectClose(groups.map((g: { standardError: number }) => g.standardError), want.by_stype.se, { ...replicateSe, label: `${key} svyby se` });
      expectClose(groups.map((g: { deff: number }) => g.deff), want.by_stype.deff, { ...replicateSe, label: `${key} svyby deff` });
      // The three-group Wald F = regTermTest(svyglm(api00 ~ stype), ~stype) on the replicate design.
      const anova = byStype.anova as { statistic: number; df: number; ddf: number; pValue: number };
      const wa = want.anova_api00_stype;
      expect([anova.df, anova.ddf]).toEqual([wa.df, wa.ddf]);
      expectClose([anova.statistic, anova.pValue], [wa.statistic, wa.p_value], { ...replicateSe, label: `${key} regTermTest` });
      const d = estimateMeans(design, { variable: 'api00', by: 'awards', lang: 'en' }).difference!;
      // svyttest's coefficient is Yes − No (R's reference level No first).
      const sign = d.first === 'Yes' ? 1 : -1;
      const tt = want.ttest_api00;
      expect(d.df).toBe(tt.df);
      expectClose([sign * d.estimate, sign * d.statistic, d.pValue], [tt.estimate, tt.statistic, tt.p_value], { ...replicateSe, label: `${key} svyttest api00` });
    });

    it(`${key}: svytotal (and by stype), svyquantile (Woodruff on the replicate design), svyratio`, () => {
      const want = r[key];
      const design = designs[key];
      const totals = estimateTotals(design, { variable: 'api00', by: 'stype', lang: 'en' });
      expectClose([totals.groups[0].total, totals.groups[0].standardError], [want.total_api00.total, want.total_api00.se], { ...replicateSe, label: `${key} svytotal` });
      const byTotal = want.by_stype.levels.map((l: string) => totals.groups.find((g) => g.level === l)!);
      expectClose(byTotal.map((g: { total: number }) => g.total), want.total_api00.by_total, { ...closedForm, label: `${key} svyby svytotal` });
      expectClose(byTotal.map((g: { standardError: number }) => g.standardError), want.total_api00.by_se, { ...replicateSe, label: `${key} svyby svytotal se` });
      const q = estimateQuantiles(design, { variable: 'api00', probs: [0.25, 0.5] }).groups;
      const wq = want.quantile_api00;
      expectClose(q.map((g) => g.quantile), wq.quantile, { ...closedForm, label: `${key} svyquantile` });
      expectClose(q.flatMap((g) => [g.confLow, g.confHigh, g.standardError]), wq.quantile.flatMap((_: number, k: number) => [wq.ci_low[k], wq.ci_high[k], wq.se[k]]), { ...replicateSe, label: `${key} svyquantile CI, SE` });
      const ratio = estimateRatio(design, { numerator: 'ell', denominator: 'meals' }).groups[0];
      expectClose([ratio.ratio, ratio.standardError], [want.ratio_ell_meals.ratio, want.ratio_ell_meals.se], { ...replicateSe, label: `${key} svyratio` });
    });

    it(`${key}: shares (svyciprop logit, xlogit, beta, mean) and their difference`, () => {
      const want = r[key];
      const design = designs[key];
      for (const ci of ['logit', 'xlogit', 'beta', 'mean'] as const) {
        const result = estimateShares(design, { variable: 'sch_wide', values: ['Yes'], by: 'awards', ci, lang: 'en' });
        for (const g of result.groups) {
          const w = want.shares[g.level];
          const label = `${key} ${g.level} ${ci}`;
          expectClose(g.share, w.share, { ...closedForm, label: `${label} share` });
          expectClose(g.standardError, w.se, { ...replicateSe, atol: 1e-15, label: `${label} se` });
          if (g.share === 1) continue; // R: NaN or a non-converged glm; the toolkit gives [1, 1] (as for linearization)
          expectClose(g.deff, w.deff, { ...replicateSe, label: `${label} deff` });
          expectClose([g.confLow, g.confHigh], w.ci[ci], { ...replicateSe, label: `${label} ci` });
        }
        if (ci !== 'logit') continue;
        const d = result.difference!;
        const sign = d.first === 'Yes' ? 1 : -1;
        const tt = want.ttest_yes;
        expect(d.df).toBe(tt.df);
        expectClose([sign * d.estimate, sign * d.statistic, d.pValue], [tt.estimate, tt.statistic, tt.p_value], { ...replicateSe, label: `${key} svyttest yes` });
      }
    });

    it(`${key}: svychisq (Rao-Scott F)`, () => {
      const want = r[key].chisq;
      const result = estimateCrosstab(designs[key], { rows: 'stype', cols: 'awards' });
      const rs = result.raoScott!;
      expectClose([rs.pearson, rs.statistic, rs.ndf, rs.ddf, rs.pValue], [want.pearson, want.statistic, want.ndf, want.ddf, want.p_value], { ...replicateSe, label: `${key} svychisq` });
    });

    it(`${key}: svyglm OLS and logit, svyolr (replicate refits)`, () => {
      const want = r[key];
      const design = designs[key];
      const ols = fitOls(design, 'api00 ~ ell + meals + mobility');
      expect(ols.seType).toBe('replicate');
      expect(ols.fit.dfResidual).toBe(want.ols.df_residual);
      // OLS refits are closed forms: R and the toolkit agree to rounding.
      expectRows(ols.coefficients, want.ols, 0, { estimate: closedForm, se: replicateSe }, `${key} ols`);
      expectClose(ols.coefficients.map((c) => c.pValue), want.ols.p_value, { ...replicateSe, label: `${key} ols p` });
      const logit = fitLogit(design, 'sch_wide ~ ell + meals');
      expect(logit.fit.dfResidual).toBe(want.logit.df_residual);
      expectRows(logit.coefficients, want.logit, 0, { estimate: refitCoefficient, se: refitSe }, `${key} logit`);
      expectClose(logit.coefficients.map((c) => c.pValue), want.logit.p_value, { ...refitSe, label: `${key} logit p` });
      const olr = fitOrdinal(design, 'mealcat ~ avg_ed + mobility');
      const all = [...olr.coefficients, ...olr.thresholds];
      expect(all.map((c) => c.term)).toEqual(want.olr_tight.terms);
      // Against svyolr's replicates refitted with reltol 1e-15 (svyolr itself stops at optim's 1e-8).
      expectRows(all, want.olr_tight, 0, { estimate: refitCoefficient, se: refitSe }, `${key} svyolr (tight)`);
      expectRows(all, want.olr, 0, { estimate: { rtol: 2e-3 }, se: { rtol: 2e-3 } }, `${key} svyolr (as R prints it)`);
    });
  }

  it('scd_brr: svymean of arrests and alive', () => {
    const design = designs.scd_brr;
    expect(design.replicates!.degf).toBe(r.scd_brr.degf);
    const got = ['arrests', 'alive'].map((v) => estimateMeans(design, { variable: v }).groups[0]);
    expectClose(got.map((g) => g.mean), r.scd_brr.mean, { ...closedForm, label: 'scd mean' });
    expectClose(got.map((g) => g.standardError), r.scd_brr.se, { ...replicateSe, label: 'scd se' });
  });
});
