import type { Design } from '../../core/design.js';

/** How a result was weighted (`regress --json`'s `weights` vocabulary). */
export type WeightingKind = 'none' | 'frequency' | 'sampling';

/** Which kind of weights a design carries. */
export function weightingKind(design: Design): WeightingKind {
  if (design.weights) return 'sampling';
  return design.freq ? 'frequency' : 'none';
}
