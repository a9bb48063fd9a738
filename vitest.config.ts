import { defineConfig } from 'vitest/config';

// Unit tests: the pure core, state and persistence, in Node.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
