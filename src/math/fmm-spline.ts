/**
 * Interpolating cubic spline through (x, y) evaluated at n equally spaced points from min(x) to
 * max(x), as R's `spline(x, y, n = 3 * length(x), method = "fmm")`: Forsythe, Malcolm and Moler's
 * end conditions (cubics through the first and last four points), ported from R's `splines.c`
 * (`fmm_spline`, `spline_eval`) so that profile-likelihood intervals interpolate as R does.
 * `x` must be strictly increasing (R's `regularize.values` would sort it and average ties).
 */
export function fmmSpline(x: readonly number[], y: readonly number[], n = 3 * x.length): { x: number[]; y: number[] } {
  const m = x.length;
  const b = new Float64Array(m);
  const c = new Float64Array(m);
  const d = new Float64Array(m);
  if (m < 3) {
    b[0] = b[m - 1] = (y[m - 1] - y[0]) / (x[m - 1] - x[0]);
  } else {
    // Tridiagonal system: b diagonal, d off-diagonal, c right-hand side (0-based from R's 1-based code).
    d[0] = x[1] - x[0];
    c[1] = (y[1] - y[0]) / d[0];
    for (let i = 1; i < m - 1; i++) {
      d[i] = x[i + 1] - x[i];
      b[i] = 2 * (d[i - 1] + d[i]);
      c[i + 1] = (y[i + 1] - y[i]) / d[i];
      c[i] = c[i + 1] - c[i];
    }
    b[0] = -d[0];
    b[m - 1] = -d[m - 2];
    c[0] = c[m - 1] = 0;
    if (m > 3) {
      // Third derivatives at the ends from divided differences.
      c[0] = c[2] / (x[3] - x[1]) - c[1] / (x[2] - x[0]);
      c[m - 1] = c[m - 2] / (x[m - 1] - x[m - 3]) - c[m - 3] / (x[m - 2] - x[m - 4]);
      c[0] = (c[0] * d[0] * d[0]) / (x[3] - x[0]);
      c[m - 1] = (-c[m - 1] * d[m - 2] * d[m - 2]) / (x[m - 1] - x[m - 4]);
    }
    for (let i = 1; i < m; i++) {
      const t = d[i - 1] / b[i - 1];
      b[i] -= t * d[i - 1];
      c[i] -= t * c[i - 1];
    }
    c[m - 1] /= b[m - 1];
    for (let i = m - 2; i >= 0; i--) c[i] = (c[i] - d[i] * c[i + 1]) / b[i];
    b[m - 1] = (y[m - 1] - y[m - 2]) / d[m - 2] + d[m - 2] * (c[m - 2] + 2 * c[m - 1]);
    for (let i = 0; i < m - 1; i++) {
      b[i] = (y[i + 1] - y[i]) / d[i] - d[i] * (c[i + 1] + 2 * c[i]);
      d[i] = (c[i + 1] - c[i]) / d[i];
      c[i] *= 3;
    }
    c[m - 1] *= 3;
    d[m - 1] = d[m - 2];
  }
  // seq.int(min, max, length.out = n): from + i·by, the last point exactly max.
  const by = (x[m - 1] - x[0]) / (n - 1);
  const xs = Array.from({ length: n }, (_, i) => (i === n - 1 ? x[m - 1] : x[0] + i * by));
  let i = 0;
  const ys = xs.map((u) => {
    if (u < x[i] || (i < m - 1 && x[i + 1] < u)) {
      i = 0;
      let j = m;
      do {
        const k = Math.floor((i + j) / 2);
        if (u < x[k]) j = k;
        else i = k;
      } while (j > i + 1);
    }
    const dx = u - x[i];
    return y[i] + dx * (b[i] + dx * (c[i] + dx * d[i]));
  });
  return { x: xs, y: ys };
}
