/**
 * XᵀWX = Σ wᵢ·xᵢxᵢᵀ (row-major p×p, symmetric) in double, column by column so that each sum is
 * one pass over two contiguous arrays (R: `crossprod(X, w * X)`).
 */
export function weightedGram(columns: readonly Float64Array[], weights: Float64Array): Float64Array {
  const p = columns.length;
  const gram = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    const xa = columns[a];
    for (let b = 0; b <= a; b++) {
      const xb = columns[b];
      let s = 0;
      for (let i = 0; i < weights.length; i++) s += weights[i] * xa[i] * xb[i];
      gram[a * p + b] = gram[b * p + a] = s;
    }
  }
  return gram;
}
