import { describe, expect, it } from 'vitest';
import { niceTicks } from '../../../../src/report/charts/nice-ticks.js';

describe('niceTicks', () => {
  it('steps by 1, 2 or 5 × 10^k and covers the range', () => {
    expect(niceTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(-0.35, 1.2)).toEqual([-0.4, -0.2, 0, 0.2, 0.4, 0.6, 0.8, 1, 1.2]);
    expect(niceTicks(-3, 17)).toEqual([-5, 0, 5, 10, 15, 20]);
    expect(niceTicks(0.72, 1.55)).toEqual([0.6, 0.8, 1, 1.2, 1.4, 1.6]);
    expect(niceTicks(3, 4.1)).toEqual([3, 3.2, 3.4, 3.6, 3.8, 4, 4.2]);
    expect(niceTicks(0, 12345)).toEqual([0, 2000, 4000, 6000, 8000, 10000, 12000, 14000]);
  });

  it('gives clean decimals, no binary noise and no -0', () => {
    const ticks = niceTicks(0.1, 0.7);
    expect(ticks).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
    expect(niceTicks(-1, 0).map((t) => Object.is(t, -0))).not.toContain(true);
  });

  it('puts an axis around a single value, in either order of bounds', () => {
    expect(niceTicks(0, 0)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(niceTicks(5, 5)).toEqual([4.4, 4.6, 4.8, 5, 5.2, 5.4, 5.6]);
    expect(niceTicks(100, 0)).toEqual(niceTicks(0, 100));
  });

  it('refuses non-finite bounds', () => {
    expect(() => niceTicks(0, Number.NaN)).toThrow(RangeError);
  });
});
