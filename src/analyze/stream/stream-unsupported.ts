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
