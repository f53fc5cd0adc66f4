import { UsageError } from '../../core/errors.js';
import type { ReplicateWeights } from '../../core/replicate-weights.js';

/**
 * Replicate covariance of a p-vector estimate θ (R `survey:::svrVar`): re-estimated with each
 * replicate's analysis weights, V = scale · Σ_r rscales_r (θ_r − θ̄)(θ_r − θ̄)ᵀ, θ̄ the mean of the
 * replicates with rscales_r > 0, or the full-sample `estimate` with `mse`. Replicates giving a
 * NaN (e.g. a domain a replicate leaves empty) are dropped with their rscales, as R's na.omit.
 * `thetas` may be passed instead of the callback when the replicate estimates are at hand.
 */
export function replicateCovariance(replicates: ReplicateWeights, estimate: ArrayLike<number>, reestimate: ((weights: Float64Array, r: number) => ArrayLike<number>) | readonly ArrayLike<number>[]): Float64Array {
  const p = estimate.length;
  const thetas = typeof reestimate === 'function' ? replicates.weights.map((w, r) => reestimate(w, r)) : reestimate;
  const kept: number[] = [];
  thetas.forEach((t, r) => {
    let ok = true;
    for (let k = 0; k < p; k++) if (!Number.isFinite(t[k])) ok = false;
    if (ok) kept.push(r);
  });
  if (kept.length === 0) throw new UsageError('every replicate gave a missing estimate, so there is no replicate variance', { hint: 'the domain or model may be too small for the replicate weights' });
  const rscales = replicates.rscales;
  const centre = new Float64Array(p);
  if (replicates.mse) centre.set(Array.from(estimate));
  else {
    let count = 0;
    for (const r of kept) {
      if (!(rscales[r] > 0)) continue;
      count++;
      for (let k = 0; k < p; k++) centre[k] += thetas[r][k];
    }
    for (let k = 0; k < p; k++) centre[k] /= count;
  }
  const v = new Float64Array(p * p);
  for (const r of kept) {
    const c = replicates.scale * rscales[r];
    for (let a = 0; a < p; a++) {
      const da = thetas[r][a] - centre[a];
      for (let b = 0; b < p; b++) v[a * p + b] += c * da * (thetas[r][b] - centre[b]);
    }
  }
  return v;
}

/** Replicate variance of a scalar estimate: replicateCovariance of one value (R `svrVar`). */
export function replicateVariance(replicates: ReplicateWeights, estimate: number, reestimate: ((weights: Float64Array, r: number) => number) | ArrayLike<number>): number {
  const thetas = typeof reestimate === 'function' ? replicates.weights.map((w, r) => [reestimate(w, r)]) : Array.from(reestimate, (t) => [t]);
  return replicateCovariance(replicates, [estimate], thetas)[0];
}

/**
 * Replicate SE of logit(p) for a share p with replicate shares `thetas`: the SE of the intercept of
 * R's intercept-only quasibinomial `svyglm` on a replicate design (each replicate refit gives
 * logit(p_r)), which `svyciprop(method = "logit")` puts in its interval.
 */
export function replicateLogitStandardError(replicates: ReplicateWeights, share: number, thetas: ArrayLike<number>): number {
  const logit = (p: number) => Math.log(p / (1 - p));
  return Math.sqrt(replicateVariance(replicates, logit(share), Array.from(thetas, logit)));
}
