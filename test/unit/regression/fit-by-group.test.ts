import { describe, expect, it } from 'vitest';
import { fitByGroup } from '../../../src/analyze/fit-by-group.js';
import { fitLogit } from '../../../src/analyze/fit-logit.js';
import { fitOls } from '../../../src/analyze/fit-ols.js';
import { expectClose } from '../../helpers/expect-close.js';
import { readExpected, referenceDesign } from './reference-case.js';

const want = readExpected('regression-lm').by_am;

describe('fitByGroup', () => {
  it('OLS per group and the Chow F = anova(pooled, fully interacted)', async () => {
    const design = await referenceDesign('regression-lm', 'mtcars.csv');
    const grouped = fitByGroup(design, 'am', (d) => fitOls(d, 'mpg ~ wt + hp'));
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
    const grouped = fitByGroup(design, 'smoke', (d) => fitLogit(d, 'low ~ age + lwt'));
    const separate = grouped.groups.reduce((s, g) => s + g.result.fit.logLik!, 0);
    expect(grouped.test).toMatchObject({ kind: 'likelihood-ratio', df: 3 });
    expectClose(grouped.test!.statistic, 2 * (separate - grouped.pooled.fit.logLik!), { rtol: 1e-12, label: 'LR' });
  });
});
