import type { Design } from '../../core/design.js';
import { chisquareUpperTail } from '../../math/distributions/index.js';
import { invertQrR } from '../../math/invert-qr-r.js';
import { sandwichProduct } from '../../math/sandwich-product.js';
import { binaryResponse } from './binary-response.js';
import { coefficientRows } from './coefficient-rows.js';
import { likelihoodFit } from './likelihood-fit.js';
import { logitIrls } from './logit-irls.js';
import { factorFullRank, prepareRegression, type RegressionOptions } from './prepare-regression.js';
import { regressionHeader } from '../results/regression-header.js';
import { replicateCoefficientCovariance, replicateResidualDf } from './replicate-coefficients.js';
import type { LogitResult } from './regression-result.js';
import { pseudoRSquared } from './pseudo-r-squared.js';
import { designDegreesOfFreedom } from '../variance/design-variance.js';
import { fitRows, robustCovariance, sandwichKindOf, type SandwichKind } from './robust-covariance.js';

/** Logit options: `--robust` sandwich SEs (clusters and sampling weights come with the design). */
export interface LogitOptions extends RegressionOptions {
  robust?: Exclude<SandwichKind, 'CR1' | 'linearization'>;
  maxIterations?: number;
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
  const { coefficients, mu, logLik, iterations } = logitIrls(matrix, y, w, options.maxIterations);
  const working = Float64Array.from(mu, (m, i) => w[i] * m * (1 - m));
  const qr = factorFullRank(matrix, working);
  const rInverse = invertQrR(qr);
  const kind = sandwichKindOf(design, options.robust);
  const leverage = Float64Array.from(mu, (m) => m * (1 - m));
  const residual = Float64Array.from(y, (v, i) => v - mu[i]);
  const covariance = design.replicates
    ? replicateCoefficientCovariance(design, data, coefficients, (wr) => logitIrls(matrix, y, wr, options.maxIterations).coefficients)
    : kind ? robustCovariance(kind, rInverse, data, design, residual, leverage) : sandwichProduct(rInverse, null);
  const sampling = weightKind === 'sampling';
  const df = design.replicates ? replicateResidualDf(design, options.domain, p) : sampling ? designDegreesOfFreedom(design, fitRows(design, data)) + 1 - p : Infinity;
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
    ...regressionHeader('logit', formula, data, design.replicates ? 'replicate' : kind ?? 'classical', level),
    coefficients: rows,
    thresholds: [],
    covariance,
    termOf: data.termOf,
    fit: likelihoodFit(sampling ? null : logLik, p, nobs, dfModel, sampling ? df : nobs - p),
    oddsRatios: rows.map((r) => ({ term: r.term, oddsRatio: Math.exp(r.estimate), confLow: Math.exp(r.confLow), confHigh: Math.exp(r.confHigh) })),
    likelihoodRatio: sampling ? null : { statistic: lr, df: dfModel, pValue: chisquareUpperTail(lr, dfModel), distribution: 'chisq' as const },
    pseudoR2: sampling ? null : pseudoRSquared(logLik, nullLogLik, nobs),
    classification: { cutoff: 0.5, table, accuracy: (table[0][0] + table[1][1]) / total },
    iterations,
  });
}
