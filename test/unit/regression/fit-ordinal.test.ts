import { describe, expect, it } from 'vitest';
import { fitOrdinal } from '../../../src/analyze/regression/fit-ordinal.js';
import type { OrdinalResult } from '../../../src/analyze/regression/regression-result.js';
import { loadCodebook } from '../../../src/codebook/load-codebook.js';
import { makeDesign } from '../../../src/core/design.js';
import { readDataTable } from '../../../src/ingest/read-data-table.js';
import { expectClose } from '../../helpers/expect-close.js';
import { readExpected, referenceDesign } from './reference-case.js';

const want = readExpected('regression-polr');
const wvs = readExpected('regression-wvs').wvs;
const levels = { Sat: ['Low', 'Medium', 'High'], Infl: ['Low', 'Medium', 'High'], Type: ['Tower', 'Apartment', 'Atrium', 'Terrace'], Cont: ['Low', 'High'] };

function expectPolr(fit: OrdinalResult, expected: Record<string, any>, what: string) {
  expectClose(fit.coefficients.map((c) => c.estimate), expected.estimate, { rtol: 1e-6, label: `${what} β` });
  expectClose(fit.coefficients.map((c) => c.standardError), expected.std_error, { rtol: 1e-5, label: `${what} SE` });
  expectClose(fit.thresholds.map((c) => c.estimate), expected.threshold_estimate, { rtol: 1e-6, label: `${what} θ` });
  expectClose(fit.thresholds.map((c) => c.standardError), expected.threshold_std_error, { rtol: 1e-5, label: `${what} θ SE` });
  expectClose([fit.fit.logLik, fit.fit.aic, fit.fit.deviance], [expected.log_lik, expected.aic, expected.deviance], { rtol: 1e-9, label: `${what} log L, AIC, deviance` });
  expectClose(fit.likelihoodRatio!.statistic, expected.lr_statistic, { rtol: 1e-7, label: `${what} LR` });
  expect(fit.nobs).toBe(expected.n);
}

describe('fitOrdinal against MASS::polr (test/reference/regression-polr)', () => {
  it('housing, logistic, frequency weights; thresholds Low|Medium; Brant test', async () => {
    const design = await referenceDesign('regression-polr', 'housing.csv', { freq: 'Freq' });
    const fit = fitOrdinal(design, 'Sat ~ Infl + Type + Cont', { levels });
    expect(fit.coefficients.map((c) => c.term)).toEqual(want.housing_logit.terms);
    expect(fit.thresholds.map((c) => c.term)).toEqual(want.housing_logit.thresholds);
    expectPolr(fit, want.housing_logit, 'housing logit');
    const brant = want.housing_logit.brant;
    expect(fit.brant!.map((b) => b.term)).toEqual(brant.term);
    expect(fit.brant!.map((b) => b.df)).toEqual(brant.df);
    expectClose(fit.brant!.map((b) => b.statistic), brant.statistic, { rtol: 1e-6, label: 'Brant χ²' });
  });

  it('housing, probit link', async () => {
    const design = await referenceDesign('regression-polr', 'housing.csv', { freq: 'Freq' });
    expectPolr(fitOrdinal(design, 'Sat ~ Infl + Type + Cont', { levels, link: 'oprobit' }), want.housing_probit, 'housing probit');
  });

  it('the bundled study recovers its true coefficients; thresholds carry the codebook labels', async () => {
    const dir = new URL('../../../data-samples/bazhou-2025/', import.meta.url).pathname;
    const codebook = await loadCodebook(`${dir}codebook.yaml`);
    const { table } = await readDataTable(`${dir}responses.csv`, { codebook });
    const fit = fitOrdinal(makeDesign(table), 'happiness ~ log(income) + sat_health_cost + sat_public_services + sat_ecology');
    expectPolr(fit, want.bazhou, 'bazhou');
    expect(fit.thresholds[0].term).toBe('非常不幸福|不太幸福');
    // The README's true coefficients, all four checked at once: simultaneous 95% intervals
    // (Bonferroni, z = qnorm(1 - 0.05/8) = 2.4977). At 95% each, sat_public_services (0.341 ± 0.039)
    // would miss its 0.30 by 0.003 — one miss in four is what 95% intervals do.
    const truth = [0.6, 0.35, 0.3, 0.3];
    fit.coefficients.forEach((c, k) => {
      expect(Math.abs(c.estimate - truth[k]) <= 2.4977 * c.standardError, `${c.term} ${c.estimate} vs ${truth[k]}`).toBe(true);
    });
    expectClose(fit.brant!.map((b) => b.statistic), want.bazhou.brant.statistic, { rtol: 1e-6, label: 'Brant χ²' });
  });

  it('carData::WVS: poverty Too Little < About Right < Too Much given as levels; R term names; SEs = the analytic Hessian (clm); Brant test', async () => {
    const design = await referenceDesign('regression-wvs', 'wvs.csv');
    // Without a codebook the drafted one orders choices by first appearance (religion: yes, no), so
    // R's sorted levels are given like the ordered poverty.
    const wvsLevels = { poverty: ['Too Little', 'About Right', 'Too Much'], religion: ['no', 'yes'], degree: ['no', 'yes'], country: ['Australia', 'Norway', 'Sweden', 'USA'], gender: ['female', 'male'] };
    const fit = fitOrdinal(design, 'poverty ~ religion + degree + country + age + gender', { levels: wvsLevels });
    expect(fit.coefficients.map((c) => c.term)).toEqual(wvs.terms);
    expect(fit.thresholds.map((c) => c.term)).toEqual(wvs.thresholds);
    expectPolr(fit, wvs, 'WVS');
    expect(fit.brant!.map((b) => b.term)).toEqual(wvs.brant.term);
    expect(fit.brant!.map((b) => b.df)).toEqual(wvs.brant.df);
    expectClose(fit.brant!.map((b) => b.statistic), wvs.brant.statistic, { rtol: 1e-6, label: 'WVS Brant χ²' });
    expectClose(fit.brant!.map((b) => b.pValue), wvs.brant.p_value, { rtol: 1e-5, label: 'WVS Brant p' });
  });
});
