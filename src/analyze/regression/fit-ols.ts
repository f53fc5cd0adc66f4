import type { Design } from '../../core/design.js';
import { invertQrR } from '../../math/invert-qr-r.js';
import { sandwichProduct } from '../../math/sandwich-product.js';
import { solveLeastSquares } from '../../math/solve-least-squares.js';
import { olsResult } from './ols-result.js';
import { factorFullRank, prepareRegression, type RegressionOptions } from './prepare-regression.js';
import { replicateCoefficientCovariance, replicateResidualDf } from './replicate-coefficients.js';
import type { OlsResult } from './regression-result.js';
import { designDegreesOfFreedom } from '../variance/design-variance.js';
import { fitRows, robustCovariance, sandwichKindOf, type SandwichKind } from './robust-covariance.js';

/** OLS options: `--robust` standard errors (clusters and sampling weights come with the design). */
export interface OlsOptions extends RegressionOptions {
  robust?: Exclude<SandwichKind, 'CR1' | 'linearization'>;
}

function weightedSd(x: ArrayLike<number>, w: Float64Array | null, total: number): number {
  let mean = 0;
  for (let i = 0; i < x.length; i++) mean += (w ? w[i] : 1) * x[i];
  mean /= total;
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += (w ? w[i] : 1) * (x[i] - mean) ** 2;
  return Math.sqrt(ss / (total - 1));
}

/**
 * Least squares by a double-double Householder QR (R: `lm` + `summary.lm`; sandwich `vcovHC`/`vcovCL`;
 * with sampling weights `survey::svyglm(family = gaussian)`). β̂ = R⁻¹Qᵀy, Var = σ²(XᵀWX)⁻¹ with
 * σ² = RSS/(N − p); R² = 1 − RSS/TSS; F = (TSS − RSS)/(p − 1) ÷ σ²; log L = −N/2·(log 2π + 1 − log N + log RSS).
 * Frequency weights give the expanded data's results (N = Σf).
 */
export function fitOls(design: Design, formula: string, options: OlsOptions = {}): OlsResult {
  const data = prepareRegression(design, formula, options, 'numeric');
  const { matrix, weights, nobs, weightKind } = data;
  const y = (data.frame.response as { values: Float64Array }).values;
  const qr = factorFullRank(matrix, weights);
  const solution = solveLeastSquares(qr, matrix.columns, y, weights);
  const rInverse = invertQrR(qr);
  const p = matrix.columns.length;
  const kind = sandwichKindOf(design, options.robust);
  const dfResidual = design.replicates ? replicateResidualDf(design, options.domain, p) : weightKind === 'sampling' ? designDegreesOfFreedom(design, fitRows(design, data)) + 1 - p : nobs - p;
  const rss = solution.rss;
  const sigma2 = rss / (nobs - p);
  const covariance = design.replicates
    ? replicateCoefficientCovariance(design, data, solution.coefficients, (w) => solveLeastSquares(factorFullRank(matrix, w), matrix.columns, y, w).coefficients)
    : kind
    ? robustCovariance(kind, rInverse, data, design, solution.residuals, null)
    : sandwichProduct(rInverse, null).map((v) => v * sigma2);
  const total = weights ? weights.reduce((a, b) => a + b, 0) : matrix.nrows;
  let mean = 0;
  for (let i = 0; i < y.length; i++) mean += (weights ? weights[i] : 1) * y[i];
  mean /= total;
  let tss = 0;
  for (let i = 0; i < y.length; i++) tss += (weights ? weights[i] : 1) * (matrix.intercept ? y[i] - mean : y[i]) ** 2;
  return olsResult({
    formula,
    data,
    seType: design.replicates ? 'replicate' : kind ?? 'classical',
    level: options.confidenceLevel ?? 0.95,
    names: matrix.names,
    termOf: data.termOf,
    intercept: matrix.intercept,
    coefficients: solution.coefficients,
    covariance,
    classical: kind ? sandwichProduct(rInverse, null) : covariance,
    dfResidual,
    rss,
    tss,
    columnSd: matrix.columns.map((c) => weightedSd(c, weights, total)),
    responseSd: weightedSd(y, weights, total),
    residuals: solution.residuals,
    fitted: y.map((v, i) => v - solution.residuals[i]),
  });
}
