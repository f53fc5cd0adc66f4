import { UsageError } from '../core/errors.js';

/** Inverse of a symmetric positive definite matrix (row-major) by Cholesky (R: `chol2inv(chol(x))`). */
export function invertPositiveDefinite(matrix: Float64Array, size: number): Float64Array {
  const l = new Float64Array(size * size);
  for (let j = 0; j < size; j++) {
    let d = matrix[j * size + j];
    for (let k = 0; k < j; k++) d -= l[j * size + k] ** 2;
    if (!(d > 0)) throw new UsageError('the information matrix is singular', { hint: 'a term may be constant or aliased in the rows used' });
    l[j * size + j] = Math.sqrt(d);
    for (let i = j + 1; i < size; i++) {
      let s = matrix[i * size + j];
      for (let k = 0; k < j; k++) s -= l[i * size + k] * l[j * size + k];
      l[i * size + j] = s / l[j * size + j];
    }
  }
  // L⁻¹ by forward substitution, then (LLᵀ)⁻¹ = L⁻ᵀL⁻¹.
  const li = new Float64Array(size * size);
  for (let c = 0; c < size; c++) {
    for (let i = c; i < size; i++) {
      let s = i === c ? 1 : 0;
      for (let k = c; k < i; k++) s -= l[i * size + k] * li[k * size + c];
      li[i * size + c] = s / l[i * size + i];
    }
  }
  const out = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < size; k++) s += li[k * size + i] * li[k * size + j];
      out[i * size + j] = out[j * size + i] = s;
    }
  }
  return out;
}
