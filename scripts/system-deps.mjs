// Finds (or, as root on Debian, installs) what the tests need from the OS: Chromium, Firefox ESR, PostgreSQL and LibreOffice Calc.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const APT = ['-y', '-o', 'DPkg::Lock::Timeout=600'];

function canApt() {
  return process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

function aptInstall(packages, { recommends = true } = {}) {
  console.log(`Installing ${packages.join(', ')} with apt-get…`);
  execFileSync('apt-get', ['update', '-o', 'DPkg::Lock::Timeout=600'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', ...APT, ...(recommends ? [] : ['--no-install-recommends']), ...packages], { stdio: 'inherit' });
}

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  return candidates.find((path) => existsSync(path)) ?? null;
}

export function ensureChromium() {
  let path = chromiumPath();
  if (!path && canApt()) {
    aptInstall(['chromium']);
    path = chromiumPath();
  }
  if (!path) {
    throw new Error(
      'Chromium is needed for the end-to-end tests and was not found.\n' +
        '  On Debian/Ubuntu: sudo apt-get install -y chromium\n' +
        '  Or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    );
  }
  return path;
}

export function firefoxPath() {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean);
  return candidates.find((path) => existsSync(path)) ?? null;
}

export function ensureFirefox() {
  let path = firefoxPath();
  if (!path && canApt()) {
    aptInstall(['firefox-esr']);
    path = firefoxPath();
  }
  if (!path) {
    throw new Error(
      'Firefox is needed for the Firefox end-to-end tests and was not found.\n' +
        '  On Debian: sudo apt-get install -y firefox-esr\n' +
        '  Or point FIREFOX_PATH at a Firefox binary (140 or newer).',
    );
  }
  return path;
}

export function postgresBinDir() {
  if (process.env.PG_BIN && existsSync(`${process.env.PG_BIN}/initdb`)) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(`${root}/${v}/bin/initdb`))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? `${root}/${versions[0]}/bin` : null;
}

export function ensurePostgres() {
  let dir = postgresBinDir();
  if (!dir && canApt()) {
    aptInstall(['postgresql']);
    dir = postgresBinDir();
  }
  if (!dir) {
    throw new Error(
      'PostgreSQL server binaries are needed for the backend tests and were not found.\n' +
        '  On Debian/Ubuntu: sudo apt-get install -y postgresql\n' +
        '  Or point PG_BIN at the folder holding initdb and pg_ctl.',
    );
  }
  return dir;
}

export function sofficePath() {
  const candidates = [process.env.SOFFICE_PATH, '/usr/bin/soffice', '/usr/bin/libreoffice'].filter(Boolean);
  return candidates.find((path) => existsSync(path)) ?? null;
}

/** LibreOffice Calc without its GUI: the export tests open the CSV files in a real spreadsheet program. */
export function ensureLibreOffice() {
  let path = sofficePath();
  if (!path && canApt()) {
    aptInstall(['libreoffice-calc-nogui'], { recommends: false });
    path = sofficePath();
  }
  if (!path) {
    throw new Error(
      'LibreOffice Calc is needed for the spreadsheet tests of the exports and was not found.\n' +
        '  On Debian/Ubuntu: sudo apt-get install -y --no-install-recommends libreoffice-calc-nogui\n' +
        '  Or point SOFFICE_PATH at a soffice binary.',
    );
  }
  return path;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(`Chromium: ${ensureChromium()}`);
    console.log(`Firefox: ${ensureFirefox()}`);
    console.log(`PostgreSQL: ${ensurePostgres()}`);
    console.log(`LibreOffice: ${ensureLibreOffice()}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
