import type { Design } from '../../core/design.js';

/**
 * Thrown when a streamed estimate finds something only the in-memory path handles (a factor level
 * first seen after the first block, a rank-deficient model, a design-based test of more than two
 * groups): estimateFile then computes the same request in memory, so users get identical results.
 */
export class StreamUnsupported extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'StreamUnsupported';
  }
}

/**
 * True for the designs the streamed estimators serve: no weights, frequency weights, or sampling
 * weights with each row its own PSU in one stratum — no strata, clusters, finite population
 * correction, calibration or replicate weights, whose variances need every row's PSU.
 */
export function rowsArePsus(design: Design): boolean {
  return !design.strata && !design.clusters && !design.calibration && !design.replicates && !design.populationSizes;
}
