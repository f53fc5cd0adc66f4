import { dd, ddAdd, ddMul } from './double-double.js';
import type { DdMatrix } from './dd-matrix.js';

/**
 * zᵢ = R⁻ᵀ·xᵢ·sᵢ for every row (row-major n×p), accumulated in double-double. These are the rows of
 * Q when sᵢ = √wᵢ (so hᵢ = ‖zᵢ‖² is the leverage, R: `hatvalues`), and scores rotated into the
 * well-conditioned Q space for sandwich estimators, so Rᵢ⁻¹ meets XᵀX nowhere.
 */
export function rotateRows(rInverse: DdMatrix, columns: readonly Float64Array[], scale: Float64Array | null): Float64Array {
  const p = rInverse.size;
  const n = columns[0]?.length ?? 0;
  const out = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const s = scale ? scale[i] : 1;
    for (let k = 0; k < p; k++) {
      let sh = 0;
      let sl = 0;
      for (let j = 0; j <= k; j++) {
        ddMul(columns[j][i], 0, rInverse.hi[j * p + k], rInverse.lo[j * p + k]);
        ddAdd(sh, sl, dd[0], dd[1]);
        sh = dd[0];
        sl = dd[1];
      }
      out[i * p + k] = (sh + sl) * s;
    }
  }
  return out;
}
