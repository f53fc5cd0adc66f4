import type { Design } from '../../core/design.js';
import type { DdMatrix } from '../../math/dd-matrix.js';
import { rotateRows } from '../../math/rotate-rows.js';
import { sandwichProduct } from '../../math/sandwich-product.js';
import { linearizationCovariance } from '../variance/design-variance.js';
import { linearizationMeat } from '../variance/linearization-meat.js';
import type { RegressionData } from './prepare-regression.js';

/** Rows rotated at a time for HC0–HC3. */
const BLOCK_ROWS = 1 << 16;

/** Which sandwich: heteroskedasticity-consistent, cluster-robust, or design-based. */
export type SandwichKind = 'HC0' | 'HC1' | 'HC2' | 'HC3' | 'CR1' | 'linearization';

/**
 * The sandwich covariance A·B·A with bread A = (XᵀWX)⁻¹ (R⁻¹R⁻ᵀ from the QR) and meat B from the
 * estimating-function scores xᵢ·uᵢ, where uᵢ is the per-row working score (yᵢ − μᵢ for OLS and logit),
 * unweighted: HC0–HC3 (R: `sandwich::vcovHC`), CR1 (`vcovCL(type = "HC1")`: G/(G−1)·(N−1)/(N−p)),
 * linearization over the whole design (`survey::svyglm` → `svyrecvar`, dropped rows as zero scores; after
 * calibration the scores' residuals on the calibration cells, as `svyrecvar` takes `postStrata`).
 * Frequency weights count each row as that many cases (the expanded data's estimate).
 */
export function robustCovariance(kind: SandwichKind, rInverse: DdMatrix, data: RegressionData, design: Design, residualScore: Float64Array, leverageScale: Float64Array | null): Float64Array {
  const { matrix, weights, weightKind, nobs } = data;
  const p = matrix.columns.length;
  const n = matrix.nrows;
  const count = weightKind === 'frequency' ? weights! : null;
  const scoreWeight = weightKind === 'sampling' ? weights! : null;
  if (kind === 'linearization' || kind === 'CR1') {
    const rows = kind === 'linearization' ? design.table.nrows : n;
    const scores = new Float64Array(rows * p);
    const used = kind === 'linearization' ? fitRows(design, data) : null;
    // Scores in Q space: R⁻ᵀxᵢ (wᵢuᵢ) — rotated so the meat is well conditioned.
    const z = rotateRows(rInverse, matrix.columns, null);
    for (let i = 0; i < n; i++) {
      const at = kind === 'linearization' ? data.frame.rows[i] : i;
      const u = residualScore[i] * (scoreWeight ? scoreWeight[i] : count ? count[i] : 1);
      for (let k = 0; k < p; k++) scores[at * p + k] = z[i * p + k] * u;
    }
    const meat = kind === 'linearization'
      ? linearizationCovariance(design, scores, p, used)
      : linearizationMeat(scores, p, null, Int32Array.from(data.frame.rows, (r) => design.clusters![r]));
    if (kind === 'CR1') meat.forEach((v, i) => (meat[i] = (v * (nobs - 1)) / (nobs - p)));
    return sandwichProduct(rInverse, meat);
  }
  const meat = new Float64Array(p * p);
  addHeteroskedasticMeat(kind, rInverse, matrix.columns, residualScore, count, leverageScale, meat);
  if (kind === 'HC1') meat.forEach((v, i) => (meat[i] = (v * nobs) / (nobs - p)));
  return sandwichProduct(rInverse, meat);
}

/**
 * Adds the HC0–HC3 meat terms ωᵢ·fᵢ·uᵢ²·zᵢzᵢᵀ of these rows to `meat` (zᵢ = R⁻ᵀxᵢ, hᵢ = ‖zᵢ‖² scaled
 * by `leverageScale`, fᵢ the frequency `count`; ω = 1, 1/(1 − h), 1/(1 − h)² for HC0/HC1, HC2, HC3).
 * Each row's rotated xᵢ serves only its own leverage and term: rotated a block of rows at a time
 * (same order, same sums), so memory does not grow with the rows, and a file streamed block by
 * block adds its blocks' terms one after another. HC1's N/(N − p) is the caller's.
 */
export function addHeteroskedasticMeat(kind: SandwichKind, rInverse: DdMatrix, columns: readonly Float64Array[], residualScore: Float64Array, count: Float64Array | null, leverageScale: Float64Array | null, meat: Float64Array): void {
  const p = rInverse.size;
  const n = residualScore.length;
  for (let start = 0; start < n; start += BLOCK_ROWS) {
    const end = Math.min(n, start + BLOCK_ROWS);
    const z = rotateRows(rInverse, columns.map((c) => c.subarray(start, end)), null);
    for (let i = start; i < end; i++) {
      const at = (i - start) * p;
      let h = 0;
      for (let k = 0; k < p; k++) h += z[at + k] ** 2;
      if (leverageScale) h *= leverageScale[i];
      const omega = kind === 'HC2' ? 1 / (1 - h) : kind === 'HC3' ? 1 / (1 - h) ** 2 : 1;
      const c = (count ? count[i] : 1) * omega * residualScore[i] ** 2;
      for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) meat[a * p + b] += c * z[at + a] * z[at + b];
    }
  }
}

/** The covariance type a fit reports given its design and `--robust`. */
export function sandwichKindOf(design: Design, robust: SandwichKind | undefined): SandwichKind | null {
  if (design.weights) return 'linearization';
  if (design.clusters) return 'CR1';
  return robust ?? null;
}

/** The design's rows a fit used (1) — a stratum without one is left out, as R's svyglm subset drops it. */
export function fitRows(design: Design, data: RegressionData): Uint8Array {
  const used = new Uint8Array(design.table.nrows);
  for (const r of data.frame.rows) used[r] = 1;
  return used;
}
