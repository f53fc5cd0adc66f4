import { describe, expect, it } from 'vitest';
import { fitLogit } from '../../../src/analyze/regression/fit-logit.js';
import { expectClose } from '../../helpers/expect-close.js';
import { expectCoefficients } from './coefficient-columns.js';
import { readExpected, referenceDesign } from './reference-case.js';

const want = readExpected('regression-glm');
const ITERATIVE = { estimate: 1e-6, standardError: 1e-5 };
const levels = { race: ['white', 'black', 'other'] };

describe('fitLogit against R glm (test/reference/regression-glm, MASS::birthwt)', () => {
  it('coefficients, Wald z, odds ratios, LR test, pseudo-R², classification', async () => {
    const design = await referenceDesign('regression-glm', 'birthwt.csv');
    const fit = fitLogit(design, 'low ~ age + lwt + race + smoke', { levels });
    expect(fit.coefficients.map((c) => c.term)).toEqual(want.terms);
    expectCoefficients(fit.coefficients, want, ITERATIVE, 'birthwt');
    expectClose(fit.oddsRatios.map((o) => o.oddsRatio), want.odds_ratio, { rtol: 1e-6, label: 'odds ratios' });
    expectClose(fit.fit.logLik, want.log_lik, { rtol: 1e-9, label: 'log L' });
    for (const key of ['deviance', 'aic', 'bic', 'df_residual'] as const) {
      const mine = { deviance: fit.fit.deviance, aic: fit.fit.aic, bic: fit.fit.bic, df_residual: fit.fit.dfResidual }[key];
      expectClose(mine, want[key], { rtol: 1e-9, label: key });
    }
    expectClose(fit.likelihoodRatio!.statistic, want.lr_statistic, { rtol: 1e-8, label: 'LR' });
    expectClose(fit.likelihoodRatio!.pValue, want.lr_p_value, { rtol: 1e-6, label: 'LR p' });
    expectClose([fit.pseudoR2!.mcfadden, fit.pseudoR2!.coxSnell, fit.pseudoR2!.nagelkerke], [want.mcfadden, want.cox_snell, want.nagelkerke], { rtol: 1e-8, label: 'pseudo R²' });
    expect(fit.classification.table.flat()).toEqual(want.classification);
  });

  it('sandwich HC0 and HC3 (R: sandwich::vcovHC on the glm)', async () => {
    const design = await referenceDesign('regression-glm', 'birthwt.csv');
    for (const type of ['HC0', 'HC3'] as const) {
      const fit = fitLogit(design, 'low ~ age + lwt + race + smoke', { levels, robust: type });
      expectClose(fit.coefficients.map((c) => c.standardError), want[type], { rtol: 1e-5, label: type });
    }
  });

  it('separation is an error, not silent garbage', async () => {
    const design = await referenceDesign('regression-glm', 'birthwt.csv');
    expect(() => fitLogit(design, 'I(age > 25) ~ age')).toThrow(/separation/);
  });

  it('a response that is not 0/1 is a usage error', async () => {
    const design = await referenceDesign('regression-glm', 'birthwt.csv');
    expect(() => fitLogit(design, 'age ~ lwt')).toThrow(/needs 0\/1/);
  });
});
