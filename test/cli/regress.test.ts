import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectClose } from '../helpers/expect-close.js';
import { runCli } from '../helpers/run-cli.js';

const reference = (path: string) => fileURLToPath(new URL(`../reference/${path}`, import.meta.url));
const bazhou = fileURLToPath(new URL('../../data-samples/bazhou-2025/', import.meta.url));

describe('survey regress', () => {
  it('--json prints the DESIGN §2 contract', async () => {
    const { readExpected } = await import('../unit/regression/reference-case.js');
    const want = readExpected('regression-lm').longley;
    const { code, stdout, stderr } = await runCli(['regress', reference('regression-lm/longley.csv'), 'Employed ~ GNP_deflator + GNP + Unemployed + Armed_Forces + Population + Year', '--robust', 'HC3', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['model', 'formula', 'nobs', 'weights', 'se_type', 'coefficients', 'thresholds', 'fit']);
    expect(json).toMatchObject({ model: 'ols', nobs: 16, weights: 'none', se_type: 'HC3', thresholds: [] });
    expect(Object.keys(json.coefficients[0])).toEqual(['term', 'estimate', 'std_error', 'statistic', 'p_value', 'conf_low', 'conf_high']);
    expect(Object.keys(json.fit)).toEqual(['r_squared', 'adj_r_squared', 'sigma', 'f_statistic', 'df_model', 'df_residual', 'log_lik', 'aic', 'bic', 'deviance']);
    expectClose(json.coefficients.map((c: { std_error: number }) => c.std_error), want.HC3, { rtol: 1e-9, label: 'HC3 via CLI' });
    expectClose(json.fit.r_squared, want.r_squared, { rtol: 1e-9, label: 'R²' });
  });

  it('prints a 三线表 with codebook labels, stars and the rows dropped', async () => {
    const { code, stdout } = await runCli(['regress', `${bazhou}responses.csv`, 'happiness ~ log(income) + sat_health_cost + area', '--codebook', `${bazhou}codebook.yaml`]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^━+\n变量/);
    expect(stdout).toContain('area农村');
    expect(stdout).toMatch(/sat_health_cost 医疗费用负担 +0\.\d+\*\*\*/);
    expect(stdout).toContain('缺失: log(income) 200, sat_health_cost 50');
  });

  it('a rank-deficient model is a usage error naming the aliased term', async () => {
    const { code, stderr } = await runCli(['regress', reference('regression-lm/mtcars.csv'), 'mpg ~ wt + I(wt * 2)']);
    expect(code).toBe(2);
    expect(stderr).toContain('I(wt * 2) is a linear combination');
  });
});

describe('survey regress --model logit', () => {
  it('--levels sets the reference level; --json gives z statistics and null R²', async () => {
    const { readExpected } = await import('../unit/regression/reference-case.js');
    const want = readExpected('regression-glm');
    const { code, stdout } = await runCli(['regress', reference('regression-glm/birthwt.csv'), 'low ~ age + lwt + race + smoke', '--model', 'logit', '--levels', 'race=white,black,other', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.coefficients.map((c: { term: string }) => c.term)).toEqual(want.terms);
    expectClose(json.coefficients.map((c: { estimate: number }) => c.estimate), want.estimate, { rtol: 1e-6, label: 'logit via CLI' });
    expect(json.fit).toMatchObject({ r_squared: null, sigma: null, f_statistic: null });
  });
});

describe('survey regress --model ologit', () => {
  it('prints thresholds named by codebook labels in the table and in --json', async () => {
    const args = ['regress', `${bazhou}responses.csv`, 'happiness ~ log(income) + sat_health_cost', '--model', 'ologit', '--codebook', `${bazhou}codebook.yaml`];
    const table = await runCli(args);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('阈值（切点）');
    const json = JSON.parse((await runCli([...args, '--json'])).stdout);
    expect(json.thresholds.map((t: { term: string }) => t.term)).toEqual(['非常不幸福|不太幸福', '不太幸福|一般', '一般|比较幸福', '比较幸福|非常幸福']);
    expect(json).toMatchObject({ model: 'ologit', se_type: 'hessian', weights: 'none' });
  });
});

describe('survey regress --by', () => {
  it('--json holds the pooled fit, one fit per group and the Chow test', async () => {
    const { readExpected } = await import('../unit/regression/reference-case.js');
    const want = readExpected('regression-lm').by_am;
    const { code, stdout } = await runCli(['regress', reference('regression-lm/mtcars.csv'), 'mpg ~ wt + hp', '--by', 'am', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.groups.map((g: { level: string }) => g.level)).toEqual(['0', '1']);
    expect(json.pooled.model).toBe('ols');
    expectClose(json.test.statistic, want.chow_f, { rtol: 1e-9, label: 'Chow F via CLI' });
  });

  it('with --weight fits each group as a domain and names the design-based Wald test', async () => {
    const { readExpected } = await import('../unit/regression/reference-case.js');
    const want = readExpected('regression-survey-by').by_awards.wald;
    const { code, stdout } = await runCli(['regress', reference('regression-survey-by/apistrat.csv'), 'api00 ~ ell + meals + mobility', '--weight', 'pw', '--strata', 'stype', '--by', 'awards', '--lang', 'en']);
    expect(code).toBe(0);
    expect(stdout).toContain(`design-based Wald test of the group and interaction terms of the fully interacted model, F(${want.df}, ${want.df2}) = ${want.statistic.toFixed(2)}`);
  });
});
