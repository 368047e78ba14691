import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.{ts,tsx}', 'server/tests/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    // Server tests boot real databases; give them room on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
