import type { Calibration } from '../core/design.js';

// R's svyrecvar backfits raking margins for a fixed 10 sweeps (not to convergence); matching its SEs needs the same.
const RAKING_SWEEPS = 10;

/**
 * Influence values after calibration (R `survey:::svyrecvar` on a design with `postStrata`): the
 * part of zᵢ explained by the calibration cells is removed, so variances treat the calibrated
 * weights as estimated, not fixed. Post-stratification: zᵢ − w̃ᵢ·Σ_{j∈c}(zⱼwⱼ/w̃ⱼ)/Σ_{j∈c}wⱼ with
 * w before and w̃ after; raking: 10 sweeps over the margins of zᵢ − w̃ᵢ·mean_{j∈l}(zⱼ/w̃ⱼ), w̃ the
 * weights after that margin's step in the last raking sweep.
 */
export function residualizeCalibration(calibration: Calibration, z: Float64Array): Float64Array {
  const x = Float64Array.from(z);
  if (calibration.kind === 'poststratify') {
    removeCellMeans(x, calibration.cells, calibration.weights, calibration.oldWeights);
    return x;
  }
  // Raking uses `ave()`: the unweighted mean of z/w̃ in each level.
  for (let sweep = 0; sweep < RAKING_SWEEPS; sweep++) {
    for (const margin of calibration.margins) removeCellMeans(x, margin.levels, margin.weights, null);
  }
  return x;
}

/** x ← x − w̃·(per-cell Σ x·w/w̃ over Σ w), in place; w = 1 without `before`. A plain function, not a closure per call, so V8 keeps its compiled loops. */
function removeCellMeans(x: Float64Array, cells: Int32Array, after: Float64Array, before: Float64Array | null): void {
  let size = 0;
  for (let i = 0; i < cells.length; i++) if (cells[i] >= size) size = cells[i] + 1;
  const numerator = new Float64Array(size);
  const denominator = new Float64Array(size);
  for (let i = 0; i < x.length; i++) {
    const old = before ? before[i] : 1;
    numerator[cells[i]] += (x[i] * old) / after[i];
    denominator[cells[i]] += old;
  }
  for (let i = 0; i < x.length; i++) x[i] -= (after[i] * numerator[cells[i]]) / denominator[cells[i]];
}
