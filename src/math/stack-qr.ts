import { dd, ddMul, ddSqrt } from './double-double.js';
import { reflect } from './qr-double-double.js';

/** The upper-triangular factor R of a tall matrix, q × q in double-double, R[k][j] at k·q + j. */
export interface TriangularFactor {
  readonly size: number;
  readonly hi: Float64Array;
  readonly lo: Float64Array;
}

/** The R of no rows yet: zeros. */
export function emptyFactor(size: number): TriangularFactor {
  return { size, hi: new Float64Array(size * size), lo: new Float64Array(size * size) };
}

/**
 * One step of a tall-skinny QR (TSQR): the R factor of [R; diag(√w)·B], R the factor of the rows
 * seen so far and B a block of new rows (one array per column). Householder reflections in
 * double-double, as qrDoubleDouble, so a file's rows can be factored a block at a time in bounded
 * memory with RᵀR = XᵀWX to ~32 digits. A column with nothing left below the diagonal (all zero so
 * far) is left as is, with 0 on the diagonal: the caller finds it aliased at the end.
 */
export function stackQr(factor: TriangularFactor, block: readonly Float64Array[], rowWeights: Float64Array | null): TriangularFactor {
  const q = factor.size;
  const b = block[0]?.length ?? 0;
  const n = q + b;
  const hi: Float64Array[] = [];
  const lo: Float64Array[] = [];
  const sqrtHi = new Float64Array(rowWeights ? b : 0);
  const sqrtLo = new Float64Array(rowWeights ? b : 0);
  for (let i = 0; i < sqrtHi.length; i++) {
    ddSqrt(rowWeights![i], 0);
    sqrtHi[i] = dd[0];
    sqrtLo[i] = dd[1];
  }
  for (let j = 0; j < q; j++) {
    const h = new Float64Array(n);
    const l = new Float64Array(n);
    for (let k = 0; k <= j; k++) {
      h[k] = factor.hi[k * q + j];
      l[k] = factor.lo[k * q + j];
    }
    const column = block[j];
    for (let i = 0; i < b; i++) {
      if (rowWeights) {
        ddMul(column[i], 0, sqrtHi[i], sqrtLo[i]);
        h[q + i] = dd[0];
        l[q + i] = dd[1];
      } else h[q + i] = column[i];
    }
    hi.push(h);
    lo.push(l);
  }
  const diagonal = new Float64Array(2 * q);
  const tau = new Float64Array(2 * q);
  const out = emptyFactor(q);
  for (let k = 0; k < q; k++) {
    let nonzero = false;
    for (let i = k; i < n && !nonzero; i++) nonzero = hi[k][i] !== 0 || lo[k][i] !== 0;
    if (nonzero) reflect(hi, lo, k, n, diagonal, tau);
    else diagonal[2 * k] = diagonal[2 * k + 1] = 0;
    out.hi[k * q + k] = diagonal[2 * k];
    out.lo[k * q + k] = diagonal[2 * k + 1];
    for (let j = k + 1; j < q; j++) {
      out.hi[k * q + j] = hi[j][k];
      out.lo[k * q + j] = lo[j][k];
    }
  }
  return out;
}
