import type { Rng } from './create-rng.js';

/**
 * Draws a standard normal deviate by Marsaglia's polar method, which needs only `Math.log` and
 * `Math.sqrt` (V8 computes both identically on every platform), not the trigonometry of Box–Muller.
 */
export function drawNormal(rng: Rng): number {
  for (;;) {
    const u = 2 * rng.uniform() - 1;
    const v = 2 * rng.uniform() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}
