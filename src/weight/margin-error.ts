import type { ResolvedTarget } from './resolve-targets.js';

/** The largest relative gap |Σ_{i∈c} wᵢ − N_c| / N_c over the cells of the targets, and where it is. */
export interface MarginError {
  readonly error: number;
  readonly target: string;
  readonly level: string;
}

/** How far the weights are from the targets (the raking convergence criterion). */
export function marginError(weights: Float64Array, targets: readonly ResolvedTarget[]): MarginError {
  let worst: MarginError = { error: 0, target: '', level: '' };
  for (const t of targets) {
    const sums = new Float64Array(t.counts.length);
    for (let i = 0; i < weights.length; i++) sums[t.index[i]] += weights[i];
    sums.forEach((s, c) => {
      const error = Math.abs(s - t.counts[c]) / t.counts[c];
      if (error > worst.error) worst = { error, target: t.name, level: t.labels[c] };
    });
  }
  return worst;
}
