/** log det of a symmetric positive definite matrix (row-major) by Cholesky (R: `determinant(x)$modulus`). */
export function logDeterminant(matrix: Float64Array, size: number): number {
  const l = Float64Array.from(matrix);
  let sum = 0;
  for (let j = 0; j < size; j++) {
    let d = l[j * size + j];
    for (let k = 0; k < j; k++) d -= l[j * size + k] ** 2;
    if (!(d > 0)) return Number.NEGATIVE_INFINITY;
    const root = Math.sqrt(d);
    l[j * size + j] = root;
    sum += Math.log(root);
    for (let i = j + 1; i < size; i++) {
      let s = l[i * size + j];
      for (let k = 0; k < j; k++) s -= l[i * size + k] * l[j * size + k];
      l[i * size + j] = s / root;
    }
  }
  return 2 * sum;
}
