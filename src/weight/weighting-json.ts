import type { WeightingResult } from './weight-design.js';

/** The `weight --json` result (also `weighting` in a run's results.json): method, diagnostics and margins in snake_case. */
export function weightingJson(r: WeightingResult, source: { targets: string; weightColumn: string; baseWeight: string | null }) {
  const d = r.diagnostics;
  return {
    method: r.calibrated.method,
    targets: source.targets,
    weight_column: source.weightColumn,
    base_weight: source.baseWeight,
    n: d.n,
    iterations: r.calibrated.iterations,
    max_error: r.calibrated.maxError,
    trim: r.bounds ? { lower: r.bounds[0], upper: r.bounds[1], rounds: r.trimRounds } : null,
    diagnostics: { sum: d.sum, mean: d.mean, min: d.min, max: d.max, ratio: d.ratio, cv: d.cv, kish_deff: d.kishDeff, effective_n: d.effectiveN },
    margins: d.margins.map((m) => ({
      target: m.target, level: m.level, n: m.n, sample_share: m.sampleShare, target_share: m.targetShare, weighted_share: m.weightedShare, target_count: m.targetCount,
    })),
  };
}
