/** Rounds to `digits` decimals: `Math.round` (halves up) for whole numbers, the exact decimal `toFixed` otherwise. */
export function roundTo(value: number, digits: number): number {
  return digits === 0 ? Math.round(value) : Number(value.toFixed(digits));
}
