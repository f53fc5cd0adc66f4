import { dd, ddAdd, ddMul } from './double-double.js';
import type { DdMatrix } from './dd-matrix.js';

/**
 * A·M·Aᵀ for a double-double A (here R⁻¹) and a symmetric double M, accumulated in double-double
 * and rounded: the covariance (M = I: (XᵀWX)⁻¹) and every sandwich estimator (M = the meat of the
 * scores rotated by R⁻ᵀ; R: `sandwich::sandwich`) without the cancellation of forming XᵀX.
 */
export function sandwichProduct(a: DdMatrix, meat: Float64Array | null): Float64Array {
  const p = a.size;
  // T = A·M (double-double), then T·Aᵀ.
  const th = new Float64Array(p * p);
  const tl = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      if (!meat) {
        th[i * p + j] = a.hi[i * p + j];
        tl[i * p + j] = a.lo[i * p + j];
        continue;
      }
      let sh = 0;
      let sl = 0;
      for (let k = 0; k < p; k++) {
        ddMul(a.hi[i * p + k], a.lo[i * p + k], meat[k * p + j], 0);
        ddAdd(sh, sl, dd[0], dd[1]);
        sh = dd[0];
        sl = dd[1];
      }
      th[i * p + j] = sh;
      tl[i * p + j] = sl;
    }
  }
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let sh = 0;
      let sl = 0;
      for (let k = 0; k < p; k++) {
        ddMul(th[i * p + k], tl[i * p + k], a.hi[j * p + k], a.lo[j * p + k]);
        ddAdd(sh, sl, dd[0], dd[1]);
        sh = dd[0];
        sl = dd[1];
      }
      out[i * p + j] = out[j * p + i] = sh + sl;
    }
  }
  return out;
}
