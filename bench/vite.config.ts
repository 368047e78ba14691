// Bundles the pure bench workloads into one script a plain Chromium page can load.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  logLevel: 'warn',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('./.dist', import.meta.url)),
    emptyOutDir: true,
    lib: { entry: fileURLToPath(new URL('./pure-entry.ts', import.meta.url)), name: 'ArvioBench', formats: ['iife'], fileName: () => 'pure.js' },
    minify: true,
  },
});
