/**
 * Round axis ticks covering [min, max]: steps of 1, 2 or 5 × 10^k, about `count` intervals, the
 * first tick at or below min and the last at or above max (so they also give the axis domain).
 * Like R's `pretty()`.
 * @example niceTicks(0, 100) // [0, 20, 40, 60, 80, 100]
 * @example niceTicks(0.72, 1.55) // [0.6, 0.8, 1, 1.2, 1.4, 1.6]
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) throw new RangeError(`niceTicks needs finite bounds, got ${min} and ${max}`);
  let low = Math.min(min, max);
  let high = Math.max(min, max);
  if (low === high) {
    // A single value still needs an axis around it.
    const pad = low === 0 ? 1 : Math.abs(low) / 10;
    low -= pad;
    high += pad;
  }
  const raw = (high - low) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  // The nice step nearest the raw one on a log scale (thresholds at the geometric means, as in d3).
  const error = raw / power;
  const step = (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.SQRT2 ? 2 : 1) * power;
  const first = Math.floor(low / step + 1e-9);
  const last = Math.ceil(high / step - 1e-9);
  // Rounding to the step's decimals removes binary noise such as 0.30000000000000004.
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return Array.from({ length: last - first + 1 }, (_, i) => Number(((first + i) * step).toFixed(decimals)) + 0);
}
