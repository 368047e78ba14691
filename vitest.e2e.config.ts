import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end: real Chromium with the built extension. One file at a time: two cores, one browser each.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
