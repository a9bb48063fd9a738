import { defineConfig } from 'vitest/config';

// Browser tests: the built app served by `vite preview`, driven in Debian's Chromium
// through playwright-core. One file at a time: the machine has two cores.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/browser/support/server.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
