import { allocateCounts } from './allocate-counts.js';

/**
 * Solves the cut points of an ordinal item on the realised latent values: cut k is placed between
 * the order statistics that leave exactly the target count (largest-remainder rounding of
 * `shares × n`) at or below it, i.e. the exact root of F̂(c) = cumulative share on the empirical
 * CDF. Deterministic, with no Monte Carlo error: the item's shares equal the targets to one case.
 * Returns `shares.length - 1` increasing cut points (±Infinity for empty extreme categories).
 */
export function solveCutPoints(latent: ArrayLike<number>, shares: readonly number[]): number[] {
  const sorted = Float64Array.from(latent).sort();
  const n = sorted.length;
  const counts = allocateCounts(n, shares);
  const cuts: number[] = [];
  let below = 0;
  for (let k = 0; k < counts.length - 1; k++) {
    below += counts[k];
    if (below === 0) cuts.push(-Infinity);
    else if (below === n) cuts.push(Infinity);
    else cuts.push((sorted[below - 1] + sorted[below]) / 2);
  }
  return cuts;
}
