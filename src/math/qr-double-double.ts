import { dd, ddAdd, ddAxpy, ddDiv, ddDot, ddMul, ddSqrt } from './double-double.js';

/** A Householder QR of a tall matrix in double-double, columns aliased at the end (R: `qr()`, LINPACK dqrdc2). */
export interface QrDoubleDouble {
  readonly n: number;
  readonly p: number;
  /** Number of columns not aliased; the first `rank` entries of `pivot` are them, in input order. */
  readonly rank: number;
  /** Original column index at each position. */
  readonly pivot: Int32Array;
  /** Householder vectors below the diagonal and R above it, by position (hi and lo parts). */
  readonly hi: Float64Array[];
  readonly lo: Float64Array[];
  /** R's diagonal (hi, lo) and each reflection's scale τ (H = I − τ·v·vᵀ). */
  readonly diagonal: Float64Array;
  readonly tau: Float64Array;
}

/** How small a column's remaining norm may get relative to its own norm before it counts as aliased. */
export const ALIAS_TOLERANCE = 1e-11;

/**
 * Factors diag(√w)·X = Q·R by Householder reflections in double-double arithmetic (~32 digits),
 * so that ill-conditioned designs (NIST Filip, Wampler) keep full double accuracy. A column whose
 * norm after the earlier reflections falls below ALIAS_TOLERANCE times its own norm is aliased and
 * moved to the end, as R's dqrdc2 limited pivoting does (R uses 1e-7, which wrongly drops Filip's x¹⁰).
 */
export function qrDoubleDouble(columns: readonly Float64Array[], rowWeights?: Float64Array | null): QrDoubleDouble {
  const n = columns[0]?.length ?? 0;
  const hi: Float64Array[] = [];
  const lo: Float64Array[] = [];
  let sqrtHi: Float64Array | null = null;
  let sqrtLo: Float64Array | null = null;
  if (rowWeights) {
    sqrtHi = new Float64Array(n);
    sqrtLo = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      ddSqrt(rowWeights[i], 0);
      sqrtHi[i] = dd[0];
      sqrtLo[i] = dd[1];
    }
  }
  for (const column of columns) {
    const h = new Float64Array(n);
    const l = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (sqrtHi) {
        ddMul(column[i], 0, sqrtHi[i], sqrtLo![i]);
        h[i] = dd[0];
        l[i] = dd[1];
      } else h[i] = column[i];
    }
    hi.push(h);
    lo.push(l);
  }
  const p = columns.length;
  const pivot = Int32Array.from({ length: p }, (_, j) => j);
  const original = hi.map((h, j) => columnNorm(h, lo[j], 0));
  const diagonal = new Float64Array(2 * p);
  const tau = new Float64Array(2 * p);
  let rank = p;
  let k = 0;
  while (k < rank) {
    const norm = columnNorm(hi[k], lo[k], k);
    if (!(norm > ALIAS_TOLERANCE * original[pivot[k]]) || original[pivot[k]] === 0) {
      // Aliased: rotate this column to the end and look at the next one in its place.
      for (const list of [hi, lo]) list.push(list.splice(k, 1)[0]);
      const moved = pivot[k];
      pivot.copyWithin(k, k + 1);
      pivot[p - 1] = moved;
      rank--;
      continue;
    }
    reflect(hi, lo, k, n, diagonal, tau);
    k++;
  }
  return { n, p, rank, pivot, hi, lo, diagonal, tau };
}

function columnNorm(h: Float64Array, l: Float64Array, from: number): number {
  ddDot(h, l, h, l, from, h.length);
  return Math.sqrt(dd[0] + dd[1]);
}

/** Householder reflection of column k, applied to the columns after it (also used by stackQr, block by block). */
export function reflect(hi: Float64Array[], lo: Float64Array[], k: number, n: number, diagonal: Float64Array, tau: Float64Array): void {
  const vh = hi[k];
  const vl = lo[k];
  ddDot(vh, vl, vh, vl, k, n);
  ddSqrt(dd[0], dd[1]);
  // alpha = −sign(x_k)·‖x‖ avoids cancellation in v_k = x_k − alpha.
  const sign = vh[k] >= 0 ? -1 : 1;
  const ah = sign * dd[0];
  const al = sign * dd[1];
  ddAdd(vh[k], vl[k], -ah, -al);
  vh[k] = dd[0];
  vl[k] = dd[1];
  // τ = 1 / (−alpha·v_k)
  ddMul(-ah, -al, vh[k], vl[k]);
  ddDiv(1, 0, dd[0], dd[1]);
  const th = dd[0];
  const tl = dd[1];
  diagonal[2 * k] = ah;
  diagonal[2 * k + 1] = al;
  tau[2 * k] = th;
  tau[2 * k + 1] = tl;
  for (let j = k + 1; j < hi.length; j++) applyReflection(vh, vl, th, tl, hi[j], lo[j], k, n);
}

/** x ← (I − τ·v·vᵀ)·x on rows k..n−1, in double-double. */
export function applyReflection(vh: Float64Array, vl: Float64Array, th: number, tl: number, xh: Float64Array, xl: Float64Array, k: number, n: number): void {
  ddDot(vh, vl, xh, xl, k, n);
  ddMul(dd[0], dd[1], th, tl);
  ddAxpy(-dd[0], -dd[1], vh, vl, xh, xl, k, n);
}
