import { defineConfig } from 'vitest/config';

// Browser tests: the built app served by `vite preview`, driven in Debian's Chromium
// through playwright-core. One file at a time: the machine has two cores.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/browser/support/server.ts'],
    // How long anything that follows an action may take on a busy two-core machine. Vitest's own
    // default for expect.poll is 1 s, which a loaded machine overruns (a reload, a save, React
    // Flow measuring nodes before it draws their edges); a whole test gets three minutes (with
    // the machine shared, the longest took 53 s). Set here, not in support/browser.ts, so the
    // benchmark scripts can import the browser helpers outside Vitest.
    testTimeout: 180_000,
    hookTimeout: 60_000,
    expect: { poll: { timeout: 15_000, interval: 100 } },
    fileParallelism: false,
  },
});
