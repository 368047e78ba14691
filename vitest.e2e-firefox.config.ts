import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end in real Firefox (Debian's firefox-esr) with the Firefox build. One file at a time, one browser each.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    environment: 'node',
    include: ['tests/e2e-firefox/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
