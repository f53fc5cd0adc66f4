import { dd, ddAdd, ddDiv, ddMul } from './double-double.js';
import type { DdMatrix } from './dd-matrix.js';
import type { QrDoubleDouble } from './qr-double-double.js';

/**
 * R⁻¹ of a full-rank QR in double-double (upper triangular, by position), from which the unscaled
 * covariance (XᵀWX)⁻¹ = R⁻¹R⁻ᵀ follows without ever forming XᵀX (R: `chol2inv(qr.R(qr))`).
 */
export function invertQrR(qr: QrDoubleDouble): DdMatrix {
  const p = qr.rank;
  const hi = new Float64Array(p * p);
  const lo = new Float64Array(p * p);
  // R[k][j] (j > k) is stored in column j at row k; the diagonal separately.
  const rh = (k: number, j: number) => (k === j ? qr.diagonal[2 * k] : qr.hi[j][k]);
  const rl = (k: number, j: number) => (k === j ? qr.diagonal[2 * k + 1] : qr.lo[j][k]);
  for (let j = 0; j < p; j++) {
    ddDiv(1, 0, rh(j, j), rl(j, j));
    hi[j * p + j] = dd[0];
    lo[j * p + j] = dd[1];
    for (let i = j - 1; i >= 0; i--) {
      // (R⁻¹)[i][j] = −(Σ_{k=i+1..j} R[i][k]·(R⁻¹)[k][j]) / R[i][i]
      let sh = 0;
      let sl = 0;
      for (let k = i + 1; k <= j; k++) {
        ddMul(rh(i, k), rl(i, k), hi[k * p + j], lo[k * p + j]);
        ddAdd(sh, sl, dd[0], dd[1]);
        sh = dd[0];
        sl = dd[1];
      }
      ddDiv(-sh, -sl, rh(i, i), rl(i, i));
      hi[i * p + j] = dd[0];
      lo[i * p + j] = dd[1];
    }
  }
  return { size: p, hi, lo };
}
