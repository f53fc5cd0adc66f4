import { fmmSpline } from '../../math/fmm-spline.js';
import { linearInterpolation } from '../../math/linear-interpolation.js';
import { normalCdf } from '../../math/distributions/normal-cdf.js';
import { normalQuantile } from '../../math/distributions/normal-quantile.js';
import { tQuantile } from '../../math/distributions/t-quantile.js';
import { quasibinomialIntercept } from '../regression/quasibinomial-intercept.js';

const expit = (b: number) => 1 / (1 + Math.exp(-b));

/**
 * Profile-likelihood interval of a design-based share, step for step as R
 * `survey::svyciprop(method = "likelihood")`: the intercept-only quasibinomial `svyglm` (weights
 * rescaled to mean 1) is profiled as `confint.svyglm(method = "likelihood", ddf = df)` does with
 * survey's copy of MASS's `profile.glm` — the intercept stepped by ±k·(zmax/5)·SE (k < 10, while
 * |z| < zmax), z = ±√(Δdeviance / dispersion) with the dispersion `svyvar` of the Pearson
 * residuals, the points joined by R's `spline()` and the cut-offs ±t_{df}·√λ (λ = sandwich / model
 * variance of the intercept) read back by linear interpolation — because R's interval is that
 * interpolation, not the exact root; the fit is R's IRLS iteration for iteration (quasibinomialIntercept). `y` is 1/0/NaN, `w` the case weights, `mask` the domain;
 * `share`, `standardError` and `df` as from `domainMean`. NaN when R gives none (df ≤ 0, R stops;
 * a share of 0 or 1, the fit does not converge; a cut-off beyond the profile, R's NA).
 */
export function likelihoodShareInterval(y: Float64Array, w: Float64Array, mask: Uint8Array | null, share: number, standardError: number, df: number, level: number): [number, number] {
  if (!(df > 0) || !(share > 0 && share < 1) || !(standardError > 0)) return [NaN, NaN];
  const ys: number[] = [];
  const ws: number[] = [];
  for (let i = 0; i < y.length; i++) {
    if ((mask && !mask[i]) || Number.isNaN(y[i]) || w[i] === 0) continue;
    ys.push(y[i]);
    ws.push(w[i]);
  }
  const n = ys.length;
  const sumW = ws.reduce((a, b) => a + b, 0);
  // svyglm rescales the weights to mean 1.
  const fit = quasibinomialIntercept(ys, ws.map((v) => (v * n) / sumW));
  const b0 = fit.coefficient;
  const mu = expit(b0);
  const pq = mu * (1 - mu);
  // summary.svyglm's dispersion: svyvar of the Pearson residuals (y − μ)/√(μ(1 − μ)) (survey's
  // residuals take the sampling weights back out), ≈ n/(n − 1) for a 0/1 y.
  let meanR = 0;
  for (let i = 0; i < n; i++) meanR += (ws[i] * (ys[i] - mu)) / Math.sqrt(pq) / sumW;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ws[i] * ((ys[i] - mu) / Math.sqrt(pq) - meanR) ** 2;
  const dispersion = ((ss / sumW) * n) / (n - 1);
  const d0 = fit.deviance(b0);
  // The sandwich SE of the intercept is the delta-method SE of the share; λ compares its variance
  // with the model-based one.
  const seB = standardError / pq;
  const lambda = (seB * seB) / fit.naiveVariance;
  const alpha = normalCdf(tQuantile((1 - level) / 2, df) * Math.sqrt(lambda)) / 2;
  // sqrt(qf(alpha, 1, n − 1, lower.tail = FALSE)) = |qt(alpha/2, n − 1)|.
  const zmax = Math.abs(tQuantile(alpha / 2, n - 1));
  const step = zmax / 5;
  const points: [number, number][] = [[0, b0]];
  for (const sign of [-1, 1]) {
    let z = 0;
    for (let k = 1; k < 10 && Math.abs(z) < zmax; k++) {
      const b = b0 + sign * k * step * seB;
      z = sign * Math.sqrt(Math.max((fit.deviance(b) - d0) / dispersion, 0));
      points.push([z, b]);
    }
  }
  points.sort((a, c) => a[1] - c[1]);
  const spline = fmmSpline(points.map((p) => p[1]), points.map((p) => p[0]));
  const cutoff = normalQuantile(2 * alpha);
  return [cutoff, -cutoff].map((c) => expit(linearInterpolation(spline.y, spline.x, c))) as [number, number];
}
