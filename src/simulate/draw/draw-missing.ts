import { allocateCounts } from './allocate-counts.js';
import type { Rng } from './create-rng.js';
import { shuffleInPlace } from './shuffle-in-place.js';
import { ANSWERED, EMPTY } from '../simulated-sample.js';
import type { ResolvedMissing } from '../spec/simulation-plan.js';

/**
 * Chooses which rows go missing and how: exactly round(rate × n) rows per kind (largest remainder),
 * drawn at random without replacement. Returns ANSWERED, EMPTY or the declared missing index per row.
 */
export function drawMissing(missing: readonly ResolvedMissing[], n: number, rng: Rng): Int16Array {
  const out = new Int16Array(n).fill(ANSWERED);
  if (missing.length === 0) return out;
  const rates = missing.map((m) => m.rate);
  const counts = allocateCounts(n, [...rates, Math.max(0, 1 - rates.reduce((a, b) => a + b, 0))]);
  const rows = shuffleInPlace(rng, Array.from({ length: n }, (_, i) => i));
  let next = 0;
  missing.forEach((m, k) => {
    for (let c = 0; c < counts[k]; c++) out[rows[next++]] = m.kind === 'empty' ? EMPTY : m.index;
  });
  return out;
}
