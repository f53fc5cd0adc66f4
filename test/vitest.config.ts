import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/unit/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/reference/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One module graph per worker instead of one per file: importing src/ anew for each of the 150
    // files took more time than the tests (vitest run 219 s isolated, 126 s shared, same results).
    // Tests that change process state (env, TZ, spies) restore it in afterEach/finally.
    isolate: false,
  },
});
