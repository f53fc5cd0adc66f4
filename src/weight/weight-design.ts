// simple-statistics' quantile is R's type 7 (quantile()'s default), bit for bit, by quickselect rather than a full sort.
import { quantile } from 'simple-statistics';
import type { Design } from '../core/design.js';
import { UsageError } from '../core/errors.js';
import { calibrateDesign, type CalibratedDesign, type CalibrateOptions } from './calibrate-design.js';
import { trimWeights } from './trim-weights.js';
import { weightDiagnostics, type WeightDiagnostics } from './weight-diagnostics.js';
import type { WeightingTargets } from './weighting-targets.js';

/** Trimming: fixed bounds (`--trim LO,HI`) or quantiles of the calibrated weights (`--trim-quantiles 0.01,0.99`). */
export type TrimSpec = { readonly bounds: readonly [number, number] } | { readonly quantiles: readonly [number, number] };

/** `survey weight`: calibration options plus optional trimming. */
export interface WeightOptions extends CalibrateOptions {
  trim?: TrimSpec;
}

/** Calibrated (and trimmed) weights with their diagnostics. */
export interface WeightingResult {
  readonly calibrated: CalibratedDesign;
  readonly weights: Float64Array;
  /** The trimming bounds used, or null without trimming. */
  readonly bounds: readonly [number, number] | null;
  /** Trim + re-calibrate rounds (0 when the first calibration was already within the bounds). */
  readonly trimRounds: number;
  readonly diagnostics: WeightDiagnostics;
}

/**
 * Weights a sample to population targets: post-stratification or raking (`calibrateDesign`), then,
 * with `trim`, rounds of R `trimWeights(design, lower, upper)` (cut weights to the bounds, spread
 * the cut equally over the others) followed by re-calibration from the trimmed weights, until the
 * calibrated weights are within the bounds to `tolerance` (relative) — at most `maxIter` rounds.
 * Quantile bounds are computed once, from the first calibrated weights (R `quantile`, type 7).
 * The final weights meet the targets exactly and the bounds to `tolerance`. Throws a UsageError
 * when the rounds do not settle (the bounds cannot hold with these targets).
 */
export function weightDesign(design: Design, targets: WeightingTargets, options: WeightOptions = {}): WeightingResult {
  const tolerance = options.tolerance ?? 1e-10;
  const maxIter = options.maxIter ?? 100;
  let calibrated = calibrateDesign(design, targets, options);
  const base = design.weights ?? new Float64Array(design.table.nrows).fill(1);
  const finish = (bounds: readonly [number, number] | null, trimRounds: number): WeightingResult => {
    const weights = calibrated.design.weights as Float64Array;
    return { calibrated, weights, bounds, trimRounds, diagnostics: weightDiagnostics(base, weights, calibrated.targets) };
  };
  if (!options.trim) return finish(null, 0);
  const first = calibrated.design.weights as Float64Array;
  const [lower, upper] = 'bounds' in options.trim ? options.trim.bounds : quantile(Array.from(first), options.trim.quantiles);
  if (!(lower < upper)) throw new UsageError(`the trimming bounds must be increasing, not ${lower}, ${upper}`);
  const method = calibrated.method;
  for (let round = 0; round <= maxIter; round++) {
    const w = calibrated.design.weights as Float64Array;
    if (w.every((x) => x >= lower * (1 - tolerance) && x <= upper * (1 + tolerance))) return finish([lower, upper], round);
    if (round === maxIter) break;
    const trimmed: Design = { ...design, weights: trimWeights(w, lower, upper) };
    calibrated = calibrateDesign(trimmed, targets, { ...options, method });
  }
  const w = calibrated.design.weights as Float64Array;
  throw new UsageError(`trimming to [${lower}, ${upper}] and re-calibrating did not settle in ${maxIter} rounds: the weights still range ${w.reduce((a, b) => Math.min(a, b))} – ${w.reduce((a, b) => Math.max(a, b))}`, {
    file: targets.file,
    hint: 'the targets force weights outside these bounds (e.g. a cell whose weights are all equal): widen them',
  });
}
