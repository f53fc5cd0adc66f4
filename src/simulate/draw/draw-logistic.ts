import type { Rng } from './create-rng.js';

/** Draws a standard logistic deviate (the latent error of an ordinal logit) by inverting its CDF. */
export function drawLogistic(rng: Rng): number {
  for (;;) {
    const u = rng.uniform();
    if (u > 0) return Math.log(u / (1 - u));
  }
}
