import { describe, it } from 'vitest';
import { fuzzCommandLine } from '../helpers/fuzz-cli.js';

// Issue #16's fuzz suite, command layer (shard 2 of 2, so that the campaign uses both cores): the
// built CLI on generated, sometimes damaged studies and command lines. See test/helpers/fuzz-cli.ts.
describe('the command line on generated studies (shard 2)', () => {
  it('ends in time with exit 0–3, one clear message, and every row accounted for', async () => {
    await fuzzCommandLine(2, 4, 1300);
  }, 3_600_000);
});
