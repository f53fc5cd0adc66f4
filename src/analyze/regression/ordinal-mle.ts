import { UsageError } from '../../core/errors.js';
import { invertPositiveDefinite } from '../../math/invert-positive-definite.js';
import type { OrdinalLink } from './ordinal-link.js';

/** The maximum-likelihood proportional-odds fit: β then θ, log L, the per-row scores and the inverse information. */
export interface OrdinalMle {
  parameters: Float64Array;
  logLik: number;
  /** (XᵀWX)⁻¹ analogue: the inverse of the observed information −H. */
  inverseInformation: Float64Array;
  /** Per-row gradient of log L (unweighted), row-major n×(p+q), for sandwich estimators; null when not asked for. */
  scores: Float64Array | null;
  iterations: number;
}

/**
 * Newton–Raphson with step halving for P(Y ≤ j | x) = F(θ_j − xβ) (R: `MASS::polr`), with the
 * analytic gradient and Hessian of log L = Σ wᵢ log(F(θ_{yᵢ} − ηᵢ) − F(θ_{yᵢ−1} − ηᵢ)); category
 * probabilities above the median are taken from upper tails so they keep their digits.
 * `withScores`: keep the per-row scores (only a sandwich needs them; an n×(p+q) array per step otherwise).
 */
export function ordinalMle(columns: readonly Float64Array[], y: Int32Array, levels: number, w: Float64Array, link: OrdinalLink, withScores = false, maxIterations = 100): OrdinalMle {
  const n = y.length;
  const p = columns.length;
  const q = levels - 1;
  const m = p + q;
  const total = w.reduce((a, b) => a + b, 0);
  const start = new Float64Array(m);
  let cumulative = 0;
  for (let j = 0; j < q; j++) {
    for (let i = 0; i < n; i++) if (y[i] === j) cumulative += w[i];
    start[p + j] = link.quantile(cumulative / total);
  }

  const evaluate = (theta: Float64Array, withDerivatives: boolean) => {
    let logLik = 0;
    const gradient = new Float64Array(m);
    const hessian = withDerivatives ? new Float64Array(m * m) : null;
    const scores = withDerivatives && withScores ? new Float64Array(n * m) : null;
    const da = new Float64Array(m);
    const db = new Float64Array(m);
    // The slopes and the one or two thresholds a row's category touches, in increasing order: at
    // every other parameter da and db are 0, so its Hessian terms would only add zeros.
    const touched = new Int32Array(m);
    for (let i = 0; i < n; i++) {
      let eta = 0;
      for (let k = 0; k < p; k++) eta += columns[k][i] * theta[k];
      const c = y[i];
      const hasA = c < q;
      const hasB = c > 0;
      const a = hasA ? theta[p + c] - eta : Infinity;
      const b = hasB ? theta[p + c - 1] - eta : -Infinity;
      const prob = a + b > 0 ? (hasB ? link.upper(b) : 1) - (hasA ? link.upper(a) : 0) : (hasA ? link.cdf(a) : 1) - (hasB ? link.cdf(b) : 0);
      if (!(prob > 0)) return null;
      logLik += w[i] * Math.log(prob);
      if (!withDerivatives) continue;
      const fa = hasA ? link.density(a) : 0;
      const fb = hasB ? link.density(b) : 0;
      const la = fa / prob;
      const lb = -fb / prob;
      for (let k = 0; k < p; k++) da[k] = db[k] = -columns[k][i];
      da.fill(0, p);
      db.fill(0, p);
      if (hasA) da[p + c] = 1;
      if (hasB) db[p + c - 1] = 1;
      for (let u = 0; u < m; u++) {
        const g = (hasA ? la * da[u] : 0) + (hasB ? lb * db[u] : 0);
        gradient[u] += w[i] * g;
        if (scores) scores[i * m + u] = g;
      }
      const laa = hasA ? link.densityDerivative(a) / prob - la * la : 0;
      const lbb = hasB ? -link.densityDerivative(b) / prob - lb * lb : 0;
      const lab = hasA && hasB ? (fa * fb) / (prob * prob) : 0;
      let count = p;
      for (let k = 0; k < p; k++) touched[k] = k;
      if (hasB) touched[count++] = p + c - 1;
      if (hasA) touched[count++] = p + c;
      for (let a = 0; a < count; a++) {
        const u = touched[a];
        for (let b = 0; b <= a; b++) {
          const v = touched[b];
          hessian![u * m + v] += w[i] * (laa * da[u] * da[v] + lbb * db[u] * db[v] + lab * (da[u] * db[v] + db[u] * da[v]));
        }
      }
    }
    if (hessian) for (let u = 0; u < m; u++) for (let v = 0; v < u; v++) hessian[v * m + u] = hessian[u * m + v];
    return { logLik, gradient, hessian, scores };
  };

  let theta = start;
  type Evaluation = NonNullable<ReturnType<typeof evaluate>>;
  const first = evaluate(theta, true);
  if (!first) throw new UsageError('the ordinal model cannot start: a category has no cases');
  let current: Evaluation = first;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const information = current.hessian!.map((v) => -v);
    const inverse = invertPositiveDefinite(information, m);
    const step = new Float64Array(m);
    for (let u = 0; u < m; u++) for (let v = 0; v < m; v++) step[u] += inverse[u * m + v] * current.gradient[v];
    let scale = 1;
    let next: Evaluation | null = null;
    let candidate = theta;
    for (let halving = 0; halving < 30; halving++) {
      candidate = theta.map((t, u) => t + scale * step[u]);
      const ordered = candidate.subarray(p).every((t, j, all) => j === 0 || t > all[j - 1]);
      next = ordered ? evaluate(candidate, true) : null;
      if (next && next.logLik >= current.logLik - 1e-12 * Math.abs(current.logLik)) break;
      next = null;
      scale /= 2;
    }
    if (!next) break;
    const change = Math.max(...step.map((s) => Math.abs(s * scale)));
    theta = candidate;
    current = next;
    if (change < 1e-10) {
      const information = current.hessian!.map((v) => -v);
      return { parameters: theta, logLik: current.logLik, inverseInformation: invertPositiveDefinite(information, m), scores: current.scores, iterations: iteration };
    }
    if (Math.max(...theta.subarray(0, p).map(Math.abs)) > 50) break;
  }
  throw new UsageError('the ordinal model did not converge', {
    hint: 'a predictor may separate the categories, or a category may be nearly empty; merge sparse categories or drop the term',
  });
}
