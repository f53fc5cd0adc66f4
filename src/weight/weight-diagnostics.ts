import type { ResolvedTarget } from './resolve-targets.js';

/** One cell of a target before and after weighting. */
export interface MarginCheck {
  readonly target: string;
  readonly level: string;
  /** Rows in the cell. */
  readonly n: number;
  /** Share in the sample (under the base weights when there are any). */
  readonly sampleShare: number;
  readonly targetShare: number;
  readonly weightedShare: number;
  /** Population count. */
  readonly targetCount: number;
}

/** What weighting did to the sample: weight spread, design effect, effective n, margins. */
export interface WeightDiagnostics {
  readonly n: number;
  readonly sum: number;
  readonly min: number;
  readonly max: number;
  /** max / min. */
  readonly ratio: number;
  readonly mean: number;
  /** Coefficient of variation of the weights, sd/mean with sd over n (not n − 1), so 1 + cv² is Kish's deff. */
  readonly cv: number;
  /** Kish's design effect due to weighting, n·Σw²/(Σw)² = 1 + cv². */
  readonly kishDeff: number;
  /** (Σw)²/Σw² = n / deff. */
  readonly effectiveN: number;
  readonly margins: readonly MarginCheck[];
}

/**
 * Diagnostics of weights against their targets (as Kish 1965; R: `1 + cv(w)²` with the
 * population sd, `weights()` summaries, `svytable` of each margin before and after).
 */
export function weightDiagnostics(base: Float64Array, weights: Float64Array, targets: readonly ResolvedTarget[]): WeightDiagnostics {
  const n = weights.length;
  let sum = 0;
  let sumSquares = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const w of weights) {
    sum += w;
    sumSquares += w * w;
    min = Math.min(min, w);
    max = Math.max(max, w);
  }
  const kishDeff = (n * sumSquares) / (sum * sum);
  const baseSum = base.reduce((a, b) => a + b, 0);
  const margins = targets.flatMap((t) => {
    const rows = new Float64Array(t.counts.length);
    const baseSums = new Float64Array(t.counts.length);
    const sums = new Float64Array(t.counts.length);
    for (let i = 0; i < n; i++) {
      rows[t.index[i]]++;
      baseSums[t.index[i]] += base[i];
      sums[t.index[i]] += weights[i];
    }
    const population = t.counts.reduce((a, b) => a + b, 0);
    return t.labels.map((level, c): MarginCheck => ({
      target: t.name,
      level,
      n: rows[c],
      sampleShare: baseSums[c] / baseSum,
      targetShare: t.counts[c] / population,
      weightedShare: sums[c] / sum,
      targetCount: t.counts[c],
    }));
  });
  return { n, sum, min, max, ratio: max / min, mean: sum / n, cv: Math.sqrt(Math.max(0, kishDeff - 1)), kishDeff, effectiveN: n / kishDeff, margins };
}
