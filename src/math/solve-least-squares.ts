import { dd, ddAdd, ddDiv, ddMul, ddMulAdd, ddSqrt } from './double-double.js';
import { applyReflection, type QrDoubleDouble } from './qr-double-double.js';

/** Coefficients and residuals of a weighted least-squares fit. */
export interface LeastSquaresSolution {
  /** β by original column (the QR must be of full rank). */
  readonly coefficients: Float64Array;
  /** y − Xβ, unweighted, from β in double-double. */
  readonly residuals: Float64Array;
  /** Σ wᵢ·eᵢ², accumulated in double-double. */
  readonly rss: number;
}

/**
 * Solves min Σ wᵢ(yᵢ − xᵢβ)² from a full-rank QR of diag(√w)·X (R: `qr.coef`): Qᵀ√w·y by the
 * stored reflections, then back substitution, all in double-double.
 */
export function solveLeastSquares(qr: QrDoubleDouble, columns: readonly Float64Array[], y: Float64Array, weights?: Float64Array | null): LeastSquaresSolution {
  const { n, rank: p } = qr;
  const yh = new Float64Array(n);
  const yl = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (weights) {
      ddSqrt(weights[i], 0);
      ddMul(y[i], 0, dd[0], dd[1]);
      yh[i] = dd[0];
      yl[i] = dd[1];
    } else yh[i] = y[i];
  }
  for (let k = 0; k < p; k++) applyReflection(qr.hi[k], qr.lo[k], qr.tau[2 * k], qr.tau[2 * k + 1], yh, yl, k, n);
  const bh = new Float64Array(p);
  const bl = new Float64Array(p);
  for (let k = p - 1; k >= 0; k--) {
    let sh = yh[k];
    let sl = yl[k];
    for (let j = k + 1; j < p; j++) {
      ddMul(qr.hi[j][k], qr.lo[j][k], bh[j], bl[j]);
      ddAdd(sh, sl, -dd[0], -dd[1]);
      sh = dd[0];
      sl = dd[1];
    }
    ddDiv(sh, sl, qr.diagonal[2 * k], qr.diagonal[2 * k + 1]);
    bh[k] = dd[0];
    bl[k] = dd[1];
  }
  const residuals = new Float64Array(n);
  let rh = 0;
  let rl = 0;
  for (let i = 0; i < n; i++) {
    let eh = y[i];
    let el = 0;
    for (let k = 0; k < p; k++) {
      ddMul(columns[qr.pivot[k]][i], 0, bh[k], bl[k]);
      ddAdd(eh, el, -dd[0], -dd[1]);
      eh = dd[0];
      el = dd[1];
    }
    residuals[i] = eh + el;
    ddMul(eh, el, eh, el);
    ddMulAdd(rh, rl, dd[0], dd[1], weights ? weights[i] : 1, 0);
    rh = dd[0];
    rl = dd[1];
  }
  const coefficients = new Float64Array(p);
  for (let k = 0; k < p; k++) coefficients[qr.pivot[k]] = bh[k] + bl[k];
  return { coefficients, residuals, rss: rh + rl };
}
