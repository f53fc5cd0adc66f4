import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import {
  betaQuantile, chisquareCdf, chisquareQuantile, chisquareUpperTail, fCdf, fQuantile, fUpperTail, logGamma,
  normalCdf, normalQuantile, normalUpperTail, tCdf, tQuantile, tUpperTail,
} from '../../../src/math/distributions/index.js';
import { expectClose } from '../../helpers/expect-close.js';

const r = JSON.parse(readFileSync(new URL('./expected.json', import.meta.url), 'utf8'));

// Probabilities are compared relative to themselves, so tiny upper tails must be accurate too.
const closedForm = { rtol: 1e-10, atol: 1e-300 };
const quantiles = { rtol: 1e-10, atol: 1e-300 };

describe('distribution functions match R', () => {
  it('t: pt, pt(lower.tail = FALSE), qt', () => {
    const { x, df, cdf, upper } = r.t;
    expectClose(x.map((v: number, i: number) => tCdf(v, df[i])), cdf, { ...closedForm, label: 'pt' });
    expectClose(x.map((v: number, i: number) => tUpperTail(v, df[i])), upper, { ...closedForm, label: 'pt upper' });
    const q = r.t_quantile;
    expectClose(q.p.map((p: number, i: number) => tQuantile(p, q.df[i])), q.q, { ...quantiles, label: 'qt' });
  });

  it('chi-square: pchisq, upper tail, qchisq', () => {
    const { x, df, cdf, upper } = r.chisq;
    expectClose(x.map((v: number, i: number) => chisquareCdf(v, df[i])), cdf, { ...closedForm, label: 'pchisq' });
    expectClose(x.map((v: number, i: number) => chisquareUpperTail(v, df[i])), upper, { ...closedForm, label: 'pchisq upper' });
    const q = r.chisq_quantile;
    expectClose(q.p.map((p: number, i: number) => chisquareQuantile(p, q.df[i])), q.q, { ...quantiles, label: 'qchisq' });
  });

  it('F: pf, upper tail, qf', () => {
    const { x, df1, df2, cdf, upper } = r.f;
    expectClose(x.map((v: number, i: number) => fCdf(v, df1[i], df2[i])), cdf, { ...closedForm, label: 'pf' });
    expectClose(x.map((v: number, i: number) => fUpperTail(v, df1[i], df2[i])), upper, { ...closedForm, label: 'pf upper' });
    const q = r.f_quantile;
    expectClose(q.p.map((p: number, i: number) => fQuantile(p, q.df1[i], q.df2[i])), q.q, { ...quantiles, label: 'qf' });
  });

  it('normal, beta quantile and log-gamma', () => {
    const { x, cdf, upper } = r.normal;
    expectClose(x.map(normalCdf), cdf, { ...closedForm, label: 'pnorm' });
    expectClose(x.map(normalUpperTail), upper, { ...closedForm, label: 'pnorm upper' });
    expectClose(r.normal_quantile.p.map(normalQuantile), r.normal_quantile.q, { ...quantiles, label: 'qnorm' });
    const b = r.beta_quantile;
    expectClose(b.p.map((p: number, i: number) => betaQuantile(p, b.a[i], b.b[i])), b.q, { ...quantiles, label: 'qbeta' });
    expectClose(r.lgamma.x.map(logGamma), r.lgamma.y, { ...closedForm, label: 'lgamma' });
  });

  it('infinite degrees of freedom are the normal and chi-square limits', () => {
    expectClose(tUpperTail(1.959963984540054, Infinity), 0.025, { rtol: 1e-12, label: 't(∞)' });
    expectClose(tQuantile(0.975, Infinity), 1.959963984540054, { rtol: 1e-12, label: 'qt(∞)' });
    expectClose(fUpperTail(3.841458820694124, 1, Infinity), 0.05, { rtol: 1e-12, label: 'F(1, ∞)' });
  });
});
