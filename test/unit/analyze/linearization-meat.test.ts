import { describe, expect, it } from 'vitest';
import { linearizationMeat } from '../../../src/analyze/variance/linearization-meat.js';
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

  it('treats a lonely PSU as R survey.lonely.psu says', () => {
    // Strata {1, 3} (4 as above) and {5} alone.
    const [scores, strata] = [f64([1, 3, 5]), i32([0, 0, 1])];
    const meat = (lonelyPsu: 'adjust' | 'average' | 'remove' | 'certainty', rows: Uint8Array | null = null) => linearizationMeat(scores, 1, strata, null, null, { lonelyPsu, rows })[0];
    // adjust: the lonely PSU's total deviates from 0, not from its own mean: 4 + 5².
    expectClose(meat('adjust'), 4 + 25, { rtol: 1e-15, label: 'adjust' });
    // average: the one stratum estimated stands in for both: 4 · 2/1.
    expectClose(meat('average'), 8, { rtol: 1e-15, label: 'average' });
    expectClose(meat('remove'), 4, { rtol: 1e-15, label: 'remove' });
    expectClose(meat('certainty'), 4, { rtol: 1e-15, label: 'certainty' });
    // A domain without a row in the lonely stratum leaves it out: nothing to average over, no error.
    expectClose(meat('average', Uint8Array.from([1, 1, 0])), 4, { rtol: 1e-15, label: 'average, stratum outside the domain' });
    expectClose(linearizationMeat(scores, 1, strata, null, null, { rows: Uint8Array.from([1, 0, 0]) })[0], 4, { rtol: 1e-15, label: 'fail, stratum outside the domain' });
  });

  it('scales a stratum by stratumScale (a later stage times the sampling fractions above it) and names it', () => {
    expectClose(linearizationMeat(f64([1, 3, 2, 6]), 1, i32([0, 0, 1, 1]), null, null, { stratumScale: f64([0.5, 0.25]) })[0], 0.5 * 4 + 0.25 * 16, { rtol: 1e-15, label: 'scaled' });
    expect(() => linearizationMeat(f64([1, 3, 5]), 1, i32([0, 0, 1]), null, null, { stratumName: (h) => ['城市', '农村'][h] })).toThrow(/stratum 农村 has a single PSU/);
    expect(() => linearizationMeat(f64([1, 3, 5]), 1, i32([0, 0, 1]), null, null, { stratumName: (h) => ['15', '63'][h], stage: 2 })).toThrow(/unit 63 has a single sampled unit at stage 2/);
  });
});
