import { defineConfig } from 'vitest/config';

// End-to-end: real Chromium with the built extension. One file at a time: two cores, one browser each.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
