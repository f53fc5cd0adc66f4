import { describe, expect, it } from 'vitest';
import { fitLogit } from '../../../src/analyze/fit-logit.js';
import { fitOls } from '../../../src/analyze/fit-ols.js';
import { expectCoefficients } from './coefficient-columns.js';
import { readExpected, referenceDesign } from './reference-case.js';

const want = readExpected('regression-survey');

describe('design-based regression against survey::svyglm (test/reference/regression-survey, survey::api)', () => {
  it('OLS on apistrat (strata, sampling weights): linearization SE, t on degf + 1 − p', async () => {
    const design = await referenceDesign('regression-survey', 'apistrat.csv', { weight: 'pw', strata: 'stype' });
    const fit = fitOls(design, 'api00 ~ ell + meals + mobility');
    expect(fit).toMatchObject({ weights: 'sampling', seType: 'linearization' });
    expect(fit.fit.dfResidual).toBe(want.ols.df_residual);
    expectCoefficients(fit.coefficients, want.ols, { estimate: 1e-9, standardError: 1e-8 }, 'svyglm OLS');
  });

  it('logit on apiclus1 (clusters, sampling weights): = svyglm(family = quasibinomial)', async () => {
    const design = await referenceDesign('regression-survey', 'apiclus1.csv', { weight: 'pw', cluster: 'dnum' });
    const fit = fitLogit(design, 'sch_wide ~ ell + meals + api99');
    expect(fit.fit.dfResidual).toBe(want.logit.df_residual);
    expectCoefficients(fit.coefficients, want.logit, { estimate: 1e-6, standardError: 1e-5 }, 'svyglm logit');
  });
});
