/**
 * Index of the last of `count` ascending keys that is ≤ target, or -1 (a binary search over
 * sorted ranges in a font table, such as cmap groups or FDSelect ranges).
 * @example lastAtMost(3, (i) => [10, 20, 30][i], 25) // 1
 */
export function lastAtMost(count: number, key: (i: number) => number, target: number): number {
  let [low, high] = [0, count - 1];
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (key(mid) <= target) low = mid + 1;
    else high = mid - 1;
  }
  return high;
}
