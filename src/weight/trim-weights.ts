import { UsageError } from '../core/errors.js';

/**
 * Trims weights to [lower, upper] and spreads the amount cut (or added) equally over the weights
 * that were inside, so the total is kept (R `survey::trimWeights`; with `strict`, repeated until
 * no weight is outside, as `trimWeights(strict = TRUE)`). Throws a UsageError when every weight is
 * outside the bounds or strict trimming cannot settle.
 */
export function trimWeights(weights: Float64Array, lower: number, upper: number, strict = false): Float64Array {
  let current = weights;
  // Strict trimming settles in a few rounds when the bounds are feasible; a cap turns infeasible bounds into an error.
  for (let round = 0; round < 1000; round++) {
    let cut = 0;
    let inside = 0;
    const next = Float64Array.from(current, (w) => {
      const bounded = Math.max(lower, Math.min(w, upper));
      cut += w - bounded;
      if (bounded === w) inside++;
      return bounded;
    });
    if (inside === current.length) return current;
    if (inside === 0) throw new UsageError(`every weight is outside the trimming bounds [${lower}, ${upper}]`, { hint: 'widen the bounds' });
    for (let i = 0; i < next.length; i++) if (next[i] === current[i]) next[i] += cut / inside;
    current = next;
    if (!strict) return current;
  }
  throw new UsageError(`trimming to [${lower}, ${upper}] does not settle: the total weight does not fit within the bounds`, { hint: 'widen the bounds' });
}
