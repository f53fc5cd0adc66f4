import { UsageError } from '../../core/errors.js';
import { invertPositiveDefinite } from '../../math/invert-positive-definite.js';
import { weightedGram } from '../../math/weighted-gram.js';
import { separationError } from './logit-irls.js';

/** A binary logit fitted in double precision: β, fitted probabilities and (XᵀWX)⁻¹ at the MLE. */
export interface LogitNewtonFit {
  coefficients: Float64Array;
  mu: Float64Array;
  /** The inverse information (XᵀWX)⁻¹, W = w·μ(1 − μ), at the returned β (row-major p×p). */
  inverseInformation: Float64Array;
}

/** The logit at β: linear predictor, fitted probabilities and log L. */
interface LogitPoint {
  beta: Float64Array;
  eta: Float64Array;
  mu: Float64Array;
  logLik: number;
}

function pointAt(columns: readonly Float64Array[], names: readonly string[], y: Float64Array, w: Float64Array, beta: Float64Array): LogitPoint {
  const eta = new Float64Array(y.length);
  const mu = new Float64Array(y.length);
  const logLik = fillPoint(columns, names, y, w, beta, eta, mu);
  return { beta, eta, mu, logLik };
}

/**
 * Fills η and μ at β and returns log L. Apart from pointAt so that the loop's function ends in a
 * plain return: V8 otherwise bailed out of the loop's compiled code at the end of every call.
 */
function fillPoint(columns: readonly Float64Array[], names: readonly string[], y: Float64Array, w: Float64Array, beta: Float64Array, eta: Float64Array, mu: Float64Array): number {
  let logLik = 0;
  for (let i = 0; i < y.length; i++) {
    let e = 0;
    for (let k = 0; k < beta.length; k++) e += columns[k][i] * beta[k];
    // Fitted probabilities of 0 or 1 mean the MLE is at infinity: stop before the weights vanish.
    if (Math.abs(e) > 30) throw separationError(names, beta);
    eta[i] = e;
    mu[i] = 1 / (1 + Math.exp(-e));
    logLik += w[i] * (y[i] ? Math.log(mu[i]) : Math.log1p(-mu[i]));
  }
  return logLik;
}

/** (XᵀWX)⁻¹ for W = w·μ(1 − μ): the inverse information of the logit at μ. */
function inverseInformation(columns: readonly Float64Array[], w: Float64Array, mu: Float64Array): Float64Array {
  return invertPositiveDefinite(weightedGram(columns, mu.map((m, i) => w[i] * m * (1 - m))), columns.length);
}

/** The Newton step (XᵀWX)⁻¹·Xᵀw(y − μ). */
function newtonStep(columns: readonly Float64Array[], y: Float64Array, w: Float64Array, mu: Float64Array, inverse: Float64Array): Float64Array {
  const p = columns.length;
  const gradient = new Float64Array(p);
  const step = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    let s = 0;
    for (let i = 0; i < mu.length; i++) s += w[i] * (y[i] - mu[i]) * columns[k][i];
    gradient[k] = s;
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) step[a] += inverse[a * p + b] * gradient[b];
  return step;
}

/**
 * A binary logit by Newton–Raphson in plain double precision, for fits that feed a statistic
 * assembled in double anyway (the Brant test's J−1 logits): each step solves (XᵀWX)·δ = Xᵀw(y − μ)
 * by Cholesky, halved while log L would fall. Solving for the step, not for β as IRLS does, keeps
 * the MLE accurate without double-double: rounding in the solve only slows the last steps. Stops
 * when a step moves no linear predictor by 1e-10 (scale-free, unlike a bound on β); fitted
 * probabilities of 0 or 1 are reported as separation, as by logitIrls. Starts from β = 0 or `start`.
 */
export function logitNewton(columns: readonly Float64Array[], names: readonly string[], y: Float64Array, w: Float64Array, start?: Float64Array, maxIterations = 50): LogitNewtonFit {
  let current = pointAt(columns, names, y, w, start ?? new Float64Array(columns.length));
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const step = newtonStep(columns, y, w, current.mu, inverseInformation(columns, w, current.mu));
    let next: LogitPoint | null = null;
    for (let scale = 1, halving = 0; !next && halving < 30; scale /= 2, halving++) {
      const candidate = pointAt(columns, names, y, w, current.beta.map((b, k) => b + scale * step[k]));
      if (candidate.logLik >= current.logLik - 1e-12 * Math.abs(current.logLik)) next = candidate;
    }
    if (!next) break;
    let moved = 0;
    for (let i = 0; i < y.length; i++) moved = Math.max(moved, Math.abs(next.eta[i] - current.eta[i]));
    current = next;
    if (moved < 1e-10) return { coefficients: current.beta, mu: current.mu, inverseInformation: inverseInformation(columns, w, current.mu) };
  }
  throw new UsageError(`the logit did not converge in ${maxIterations} iterations`, {
    hint: 'a predictor may separate the outcomes (perfect prediction); check cross-tabulations of the response with each categorical term',
  });
}
