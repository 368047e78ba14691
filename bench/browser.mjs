// The bench's Chromium: Debian's binary, a fresh profile, the flags every bench figure is measured with.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureChromium } from '../scripts/system-deps.mjs';

const EXTENSION = resolve(import.meta.dirname, '../.output/chrome-mv3');

/** A browser with the built extension (its id read from the worker) or without; `close` removes the profile too. */
export async function launchBrowser(withExtension, prefix = 'arvio-bench-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: ensureChromium(),
    headless: false,
    viewport: { width: 1400, height: 900 },
    args: [
      '--headless=new',
      '--no-sandbox',
      ...(withExtension ? [`--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`] : []),
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    let extensionId = null;
    if (withExtension) {
      let [worker] = context.serviceWorkers();
      worker ??= await context.waitForEvent('serviceworker');
      extensionId = new URL(worker.url()).host;
    }
    return { context, extensionId, close };
  } catch (e) {
    await close();
    throw e;
  }
}
