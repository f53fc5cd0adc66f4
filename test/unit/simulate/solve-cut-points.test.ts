import { describe, expect, it } from 'vitest';
import { allocateCounts } from '../../../src/simulate/draw/allocate-counts.js';
import { createRng } from '../../../src/simulate/draw/create-rng.js';
import { cutLatent } from '../../../src/simulate/draw/cut-latent.js';
import { drawLogistic } from '../../../src/simulate/draw/draw-logistic.js';
import { solveCutPoints } from '../../../src/simulate/draw/solve-cut-points.js';

function shares(latent: number[], cuts: number[], k: number): number[] {
  const counts = Array<number>(k).fill(0);
  for (const x of latent) counts[cutLatent(x, cuts)]++;
  return counts;
}

describe('allocateCounts', () => {
  it('splits a total into whole counts that sum to it (largest remainder, ties to the first)', () => {
    expect(allocateCounts(10, [0.55, 0.45])).toEqual([6, 4]);
    expect(allocateCounts(501, [6000, 4000])).toEqual([301, 200]);
    expect(allocateCounts(7, [1, 1, 1])).toEqual([3, 2, 2]);
    expect(allocateCounts(5, [0, 0])).toEqual([0, 0]);
  });
});

describe('solveCutPoints', () => {
  it('hits the target shares exactly on the realised latent values', () => {
    const rng = createRng(11, 'latent');
    const latent = Array.from({ length: 2_345 }, () => 0.7 * drawLogistic(rng) + 3 * rng.uniform());
    const targets = [0.02, 0.058, 0.37, 0.382, 0.17];
    const cuts = solveCutPoints(latent, targets);
    expect(cuts).toEqual([...cuts].sort((a, b) => a - b));
    expect(shares(latent, cuts, 5)).toEqual(allocateCounts(latent.length, targets));
  });

  it('handles empty categories at the ends and in the middle', () => {
    const latent = [5, 1, 4, 2, 3, 6, 0, 7];
    const cuts = solveCutPoints(latent, [0, 0.5, 0, 0.5, 0]);
    expect(cuts[0]).toBe(-Infinity);
    expect(cuts[3]).toBe(Infinity);
    expect(shares(latent, cuts, 5)).toEqual([0, 4, 0, 4, 0]);
  });

  it('gives a single category everything', () => {
    expect(shares([3, 1, 2], solveCutPoints([3, 1, 2], [1]), 1)).toEqual([3]);
  });
});
