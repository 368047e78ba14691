// One temp folder for every profile and scratch file the end-to-end run makes, removed when it ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'arvio-e2e-run-'));
  // Workers start after this and inherit it (harness.ts freshProfileDir).
  process.env.ARVIO_E2E_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
