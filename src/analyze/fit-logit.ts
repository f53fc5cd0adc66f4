import type { Design } from '../core/design.js';
import { UsageError } from '../core/errors.js';
import { chisquareUpperTail } from '../math/distributions/index.js';
import { invertQrR } from '../math/invert-qr-r.js';
import { sandwichProduct } from '../math/sandwich-product.js';
import { solveLeastSquares } from '../math/solve-least-squares.js';
import { binaryResponse } from './binary-response.js';
import { coefficientRows } from './coefficient-rows.js';
import { factorFullRank, prepareRegression, type RegressionOptions } from './prepare-regression.js';
import type { LogitResult } from './regression-result.js';
import { pseudoRSquared } from './pseudo-r-squared.js';
import { robustCovariance, sandwichKindOf, type SandwichKind } from './robust-covariance.js';
import { surveyDegreesOfFreedom } from './survey-degrees-of-freedom.js';

/** Logit options: `--robust` sandwich SEs (clusters and sampling weights come with the design). */
export interface LogitOptions extends RegressionOptions {
  robust?: Exclude<SandwichKind, 'CR1' | 'linearization'>;
  maxIterations?: number;
}

const expit = (eta: number) => 1 / (1 + Math.exp(-eta));

function separationError(names: readonly string[], coefficients: Float64Array): UsageError {
  const suspects = names.filter((name, k) => name !== '(Intercept)' && Math.abs(coefficients[k]) > 5);
  return new UsageError(`(quasi-)complete separation: fitted probabilities of 0 or 1${suspects.length ? `; largest coefficients: ${suspects.join(', ')}` : ''}`, {
    hint: 'the estimates would be infinite; merge sparse categories or drop the term that predicts the outcome perfectly',
  });
}

/**
 * Binary logit by iteratively reweighted least squares, each step a double-double QR of
 * diag(√(w·μ(1−μ)))·X (R: `glm(family = binomial)`; sampling weights: `survey::svyglm(family =
 * quasibinomial)`). Var = (XᵀWX)⁻¹ at the MLE; LR = 2(log L − log L₀) against the intercept-only model;
 * odds ratios exp(β) with Wald intervals exp(β ± z·SE) (R: `exp(confint.default(fit))`).
 */
export function fitLogit(design: Design, formula: string, options: LogitOptions = {}): LogitResult {
  const data = prepareRegression(design, formula, options, 'either');
  const { matrix, nobs, weightKind } = data;
  const w = data.weights ?? new Float64Array(matrix.nrows).fill(1);
  const { y } = binaryResponse(data.frame.response, data.frame.formula.responseLabel);
  const n = matrix.nrows;
  const p = matrix.columns.length;
  const eta = new Float64Array(n);
  const mu = Float64Array.from(y, (v) => (v + 0.5) / 2); // R's binomial mustart for single trials
  for (let i = 0; i < n; i++) eta[i] = Math.log(mu[i] / (1 - mu[i]));
  const logLikOf = () => {
    let ll = 0;
    for (let i = 0; i < n; i++) ll += w[i] * (y[i] ? Math.log(mu[i]) : Math.log1p(-mu[i]));
    return ll;
  };
  let logLik = logLikOf();
  let coefficients = new Float64Array(p);
  let iterations = 0;
  let converged = false;
  const maxIterations = options.maxIterations ?? 50;
  while (iterations < maxIterations && !converged) {
    iterations++;
    const working = Float64Array.from(mu, (m, i) => w[i] * m * (1 - m));
    const z = Float64Array.from(eta, (e, i) => e + (y[i] - mu[i]) / (mu[i] * (1 - mu[i])));
    const qr = factorFullRank(matrix, working);
    coefficients = Float64Array.from(solveLeastSquares(qr, matrix.columns, z, working).coefficients);
    for (let i = 0; i < n; i++) {
      let e = 0;
      for (let k = 0; k < p; k++) e += matrix.columns[k][i] * coefficients[k];
      eta[i] = e;
      mu[i] = expit(e);
    }
    // Fitted probabilities of 0 or 1 mean the MLE is at infinity: stop before the weights vanish.
    if (eta.some((e) => Math.abs(e) > 30)) throw separationError(matrix.names, coefficients);
    const previous = logLik;
    logLik = logLikOf();
    // R's glm.control test on the deviance, tightened from 1e-8 so estimates agree to ~1e-10.
    converged = Math.abs(-2 * logLik + 2 * previous) / (2 * Math.abs(logLik) + 0.1) < 1e-13;
  }
  if (!converged) {
    throw new UsageError(`the logit did not converge in ${maxIterations} iterations`, {
      hint: 'a predictor may separate the outcomes (perfect prediction); check cross-tabulations of the response with each categorical term',
    });
  }
  const working = Float64Array.from(mu, (m, i) => w[i] * m * (1 - m));
  const qr = factorFullRank(matrix, working);
  const rInverse = invertQrR(qr);
  const kind = sandwichKindOf(design, options.robust);
  const leverage = Float64Array.from(mu, (m) => m * (1 - m));
  const residual = Float64Array.from(y, (v, i) => v - mu[i]);
  const covariance = kind ? robustCovariance(kind, rInverse, data, design, residual, leverage) : sandwichProduct(rInverse, null);
  const sampling = weightKind === 'sampling';
  const df = sampling ? surveyDegreesOfFreedom(design, data.frame.rows) + 1 - p : Infinity;
  const level = options.confidenceLevel ?? 0.95;
  const rows = coefficientRows(matrix.names, coefficients, covariance, p, 0, df, level);

  const total = w.reduce((a, b) => a + b, 0);
  const share = y.reduce((a, v, i) => a + w[i] * v, 0) / total;
  const nullLogLik = matrix.intercept ? total * (share * Math.log(share) + (1 - share) * Math.log1p(-share)) : total * Math.log(0.5);
  const dfModel = p - (matrix.intercept ? 1 : 0);
  const lr = 2 * (logLik - nullLogLik);
  const table: [[number, number], [number, number]] = [[0, 0], [0, 0]];
  for (let i = 0; i < n; i++) table[y[i]][+(mu[i] >= 0.5)] += w[i];
  return Object.freeze({
    model: 'logit',
    formula,
    nobs,
    rowsUsed: n,
    rowsDropped: data.frame.nTotal - n,
    missing: data.frame.missing,
    weights: weightKind,
    seType: kind ?? 'classical',
    confidenceLevel: level,
    coefficients: rows,
    thresholds: [],
    covariance,
    termOf: data.termOf,
    fit: {
      rSquared: null,
      adjRSquared: null,
      sigma: null,
      fStatistic: null,
      fPValue: null,
      dfModel,
      dfResidual: sampling ? df : nobs - p,
      logLik: sampling ? null : logLik,
      aic: sampling ? null : -2 * logLik + 2 * p,
      bic: sampling ? null : -2 * logLik + Math.log(nobs) * p,
      deviance: sampling ? null : -2 * logLik,
    },
    oddsRatios: rows.map((r) => ({ term: r.term, oddsRatio: Math.exp(r.estimate), confLow: Math.exp(r.confLow), confHigh: Math.exp(r.confHigh) })),
    likelihoodRatio: sampling ? null : { statistic: lr, df: dfModel, pValue: chisquareUpperTail(lr, dfModel), distribution: 'chisq' as const },
    pseudoR2: sampling ? null : pseudoRSquared(logLik, nullLogLik, nobs),
    classification: { cutoff: 0.5, table, accuracy: (table[0][0] + table[1][1]) / total },
    iterations,
  });
}
