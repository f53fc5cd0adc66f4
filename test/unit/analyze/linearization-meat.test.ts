import { describe, expect, it } from 'vitest';
import { linearizationMeat } from '../../../src/analyze/linearization-meat.js';
import { expectClose } from '../../helpers/expect-close.js';

// Small designs worked by hand from survey:::onestrat's formula: per stratum h,
// (1 − n_h/N_h) · n_h/(n_h − 1) · Σ_j (t_hj − t̄_h)².
const f64 = (xs: number[]) => Float64Array.from(xs);
const i32 = (xs: number[]) => Int32Array.from(xs);

describe('linearizationMeat', () => {
  it('sums the centred squares of each stratum times n_h/(n_h − 1)', () => {
    // Stratum 1: 1, 3 → 2·(1 + 1) = 4; stratum 2: 2, 6 → 2·(4 + 4) = 16.
    expectClose(linearizationMeat(f64([1, 2, 3, 6]), 1, i32([0, 1, 0, 1]), null)[0], 20, { rtol: 1e-15, label: 'two strata' });
  });

  it('applies the finite population correction, a census stratum adding nothing', () => {
    const meat = linearizationMeat(f64([1, 2, 3, 6]), 1, i32([0, 1, 0, 1]), null, f64([4, 2]));
    expectClose(meat[0], 0.5 * 4, { rtol: 1e-15, label: 'fpc' });
  });

  it('totals scores by cluster before centring', () => {
    // PSU totals 3 and 7 around 5: 2·(4 + 4).
    expectClose(linearizationMeat(f64([1, 2, 3, 4]), 1, null, i32([0, 0, 1, 1]))[0], 16, { rtol: 1e-15, label: 'clusters' });
  });

  it('gives the covariance of several columns', () => {
    const meat = linearizationMeat(f64([1, 0, 0, 1, 1, 1]), 2, null, null);
    expectClose(Array.from(meat), [1, -0.5, -0.5, 1], { rtol: 1e-14, label: 'p = 2' });
  });

  it('fails on a stratum with a single PSU unless it is a census', () => {
    expect(() => linearizationMeat(f64([1, 3, 5]), 1, i32([0, 0, 1]), null)).toThrow(/stratum 2 has a single PSU/);
    expectClose(linearizationMeat(f64([1, 3, 5]), 1, i32([0, 0, 1]), null, f64([10, 1]))[0], 0.8 * 4, { rtol: 1e-15, label: 'census lonely stratum' });
  });
});
