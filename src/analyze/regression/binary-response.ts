import { UsageError } from '../../core/errors.js';
import type { FrameColumn } from '../../model/frame-column.js';

/**
 * The 0/1 outcome of a binary model: numbers must be 0 or 1; a two-level factor is 1 for its
 * second level (R: `glm(family = binomial)` on a factor, first level = failure).
 */
export function binaryResponse(response: FrameColumn, label: string): { y: Float64Array; event: string } {
  if (response.kind === 'factor') {
    if (response.levels.length !== 2) {
      throw new UsageError(`the response ${label} has ${response.levels.length} categories; a binary logit needs 2`, {
        hint: response.levels.length > 2 ? 'use --model ologit, or I(x >= k) for a split' : 'the response does not vary',
      });
    }
    return { y: Float64Array.from(response.codes), event: response.levels[1] };
  }
  const bad = response.values.find((v) => v !== 0 && v !== 1);
  if (bad !== undefined) {
    throw new UsageError(`the response ${label} has the value ${bad}; a binary logit needs 0/1`, { hint: `write e.g. "I(${label} >= 4) ~ ..."` });
  }
  return { y: response.values, event: '1' };
}
