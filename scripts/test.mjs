// `npm test`: every test, in the order that fails fastest — typecheck, unit, build, lint, end-to-end.
import { spawnSync } from 'node:child_process';
import { ensureChromium, ensureFirefox, ensureLibreOffice, ensurePostgres } from './system-deps.mjs';

function run(title, command, args) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${title} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${title} (${seconds} s)`);
}

try {
  process.env.CHROMIUM_PATH = ensureChromium();
  process.env.FIREFOX_PATH = ensureFirefox();
  process.env.PG_BIN = ensurePostgres();
  process.env.SOFFICE_PATH = ensureLibreOffice();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

run('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);
run('unit and server tests', 'npx', ['vitest', 'run']);
run('build (Chrome MV3)', 'npx', ['wxt', 'build']);
run('build (Firefox)', 'npx', ['wxt', 'build', '-b', 'firefox']);
// Mozilla's add-on linter, as addons.mozilla.org runs it: errors fail the run, warnings are listed.
run('web-ext lint of the Firefox build', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--no-config-discovery']);
run('end-to-end tests in Chromium', 'npx', ['vitest', 'run', '-c', 'vitest.e2e.config.ts']);
run('end-to-end tests in Firefox', 'npx', ['vitest', 'run', '-c', 'vitest.e2e-firefox.config.ts']);
