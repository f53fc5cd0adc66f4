import { describe, expect, it } from 'vitest';
import { fitLogit } from '../../../src/analyze/regression/fit-logit.js';
import { fitOls } from '../../../src/analyze/regression/fit-ols.js';
import { fitOrdinal } from '../../../src/analyze/regression/fit-ordinal.js';
import { calibrateDesign, type CalibrateOptions } from '../../../src/weight/calibrate-design.js';
import { loadTargets } from '../../../src/weight/load-targets.js';
import type { DesignSpec } from '../../../src/core/design.js';
import { expectClose } from '../../helpers/expect-close.js';
import { expectCoefficients } from './coefficient-columns.js';
import { readExpected, referenceDesign, referenceDir } from './reference-case.js';

const name = 'regression-calibrated';
const want = readExpected(name);

async function calibrated(csv: string, spec: DesignSpec, targets: string, options: CalibrateOptions) {
  const design = await referenceDesign(name, csv, spec);
  return calibrateDesign(design, await loadTargets(`${referenceDir(name)}${targets}`), options).design;
}

describe('regression after calibration against survey::svyglm / svyolr on the calibrated design (test/reference/regression-calibrated)', () => {
  it('OLS on apiclus1 post-stratified by stype: SEs from the residuals on the post-strata, not the fixed weights', async () => {
    const design = await calibrated('apiclus1.csv', { weight: 'pw', cluster: 'dnum' }, 'stype.yaml', { method: 'poststratify' });
    const fit = fitOls(design, 'api00 ~ ell + meals + mobility');
    expect(fit.fit.dfResidual).toBe(want.ols.df_residual);
    expectCoefficients(fit.coefficients, want.ols, { estimate: 1e-9, standardError: 1e-8 }, 'svyglm OLS, postStratify');
    // The fixed-weight SEs differ by 0.9–5%, far beyond the tolerance: the test fails without the calibration residuals.
    const fixed = fitOls({ ...design, calibration: undefined }, 'api00 ~ ell + meals + mobility');
    expectClose(fixed.coefficients.map((c) => c.standardError), want.fixed_ols_std_error, { rtol: 1e-8, label: 'fixed-weight SEs' });
    fit.coefficients.forEach((c, k) => expect(Math.abs(c.standardError / want.fixed_ols_std_error[k] - 1)).toBeGreaterThan(0.005));
  });

  it('logit on apistrat raked to stype and sch_wide: = svyglm(family = quasibinomial) on rake()', async () => {
    const design = await calibrated('apistrat.csv', { weight: 'pw', strata: 'stype' }, 'stype-sch-wide.yaml', { method: 'rake', maxIter: 100, tolerance: 1e-15 });
    const fit = fitLogit(design, 'yes ~ ell + meals + api99');
    expect(fit.fit.dfResidual).toBe(want.logit.df_residual);
    expectCoefficients(fit.coefficients, want.logit, { estimate: 1e-6, standardError: 1e-5 }, 'svyglm logit, rake');
  });

  it('ordinal logit on apiclus1 post-stratified by stype: = svyolr with the exact Hessian and calibrated scores', async () => {
    const design = await calibrated('apiclus1.csv', { weight: 'pw', cluster: 'dnum' }, 'stype.yaml', { method: 'poststratify' });
    const fit = fitOrdinal(design, 'mealcat ~ avg_ed + mobility + stype', { levels: { stype: ['E', 'H', 'M'] } });
    expect(fit.coefficients.map((c) => c.term)).toEqual(want.olr.terms);
    expectCoefficients(fit.coefficients, want.olr, { estimate: 1e-6, standardError: 1e-5 }, 'svyolr, postStratify');
    expectClose(fit.thresholds.map((c) => c.estimate), want.olr.threshold_estimate, { rtol: 1e-6, label: 'svyolr θ' });
    expectClose(fit.thresholds.map((c) => c.standardError), want.olr.threshold_std_error, { rtol: 1e-5, label: 'svyolr θ SE' });
    // svyolr's own SEs rest on optim's finite-difference Hessian (see make-expected.R).
    const all = [...fit.coefficients, ...fit.thresholds].map((c) => c.standardError);
    expectClose(all, want.olr.svyolr_std_error, { rtol: 5e-4, label: 'svyolr own SE' });
  });
});
