/**
 * Inverse and log-determinant of a symmetric positive definite matrix by Cholesky (A = LLᵀ):
 * log|A| = 2 Σ log Lᵢᵢ, A⁻¹ = L⁻ᵀL⁻¹. Returns null when A is not positive definite.
 * For the small correlation matrices of item analysis (KMO, Bartlett); R `chol2inv(chol(A))`.
 * @example choleskyInverse([[4, 2], [2, 3]])?.logDet // log(8)
 */
export function choleskyInverse(a: readonly (readonly number[])[]): { inverse: number[][]; logDet: number } | null {
  const n = a.length;
  const l = a.map(() => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    let d = a[j][j];
    for (let k = 0; k < j; k++) d -= l[j][k] * l[j][k];
    if (!(d > 0)) return null;
    l[j][j] = Math.sqrt(d);
    for (let i = j + 1; i < n; i++) {
      let s = a[i][j];
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
      l[i][j] = s / l[j][j];
    }
  }
  // M = L⁻¹ by forward substitution, then A⁻¹ = MᵀM.
  const m = a.map(() => new Array<number>(n).fill(0));
  for (let c = 0; c < n; c++) {
    for (let i = c; i < n; i++) {
      let s = i === c ? 1 : 0;
      for (let k = c; k < i; k++) s -= l[i][k] * m[k][c];
      m[i][c] = s / l[i][i];
    }
  }
  const inverse = a.map((_, i) => a.map((__, j) => {
    let s = 0;
    for (let k = Math.max(i, j); k < n; k++) s += m[k][i] * m[k][j];
    return s;
  }));
  return { inverse, logDet: 2 * l.reduce((s, row, i) => s + Math.log(row[i]), 0) };
}
