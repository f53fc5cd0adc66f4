/** The p-quantile of values by linear interpolation between order statistics (R `quantile(type = 7)`, its default). */
export function quantileType7(values: ArrayLike<number>, p: number): number {
  const sorted = Float64Array.from(values).sort();
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
