/** The centred sum of squares of a column, merged block by block. */
export interface ColumnMoments {
  add(values: Float64Array): void;
  /** Σ(x − x̄)² over every value added. */
  readonly sumSquares: () => number;
}

/**
 * Moments that merge exactly across blocks (Chan, Golub & LeVeque's pairwise update): each block's
 * mean and Σ(x − x̄_block)² by two passes over it, then M₂ = M₂ₐ + M₂ᵦ + δ²·nₐnᵦ/n with δ = x̄ᵦ − x̄ₐ,
 * never the cancelling Σx² − n·x̄².
 */
export function columnMoments(): ColumnMoments {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  return {
    add(values) {
      const nb = values.length;
      if (nb === 0) return;
      let sum = 0;
      for (let i = 0; i < nb; i++) sum += values[i];
      const mb = sum / nb;
      let ss = 0;
      for (let i = 0; i < nb; i++) ss += (values[i] - mb) ** 2;
      const total = n + nb;
      const delta = mb - mean;
      m2 += ss + (delta * delta * n * nb) / total;
      mean += (delta * nb) / total;
      n = total;
    },
    sumSquares: () => m2,
  };
}
