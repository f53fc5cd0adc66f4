import { UsageError } from '../../core/errors.js';
import { solveLeastSquares } from '../../math/solve-least-squares.js';
import { factorFullRank } from './prepare-regression.js';
import type { ModelMatrix } from '../../model/build-model-matrix.js';

/** The maximum-likelihood logit on a model matrix: β, linear predictor, fitted probabilities. */
export interface LogitMle {
  coefficients: Float64Array;
  eta: Float64Array;
  mu: Float64Array;
  logLik: number;
  iterations: number;
}

const expit = (eta: number) => 1 / (1 + Math.exp(-eta));

/** The error for fitted probabilities of 0 or 1, naming the largest slopes (the suspects). */
export function separationError(names: readonly string[], coefficients: Float64Array): UsageError {
  const suspects = names.filter((name, k) => name !== '(Intercept)' && Math.abs(coefficients[k]) > 5);
  return new UsageError(`(quasi-)complete separation: fitted probabilities of 0 or 1${suspects.length ? `; largest coefficients: ${suspects.join(', ')}` : ''}`, {
    hint: 'the estimates would be infinite; merge sparse categories or drop the term that predicts the outcome perfectly',
  });
}

/**
 * Iteratively reweighted least squares for a binary logit (R: `glm.fit` with `binomial()`): each
 * step is a double-double QR of diag(√(w·μ(1−μ)))·X on the working response η + (y − μ)/(μ(1 − μ)).
 * Converges on the deviance (1e-13 relative, tighter than R's 1e-8); fitted probabilities of 0 or 1
 * are reported as separation.
 */
export function logitIrls(matrix: ModelMatrix, y: Float64Array, w: Float64Array, maxIterations = 50): LogitMle {
  const n = matrix.nrows;
  const p = matrix.columns.length;
  const mu = Float64Array.from(y, (v) => (v + 0.5) / 2); // R's binomial mustart for single trials
  const eta = Float64Array.from(mu, (m) => Math.log(m / (1 - m)));
  const logLikOf = () => {
    let ll = 0;
    for (let i = 0; i < n; i++) ll += w[i] * (y[i] ? Math.log(mu[i]) : Math.log1p(-mu[i]));
    return ll;
  };
  let logLik = logLikOf();
  let coefficients = new Float64Array(p);
  for (let iterations = 1; iterations <= maxIterations; iterations++) {
    const working = Float64Array.from(mu, (m, i) => w[i] * m * (1 - m));
    const z = Float64Array.from(eta, (e, i) => e + (y[i] - mu[i]) / (mu[i] * (1 - mu[i])));
    coefficients = Float64Array.from(solveLeastSquares(factorFullRank(matrix, working), matrix.columns, z, working).coefficients);
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
    if (Math.abs(logLik - previous) / (Math.abs(logLik) + 0.05) < 1e-13) return { coefficients, eta, mu, logLik, iterations };
  }
  throw new UsageError(`the logit did not converge in ${maxIterations} iterations`, {
    hint: 'a predictor may separate the outcomes (perfect prediction); check cross-tabulations of the response with each categorical term',
  });
}
