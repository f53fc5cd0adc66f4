import type { Calibration, Design } from '../core/design.js';
import { UsageError } from '../core/errors.js';
import { calibrateReplicates } from './calibrate-replicates.js';
import { postStratifyWeights } from './post-stratify-weights.js';
import { rakeWeights } from './rake-weights.js';
import { resolveTargets, type ResolvedTarget } from './resolve-targets.js';
import type { WeightingTargets } from './weighting-targets.js';

/** How to calibrate: the method (default: post-stratify when one table applies, else rake), the variables, raking controls. */
export interface CalibrateOptions {
  method?: 'poststratify' | 'rake';
  /** Weight on these variables only (`--by area,sex`); default every table of the targets file. */
  by?: readonly string[];
  maxIter?: number;
  tolerance?: number;
}

/** A calibrated design and how it got there. */
export interface CalibratedDesign {
  readonly design: Design;
  readonly method: 'poststratify' | 'rake';
  readonly targets: readonly ResolvedTarget[];
  /** Raking sweeps (1 for post-stratification). */
  readonly iterations: number;
  readonly maxError: number;
}

function chooseTables(targets: WeightingTargets, options: CalibrateOptions): WeightingTargets {
  const by = options.by;
  let tables = by ? targets.tables.filter((t) => t.variables.every((v) => by.includes(v))) : targets.tables;
  const uncovered = by?.find((v) => !tables.some((t) => t.variables.includes(v)));
  if (uncovered) throw new UsageError(`--by ${uncovered}: the targets file has no margin for ${uncovered}`, { file: targets.file });
  if (options.method === 'poststratify' && tables.length > 1) {
    // Crossed cells over all the variables are the post-strata; separate margins cannot be.
    const crossed = tables.filter((t) => t.variables.length > 1 && tables.every((u) => u.variables.every((v) => t.variables.includes(v))));
    if (crossed.length !== 1) {
      throw new UsageError(`post-stratification needs one table of crossed cells, and ${tables.map((t) => t.path).join(', ')} are separate margins`, {
        file: targets.file,
        hint: 'give `cells:` crossing the variables, choose one with --by, or use --method rake',
      });
    }
    tables = crossed;
  }
  return { ...targets, tables };
}

/**
 * Calibrates a design's weights (base: its sampling weights, else 1) to population targets: R
 * `postStratify(design, ~cells, population)` or `rake(design, margins, populations)`. The result
 * keeps what `linearizationVariance` needs to give calibration-aware SEs (`design.calibration`).
 * Throws a UsageError for frequency weights, bad targets or non-convergence.
 */
export function calibrateDesign(design: Design, targets: WeightingTargets, options: CalibrateOptions = {}): CalibratedDesign {
  if (design.freq) {
    throw new UsageError('calibration needs sampling weights, not --freq', { hint: 'give base weights with --weight, or none (equal weights)' });
  }
  const chosen = chooseTables(targets, options);
  const base = design.weights ?? new Float64Array(design.table.nrows).fill(1);
  const resolved = resolveTargets(design.table, chosen, base);
  const method = options.method ?? (resolved.length === 1 ? 'poststratify' : 'rake');
  let calibration: Calibration;
  let weights: Float64Array;
  let iterations = 1;
  let maxError = 0;
  if (method === 'poststratify') {
    weights = postStratifyWeights(base, resolved[0]);
    calibration = { kind: 'poststratify', cells: resolved[0].index, oldWeights: base, weights, source: targets.file };
  } else {
    const raked = rakeWeights(base, resolved, { maxIter: options.maxIter, tolerance: options.tolerance, file: targets.file });
    ({ weights, iterations, maxError } = raked);
    calibration = { kind: 'rake', margins: resolved.map((t, m) => ({ levels: t.index, weights: raked.marginWeights[m] })), source: targets.file };
  }
  const spec = { ...design.spec, [method]: targets.file };
  if (design.replicates) {
    // Replicate designs recalibrate each replicate (R postStratify/rake on a svyrep.design) instead of linearizing.
    const replicates = calibrateReplicates(design.replicates, resolved, method, iterations);
    return { design: { ...design, weights, spec, replicates }, method, targets: resolved, iterations, maxError };
  }
  return { design: { ...design, weights, calibration, spec }, method, targets: resolved, iterations, maxError };
}
