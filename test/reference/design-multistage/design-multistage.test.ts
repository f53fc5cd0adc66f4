import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateCrosstab } from '../../../src/analyze/estimators/estimate-crosstab.js';
import { estimateMeans } from '../../../src/analyze/estimators/estimate-means.js';
import { estimateShares } from '../../../src/analyze/estimators/estimate-shares.js';
import { estimateQuantiles } from '../../../src/analyze/estimators/estimate-quantiles.js';
import { estimateRatio } from '../../../src/analyze/estimators/estimate-ratio.js';
import { estimateTotals } from '../../../src/analyze/estimators/estimate-totals.js';
import { fitOls } from '../../../src/analyze/regression/fit-ols.js';
import { designDegreesOfFreedom } from '../../../src/analyze/variance/design-variance.js';
import { makeDesign, type DesignSpec, type LonelyPsu } from '../../../src/core/design.js';
import type { DataTable } from '../../../src/core/data-table.js';
import { readDataTable } from '../../../src/ingest/read-data-table.js';
import { expectClose } from '../../helpers/expect-close.js';

const r = JSON.parse(readFileSync(new URL('./expected.json', import.meta.url), 'utf8'));
const here = new URL('.', import.meta.url).pathname;
const closedForm = { rtol: 1e-10 };
const linearization = { rtol: 1e-8 };
const fit = { rtol: 1e-9 };

const tables: Record<string, DataTable> = {};
beforeAll(async () => {
  for (const name of ['apiclus2', 'strat2', 'nhanes', 'lonely', 'strat2-lonely']) tables[name] = (await readDataTable(`${here}${name}.csv`)).table;
});

interface Variables { y: string; yes: string; by: string; rows: string; cols: string; formula: string; ratio: [string, string] }
const api: Variables = { y: 'api00', yes: 'yes', by: 'awards', rows: 'stype', cols: 'awards', formula: 'api00 ~ ell + meals', ratio: ['ell', 'meals'] };
const nhanes: Variables = { y: 'HI_CHOL', yes: 'HI_CHOL', by: 'race', rows: 'race', cols: 'agecat', formula: 'HI_CHOL ~ factor(agecat) + RIAGENDR', ratio: ['HI_CHOL', 'RIAGENDR'] };

/** svymean, svyby, svyciprop, svychisq, svyglm, svytotal, svyquantile and svyratio on one design against R. */
function compare(key: string, spec: DesignSpec, data: string, v: Variables): void {
  const want = r[key];
  const design = makeDesign(tables[data], spec);
  expect(designDegreesOfFreedom(design, null), `${key} degf`).toBe(want.degf);
  const means = estimateMeans(design, { variable: v.y, by: v.by });
  const all = means.groups[0];
  expectClose(all.mean, want.mean.estimate, { ...closedForm, label: `${key} svymean` });
  expectClose(all.standardError, want.mean.se, { ...linearization, label: `${key} svymean SE` });
  expectClose(all.deff, want.mean.deff, { ...linearization, label: `${key} svymean deff` });
  for (const [k, level] of want.by.levels.entries()) {
    const g = means.groups.find((x) => x.level === level)!;
    expectClose(g.mean, want.by.mean[k], { ...closedForm, label: `${key} svyby ${level}` });
    expectClose(g.standardError, want.by.se[k], { ...linearization, label: `${key} svyby ${level} SE` });
    expectClose(g.deff, want.by.deff[k], { ...linearization, label: `${key} svyby ${level} deff` });
  }
  const share = estimateShares(design, { variable: v.yes, values: [1] }).groups[0];
  expectClose(share.share, want.share.estimate, { ...closedForm, label: `${key} share` });
  expectClose(share.standardError, want.share.se, { ...linearization, label: `${key} share SE` });
  expectClose([share.confLow, share.confHigh], want.share.ci, { ...linearization, label: `${key} svyciprop logit` });
  const x = estimateCrosstab(design, { rows: v.rows, cols: v.cols }).raoScott!;
  expectClose([x.statistic, x.ndf, x.ddf, x.pValue], [want.chisq.statistic, want.chisq.ndf, want.chisq.ddf, want.chisq.p_value], { ...linearization, label: `${key} svychisq F, ndf, ddf, p` });
  const ols = fitOls(design, v.formula);
  expect(ols.coefficients.map((c) => c.term)).toEqual(want.glm.terms);
  expect(ols.fit.dfResidual).toBe(want.glm.df_residual);
  expectClose(ols.coefficients.map((c) => c.estimate), want.glm.estimate, { ...fit, label: `${key} svyglm β` });
  expectClose(ols.coefficients.map((c) => c.standardError), want.glm.std_error, { ...linearization, label: `${key} svyglm SE` });
  const total = estimateTotals(design, { variable: v.y }).groups[0];
  expectClose([total.total, total.standardError], [want.total.estimate, want.total.se], { ...linearization, label: `${key} svytotal, SE` });
  const median = estimateQuantiles(design, { variable: v.y, probs: [0.5] }).groups[0];
  expectClose([median.quantile, median.confLow, median.confHigh, median.standardError], [want.median.estimate, ...want.median.ci, want.median.se], { ...linearization, label: `${key} svyquantile 0.5, CI, SE` });
  const ratio = estimateRatio(design, { numerator: v.ratio[0], denominator: v.ratio[1] }).groups[0];
  expectClose([ratio.ratio, ratio.standardError], [want.ratio.estimate, want.ratio.se], { ...linearization, label: `${key} svyratio, SE` });
}

describe('multistage designs = svydesign(id = ~c1 + c2, fpc = ~f1 + f2) (test/reference/design-multistage)', () => {
  it('apiclus2, two stages with fpc as population sizes: the weights the fpc implies, both stages of variance', () => {
    compare('apiclus2_fpc', { cluster: 'dnum+snum', fpc: 'fpc1+fpc2' }, 'apiclus2', api);
    // The implied weights are the file's pw.
    const design = makeDesign(tables.apiclus2, { cluster: 'dnum+snum', fpc: 'fpc1+fpc2' });
    const pw = tables.apiclus2.column('pw').values as Float64Array;
    expectClose([...design.weights!], [...pw], { rtol: 1e-4, label: 'fpc weights = pw (rounded in the file)' });
  });
  it('apiclus2, fpc as sampling fractions with weights', () => compare('apiclus2_frac', { weight: 'pw', cluster: 'dnum+snum', fpc: 'frac1+frac2' }, 'apiclus2', api));
  it('apiclus2 without fpc: first stage only (ultimate clusters, with replacement)', () => compare('apiclus2_nofpc', { weight: 'pw', cluster: 'dnum+snum' }, 'apiclus2', api));
  it('a stratified two-stage sample with district numbers restarting in each stratum (--nest)', () => {
    compare('strat2', { strata: 'stype', cluster: 'district+snum', fpc: 'fpc1+fpc2', nest: true }, 'strat2', api);
    expect(r.strat2_not_nested_fails).toBe(true);
    expect(() => makeDesign(tables.strat2, { strata: 'stype', cluster: 'district+snum', fpc: 'fpc1+fpc2' })).toThrow(/district = 1 appears in strata \w and \w: clusters are not nested in strata/);
  });
  it('NHANES: svydesign(id = ~SDMVPSU, strata = ~SDMVSTRA, weights = ~WTMEC2YR, nest = TRUE)', () => {
    compare('nhanes', { weight: 'WTMEC2YR', strata: 'SDMVSTRA', cluster: 'SDMVPSU', nest: true }, 'nhanes', nhanes);
  });
  it('refuses an fpc per stage that does not match the stages, and a single PSU', () => {
    expect(() => makeDesign(tables.apiclus2, { cluster: 'dnum+snum', fpc: 'fpc1' })).toThrow(/--fpc gives 1 column for a design of 2 stages/);
    expect(() => makeDesign(tables.apiclus2, { cluster: 'dnum+snum', fpc: 'fpc1+fpc2+pw' })).toThrow(/3 columns for a design of 2 stages/);
    expect(() => makeDesign(tables.apiclus2, { cluster: 'dnum+nosuch', fpc: 'fpc1+fpc2' })).toThrow(/no variable "nosuch"/);
  });
});

describe('--lonely-psu = options(survey.lonely.psu)', () => {
  it('fail (the default) names the stratum by its value', () => {
    expect(r.lonely_fail).toBe(true);
    const design = makeDesign(tables.lonely, { weight: 'pw', strata: 'stratum' });
    expect(() => estimateMeans(design, { variable: 'api00' })).toThrow(/stratum X has a single PSU/);
  });
  for (const how of ['adjust', 'average', 'remove', 'certainty'] as LonelyPsu[]) {
    it(`${how}: a stratum of one school`, () => compare(`lonely_${how}`, { weight: 'pw', strata: 'stratum', lonelyPsu: how }, 'lonely', api));
  }
  it('a lonely unit at stage 2 fails by default, naming the district', () => {
    expect(r.stage2_fail).toBe(true);
    const design = makeDesign(tables['strat2-lonely'], { strata: 'stype', cluster: 'district+snum', fpc: 'fpc1+fpc2', nest: true });
    expect(() => estimateMeans(design, { variable: 'api00' })).toThrow(/unit \d+ has a single sampled unit at stage 2/);
  });
  for (const how of ['adjust', 'certainty', 'remove'] as LonelyPsu[]) {
    it(`${how}: a lonely unit at stage 2`, () => compare(`stage2_${how}`, { strata: 'stype', cluster: 'district+snum', fpc: 'fpc1+fpc2', nest: true, lonelyPsu: how }, 'strat2-lonely', api));
  }
});
