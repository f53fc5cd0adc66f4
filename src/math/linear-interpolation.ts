/**
 * Linear interpolation of (x, y) at `at`, as R's `approx(x, y, xout = at)$y` with the default
 * rule = 1: NaN outside [min x, max x]. Points are sorted by x first (ties are not averaged: the
 * callers' x are distinct).
 */
export function linearInterpolation(x: readonly number[], y: readonly number[], at: number): number {
  const order = x.map((_, k) => k).sort((a, b) => x[a] - x[b]);
  const xs = order.map((k) => x[k]);
  const ys = order.map((k) => y[k]);
  const n = xs.length;
  if (!(at >= xs[0] && at <= xs[n - 1])) return NaN;
  let i = 0;
  let j = n - 1;
  while (i < j - 1) {
    const mid = Math.floor((i + j) / 2);
    if (at < xs[mid]) j = mid;
    else i = mid;
  }
  if (at === xs[j]) return ys[j];
  if (at === xs[i]) return ys[i];
  return ys[i] + (ys[j] - ys[i]) * ((at - xs[i]) / (xs[j] - xs[i]));
}
