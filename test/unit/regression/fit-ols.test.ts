import { describe, expect, it } from 'vitest';
import { fitOls } from '../../../src/analyze/regression/fit-ols.js';
import { expectClose } from '../../helpers/expect-close.js';
import { readExpected, referenceDesign } from './reference-case.js';

const expected = readExpected('regression-lm');
const OLS = { rtol: 1e-9 };
const column = (rows: readonly { [k: string]: any }[], key: string) => rows.map((r) => r[key] as number);

function expectLm(fit: ReturnType<typeof fitOls>, want: Record<string, any>, what: string) {
  expect(fit.coefficients.map((c) => c.term)).toEqual(want.terms);
  const keys = { estimate: 'estimate', std_error: 'standardError', statistic: 'statistic', conf_low: 'confLow', conf_high: 'confHigh' };
  for (const [key, field] of Object.entries(keys)) expectClose(column(fit.coefficients, field), want[key], { ...OLS, label: `${what} ${key}` });
  expectClose(column(fit.coefficients, 'pValue'), want.p_value, { rtol: 1e-7, label: `${what} p_value` });
  const fitKeys: [string, number | null][] = [
    ['r_squared', fit.fit.rSquared], ['adj_r_squared', fit.fit.adjRSquared], ['sigma', fit.fit.sigma],
    ['f_statistic', fit.fit.fStatistic], ['df_residual', fit.fit.dfResidual], ['log_lik', fit.fit.logLik],
    ['aic', fit.fit.aic], ['bic', fit.fit.bic], ['deviance', fit.fit.deviance],
  ];
  for (const [key, value] of fitKeys) expectClose(value, want[key], { ...OLS, label: `${what} ${key}` });
  expectClose(fit.fit.fPValue, want.f_p_value, { rtol: 1e-7, label: `${what} F p-value` });
  expectClose(fit.standardized.filter((v) => v !== null), want.standardized, { ...OLS, label: `${what} standardized β` });
}

describe('fitOls against R lm (test/reference/regression-lm)', () => {
  it('longley: lm, summary.lm, car::vif', async () => {
    const design = await referenceDesign('regression-lm', 'longley.csv');
    const fit = fitOls(design, 'Employed ~ GNP_deflator + GNP + Unemployed + Armed_Forces + Population + Year');
    expectLm(fit, expected.longley, 'longley');
    expectClose(fit.vif.map((v) => v.gvif), expected.longley.vif, { ...OLS, label: 'VIF' });
  });

  it('longley: sandwich HC0–HC3 and vcovCL CR1', async () => {
    const design = await referenceDesign('regression-lm', 'longley.csv');
    const formula = 'Employed ~ GNP_deflator + GNP + Unemployed + Armed_Forces + Population + Year';
    for (const type of ['HC0', 'HC1', 'HC2', 'HC3'] as const) {
      const fit = fitOls(design, formula, { robust: type });
      expect(fit.seType).toBe(type);
      expectClose(column(fit.coefficients, 'standardError'), expected.longley[type], { ...OLS, label: type });
      // sandwich::vcovHC itself inverts X'X and is ~1e-8 off on Longley (see make-expected.R).
      expectClose(column(fit.coefficients, 'standardError'), expected.longley[`sandwich_${type}`], { rtol: 1e-7, label: `sandwich ${type}` });
    }
    const clustered = fitOls(await referenceDesign('regression-lm', 'longley.csv', { cluster: 'period' }), formula);
    expect(clustered.seType).toBe('CR1');
    expectClose(column(clustered.coefficients, 'standardError'), expected.longley.CR1, { ...OLS, label: 'CR1' });
    expectClose(column(clustered.coefficients, 'standardError'), expected.longley.sandwich_CR1, { rtol: 1e-7, label: 'sandwich CR1' });
  });

  it('mtcars: factor(), interaction, log(), I() named as R names them; HC3; GVIF', async () => {
    const design = await referenceDesign('regression-lm', 'mtcars.csv');
    const fit = fitOls(design, 'mpg ~ wt * factor(cyl) + log(hp) + I(disp^2)', { robust: 'HC3' });
    expect(fit.coefficients.map((c) => c.term)).toEqual(expected.terms.terms);
    expectClose(column(fit.coefficients, 'estimate'), expected.terms.estimate, { ...OLS, label: 'estimate' });
    expectClose(column(fit.coefficients, 'standardError'), expected.terms.HC3, { ...OLS, label: 'HC3' });
    const vif = fitOls(design, 'mpg ~ wt + factor(cyl) + log(hp)').vif;
    expectClose(vif.map((v) => v.gvif), expected.terms.gvif, { ...OLS, label: 'GVIF' });
    expect(vif.map((v) => v.df)).toEqual([1, 2, 1]);
  });

  it('mtcars: frequency weights give the expanded rows\' lm, HC1 included', async () => {
    const design = await referenceDesign('regression-lm', 'mtcars.csv', { freq: 'f' });
    const fit = fitOls(design, 'mpg ~ wt + factor(cyl) + log(hp)');
    expect(fit.weights).toBe('frequency');
    expect(fit.nobs).toBe(expected.freq.nobs);
    expectLm(fit, expected.freq, 'freq');
    const robust = fitOls(design, 'mpg ~ wt + factor(cyl) + log(hp)', { robust: 'HC1' });
    expectClose(column(robust.coefficients, 'standardError'), expected.freq.HC1, { ...OLS, label: 'freq HC1' });
  });

  it('no intercept: every level of the first factor', async () => {
    const design = await referenceDesign('regression-lm', 'mtcars.csv');
    const fit = fitOls(design, 'mpg ~ wt + factor(am) - 1');
    expect(fit.coefficients.map((c) => c.term)).toEqual(expected.no_intercept.terms);
    expectClose(column(fit.coefficients, 'estimate'), expected.no_intercept.estimate, { ...OLS, label: 'estimate' });
  });

  it('rank deficiency names the aliased term', async () => {
    const design = await referenceDesign('regression-lm', 'mtcars.csv');
    expect(() => fitOls(design, 'mpg ~ wt + I(2 * wt)')).toThrow(/I\(2 \* wt\) is a linear combination/);
  });
});
