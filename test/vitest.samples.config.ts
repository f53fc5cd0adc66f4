import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Real 问卷星 exports live in ../shared/samples (never copied into the repo).
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/samples/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
