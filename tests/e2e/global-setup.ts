// One temp folder for every profile and scratch file the end-to-end run makes, removed when it ends.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  // A release build (`npm run build`) runs nowhere on loopback, where the demo helpdesk and these tests serve.
  const manifest = '.output/chrome-mv3/manifest.json';
  if (existsSync(manifest) && !readFileSync(manifest, 'utf8').includes('http://127.0.0.1/*')) {
    throw new Error('.output/chrome-mv3 is a release build (npm run build), which injects nothing into 127.0.0.1: build the test build with `npx wxt build`');
  }
  const root = mkdtempSync(join(tmpdir(), 'arvio-e2e-run-'));
  // Workers start after this and inherit it (harness.ts freshProfileDir).
  process.env.ARVIO_E2E_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
