import { describe, expect, it } from 'vitest';
import { fmmSpline } from '../../../src/math/fmm-spline.js';
import { linearInterpolation } from '../../../src/math/linear-interpolation.js';
import { expectClose } from '../../helpers/expect-close.js';

// Values from R 4.2.2: spline(x, y, n = …) (method "fmm") and approx(x, y, xout = …)$y.
const closedForm = { rtol: 1e-14, atol: 1e-15 };

describe('fmmSpline = R spline(method = "fmm")', () => {
  it('five points (cubic end conditions), seven outputs', () => {
    const s = fmmSpline([0, 1, 2.5, 4, 5], [0, 1, 0.5, 2, 1], 7);
    expectClose(s.x, [0, 5 / 6, 5 / 3, 2.5, 10 / 3, 25 / 6, 5], { ...closedForm, label: 'x grid' });
    expectClose(s.y, [0, 0.98879335684891234, 0.70811287477954143, 0.50000000000000011, 1.350088183421517, 2.0412624926513816, 1.0000000000000002], { ...closedForm, label: 'spline' });
  });
  it('three points (the parabola through them)', () => {
    expectClose(fmmSpline([0, 1, 3], [1, 2, 0], 5).y, [1, 1.875, 2, 1.375, 0], { ...closedForm, label: 'spline' });
  });
});

describe('linearInterpolation = R approx()', () => {
  it('sorts by x, interpolates, NaN outside the range', () => {
    expect(linearInterpolation([3, 1, 2], [30, 10, 20], 1.5)).toBe(15);
    expect(linearInterpolation([3, 1, 2], [30, 10, 20], 0.5)).toBeNaN();
    expect(linearInterpolation([3, 1, 2], [30, 10, 20], 3)).toBe(30);
  });
});
