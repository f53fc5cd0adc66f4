import { describe, expect, it } from 'vitest';
import { fitLogit } from '../../../src/analyze/regression/fit-logit.js';
import { fitOls } from '../../../src/analyze/regression/fit-ols.js';
import { fitOrdinal } from '../../../src/analyze/regression/fit-ordinal.js';
import { expectClose } from '../../helpers/expect-close.js';
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

  it('ordinal logit on apiclus1: = svyolr with the exact Hessian (sandwich of H⁻¹ and the linearized scores)', async () => {
    const design = await referenceDesign('regression-survey', 'apiclus1.csv', { weight: 'pw', cluster: 'dnum' });
    const fit = fitOrdinal(design, 'mealcat ~ avg_ed + mobility + stype', { levels: { stype: ['E', 'H', 'M'] } });
    expect(fit.coefficients.map((c) => c.term)).toEqual(want.olr.terms);
    expect(fit.thresholds.map((c) => c.term)).toEqual(want.olr.thresholds);
    expectCoefficients(fit.coefficients, want.olr, { estimate: 1e-6, standardError: 1e-5 }, 'svyolr');
    expectClose(fit.thresholds.map((c) => c.estimate), want.olr.threshold_estimate, { rtol: 1e-6, label: 'svyolr θ' });
    expectClose(fit.thresholds.map((c) => c.standardError), want.olr.threshold_std_error, { rtol: 1e-5, label: 'svyolr θ SE' });
    // svyolr's own SEs rest on optim's finite-difference Hessian: 2e-4 off (see make-expected.R).
    const all = [...fit.coefficients, ...fit.thresholds].map((c) => c.standardError);
    expectClose(all, want.olr.svyolr_std_error, { rtol: 5e-4, label: 'svyolr own SE' });
  });
});
