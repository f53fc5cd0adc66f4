import { describe, expect, it } from 'vitest';
import { fitByGroup } from '../../../src/analyze/regression/fit-by-group.js';
import { fitLogit } from '../../../src/analyze/regression/fit-logit.js';
import { fitOls } from '../../../src/analyze/regression/fit-ols.js';
import { expectClose } from '../../helpers/expect-close.js';
import { readExpected, referenceDesign } from './reference-case.js';

const want = readExpected('regression-lm').by_am;

describe('fitByGroup', () => {
  it('OLS per group and the Chow F = anova(pooled, fully interacted)', async () => {
    const design = await referenceDesign('regression-lm', 'mtcars.csv');
    const grouped = fitByGroup(design, 'mpg ~ wt + hp', 'am', (f, domain) => fitOls(design, f, { domain }));
    expect(grouped.groups.map((g) => g.level)).toEqual(['0', '1']);
    expectClose(grouped.pooled.coefficients.map((c) => c.estimate), want.pooled, { rtol: 1e-9, label: 'pooled' });
    expectClose(grouped.groups[0].result.coefficients.map((c) => c.estimate), want.am0, { rtol: 1e-9, label: 'am 0' });
    expectClose(grouped.groups[1].result.coefficients.map((c) => c.estimate), want.am1, { rtol: 1e-9, label: 'am 1' });
    expect(grouped.test).toMatchObject({ kind: 'chow', df: want.chow_df[0], df2: want.chow_df[1] });
    expectClose(grouped.test!.statistic, want.chow_f, { rtol: 1e-9, label: 'Chow F' });
    expectClose(grouped.test!.pValue, want.chow_p, { rtol: 1e-7, label: 'Chow p' });
  });

  it('logit per group gives a likelihood-ratio test on (G−1)·k df', async () => {
    const design = await referenceDesign('regression-glm', 'birthwt.csv');
    const grouped = fitByGroup(design, 'low ~ age + lwt', 'smoke', (f, domain) => fitLogit(design, f, { domain }));
    const separate = grouped.groups.reduce((s, g) => s + g.result.fit.logLik!, 0);
    expect(grouped.test).toMatchObject({ kind: 'likelihood-ratio', df: 3 });
    expectClose(grouped.test!.statistic, 2 * (separate - grouped.pooled.fit.logLik!), { rtol: 1e-12, label: 'LR' });
  });

  // Domain estimation: subset(des, g == l) keeps every stratum for the variance. By stype each domain
  // is a stratum; by awards the domains cut across strata, which a row subset would get wrong.
  for (const [by, key, levels] of [['stype', 'by_stype', ['E', 'H', 'M']], ['awards', 'by_awards', ['No', 'Yes']]] as const) {
    it(`sampling weights by ${by}: svyglm per domain and regTermTest Wald F on the interacted model`, async () => {
      const survey = readExpected('regression-survey-by')[key];
      const design = await referenceDesign('regression-survey-by', 'apistrat.csv', { weight: 'pw', strata: 'stype' });
      // The drafted codebook orders stype by first appearance (E, M, H); R's factor sorts.
      const order = { [by]: [...levels] };
      const grouped = fitByGroup(design, 'api00 ~ ell + meals + mobility', by, (f, domain) => fitOls(design, f, { domain, levels: order }), order);
      expect(grouped.groups.map((g) => g.level)).toEqual(levels);
      [{ level: 'pooled', result: grouped.pooled }, ...grouped.groups].forEach(({ level, result }, g) => {
        const r = g === 0 ? survey.pooled : survey.groups[g - 1];
        expect(result.nobs, `${by}=${level} n`).toBe(r.n);
        expect(result.fit.dfResidual, `${by}=${level} df`).toBe(r.df_residual);
        expectClose(result.coefficients.map((c) => c.estimate), r.estimate, { rtol: 1e-9, label: `${by}=${level} β` });
        expectClose(result.coefficients.map((c) => c.standardError), r.std_error, { rtol: 1e-8, label: `${by}=${level} SE` });
        expectClose(result.coefficients.map((c) => c.pValue), r.p_value, { rtol: 1e-6, label: `${by}=${level} p` });
      });
      expect(grouped.test).toMatchObject({ kind: 'wald', df: survey.wald.df, df2: survey.wald.df2, distribution: 'F' });
      expectClose(grouped.test!.statistic, survey.wald.statistic, { rtol: 1e-8, label: `${by} Wald F` });
      expectClose(grouped.test!.pValue, survey.wald.p_value, { rtol: 1e-6, label: `${by} Wald p` });
    });
  }
});
