import { allocateCounts } from './allocate-counts.js';
import type { Rng } from './create-rng.js';
import type { ParamGroup } from './group-rows.js';
import { shuffleInPlace } from './shuffle-in-place.js';

/**
 * Draws a categorical variable: within each group exactly round(share × rows) rows get each choice
 * (largest remainder), assigned to rows at random. Returns choice indexes.
 */
export function drawCategorical(groups: readonly ParamGroup[], n: number, rng: Rng): Float64Array {
  const values = new Float64Array(n);
  for (const group of groups) {
    const counts = allocateCounts(group.rows.length, group.params.shares ?? []);
    const levels = shuffleInPlace(
      rng,
      counts.flatMap((count, index) => Array<number>(count).fill(index)),
    );
    group.rows.forEach((row, i) => {
      values[row] = levels[i];
    });
  }
  return values;
}
