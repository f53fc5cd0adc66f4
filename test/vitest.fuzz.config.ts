import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The fuzz campaign (`npm run fuzz`, scripts/fuzz-campaign.mjs): the fuzz properties of `npm test`
// with many more inputs each.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/unit/fuzz/**/*.test.ts', 'test/cli/fuzz-*.test.ts'],
    testTimeout: 3_600_000,
    hookTimeout: 60_000,
  },
});
