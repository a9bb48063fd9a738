import { defineConfig } from 'vitest/config';

// Unit tests: the pure core, state and persistence, in Node. A test may take a minute: the
// large-graph cases take 1 to 5 s alone and several times that on a loaded two-core machine
// (Vitest's 5 s default failed quickLayout's large random map at load 13).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
