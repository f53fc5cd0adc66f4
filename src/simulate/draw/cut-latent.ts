/** The category (0-based) a latent value falls in: the first k whose cut point lies above it. */
export function cutLatent(value: number, cuts: readonly number[]): number {
  let k = 0;
  while (k < cuts.length && value >= cuts[k]) k++;
  return k;
}
