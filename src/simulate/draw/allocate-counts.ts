/**
 * Splits `total` into whole counts proportional to `shares` by the largest-remainder (Hamilton)
 * method, so the counts sum to `total` exactly; ties go to the earlier share.
 * @example allocateCounts(10, [0.55, 0.45]) // [6, 4]  (5.5 → 6 by the tie rule)
 */
export function allocateCounts(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  if (sum <= 0) return shares.map(() => 0);
  const exact = shares.map((s) => (total * s) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - counts[i] })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i]++;
    left--;
  }
  return counts;
}
