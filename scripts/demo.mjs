// `npm run demo`: builds Arvio, serves the demo helpdesk, and opens Chromium with the extension on a ticket.
// With a display: a real window you can use. Without one: headless, screenshots written, paths printed.
// The team backend runs too, on its embedded default (PGlite in a fresh folder), and Arvio is connected to it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { startDemoServer } from '../demo/server.mjs';
import { ensureChromium } from './system-deps.mjs';

const root = resolve(import.meta.dirname, '..');
const extension = join(root, '.output/chrome-mv3');
const shotsDir = join(root, 'demo/.screenshots');
const headless = !process.env.DISPLAY || process.env.ARVIO_DEMO_HEADLESS === '1';

/** Spinners redraw a line with \r and terminal codes: off a terminal, keep what each line finally said, as text. */
function plainLog(text) {
  return text
    .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
    .split('\n')
    .map((line) => line.split('\r').filter((frame) => frame.trim() !== '').at(-1) ?? '')
    .join('\n');
}

function step(title, command, args) {
  console.log(`▶ ${title}`);
  const tty = process.stdout.isTTY;
  const result = spawnSync(command, args, { cwd: root, stdio: tty ? 'inherit' : ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (!tty) {
    process.stdout.write(plainLog(result.stdout ?? ''));
    process.stderr.write(plainLog(result.stderr ?? ''));
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const executablePath = ensureChromium();
step('Building the extension', 'npx', ['wxt', 'build']);

step('Building the team backend', 'npx', ['vite', 'build', '--config', 'server/vite.config.ts']);
// Half a year of the team's reviews (demo/seed.ts: the product's own drafts and score formula), as an export file.
// Built inside the project, so its imports (zod, dexie) resolve from node_modules.
const seedDir = join(root, 'demo/.seed');
await build({
  root,
  logLevel: 'warn',
  publicDir: false,
  build: { ssr: join(root, 'demo/seed.ts'), outDir: seedDir, emptyOutDir: true, rollupOptions: { output: { entryFileNames: 'seed.mjs' } } },
});
const seedFile = join(seedDir, 'team-reviews.json');
const seed = await import(pathToFileURL(join(seedDir, 'seed.mjs')).href);
writeFileSync(seedFile, seed.demoExport(new Date()));

const demo = await startDemoServer({ port: Number(process.env.PORT ?? 5178) }).catch(() => startDemoServer({ port: 0 }));
console.log(`Demo helpdesk: ${demo.url}/agent/tickets/101`);

// The backend's own CLI sets up a team: the reviewer, and the agents of the demo tickets by the names
// the helpdesk shows (the roster maps them to e-mails). Each command opens the database in turn.
const serverEnv = { ...process.env, ARVIO_DATA_DIR: mkdtempSync(join(tmpdir(), 'arvio-demo-server-')), HOST: '127.0.0.1', PORT: '0' };
const serverCli = (...args) => {
  const result = spawnSync('node', ['server/dist/main.mjs', ...args], { cwd: root, env: serverEnv, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run server -- ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
};
serverCli('team', 'add', 'Tuki');
serverCli('user', 'add', '--email', 'tiina@example.com', '--name', 'Tiina Tarkastaja', '--role', 'lead', '--team', 'Tuki');
for (const [email, name] of [['mikko@example.com', 'Mikko Laine'], ['sara@example.com', 'Sara Koskinen'], ['aino@example.com', 'Aino Lahtinen']]) {
  serverCli('user', 'add', '--email', email, '--name', name, '--role', 'agent', '--team', 'Tuki');
}
// Two more reviewers, so that the lead has a team to calibrate with.
for (const [email, name] of [['kalle@example.com', 'Kalle Kouvo'], ['leena@example.com', 'Leena Laakso']]) {
  serverCli('user', 'add', '--email', email, '--name', name, '--role', 'reviewer', '--team', 'Tuki');
}
const tokenOf = (email) => serverCli('token', 'create', email).split('\n').at(-1);
const token = tokenOf('tiina@example.com');
// Teammates whose own Arvio the demo plays through the backend's API: two reviewers calibrating, an agent disputing.
const teammates = Object.fromEntries(['kalle@example.com', 'leena@example.com', 'mikko@example.com'].map((email) => [email, tokenOf(email)]));
const backend = spawn('node', ['server/dist/main.mjs'], { cwd: root, env: serverEnv, stdio: ['ignore', 'pipe', 'inherit'] });
// Temp folders made for this run (the backend's data, the browser profile) go when it ends.
const temporary = [serverEnv.ARVIO_DATA_DIR];
process.on('exit', () => {
  backend.kill();
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});
const backendUrl = await new Promise((resolveUrl, reject) => {
  let out = '';
  backend.stdout.on('data', (chunk) => {
    out += chunk;
    const found = /Arvio server on (\S+)/.exec(out);
    if (found) resolveUrl(found[1]);
  });
  backend.once('exit', (code) => reject(new Error(`the team backend stopped (exit code ${code})`)));
});
console.log(`Team backend (PGlite): ${backendUrl}`);

/** A teammate's Arvio talking to the backend: their documents (pulled to the end), and a push of changes. */
async function api(email, path, body) {
  const response = await fetch(`${backendUrl}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${teammates[email]}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${path} as ${email}: ${response.status} ${await response.text()}`);
  return response.json();
}
async function docsOf(email, collection) {
  const docs = [];
  for (let since = 0, more = true; more; ) {
    const page = await api(email, `/v1/sync/pull?since=${since}`);
    docs.push(...page.docs.filter((d) => d.collection === collection).map((d) => d.doc));
    ({ checkpoint: since, more } = page);
  }
  return docs;
}
async function waitForDocs(email, collection, wanted = () => true) {
  for (let i = 0; i < 300; i += 1) {
    const found = (await docsOf(email, collection)).filter(wanted);
    if (found.length > 0) return found;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`${email} never received ${collection}`);
}
const pushAs = (email, changes) => api(email, '/v1/sync/push', { changes });

const profile = process.env.ARVIO_DEMO_PROFILE ?? mkdtempSync(join(tmpdir(), 'arvio-demo-'));
if (!process.env.ARVIO_DEMO_PROFILE) temporary.push(profile);
// The demo helpdesk shows its times in Helsinki time; so does the browser, sidebar included (TZ is read by Chromium at start).
const DEMO_TIME_ZONE = 'Europe/Helsinki';
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  env: { ...process.env, TZ: DEMO_TIME_ZONE },
  timezoneId: DEMO_TIME_ZONE,
  headless: false,
  viewport: headless ? { width: 1440, height: 900 } : null,
  args: [
    ...(headless ? ['--headless=new'] : []),
    '--no-sandbox',
    `--disable-extensions-except=${extension}`,
    `--load-extension=${extension}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
let [worker] = context.serviceWorkers();
worker ??= await context.waitForEvent('serviceworker');
const extensionId = new URL(worker.url()).host;

// A reviewer identity, so reviews can be submitted at once.
const options = await context.newPage();
await options.goto(`chrome-extension://${extensionId}/options.html`);
await options.locator('#identity-name').fill('Tiina Tarkastaja');
await options.locator('#identity-email').fill('tiina@example.com');
await options.locator('#identity-email').press('Enter');
await options.getByRole('status').filter({ hasText: /Saved|Tallennettu/ }).waitFor();
// Connected to the team backend as the lead: reviews sync, and the dashboard can export the team's.
await options.getByLabel(/Backend address|Palvelimen osoite/).fill(backendUrl);
await options.getByLabel(/Access token|Käyttöavain/).fill(token);
await options.getByRole('button', { name: /Save and connect|Tallenna ja yhdistä/ }).click();
await options.getByTestId('sync-status-details').filter({ hasText: /Everything is synced|Kaikki on synkronoitu/ }).waitFor({ timeout: 30_000 });

// The team's earlier reviews, imported as a lead does (Dashboard → Export and import); they sync to the backend.
const importer = await context.newPage();
await importer.goto(`chrome-extension://${extensionId}/dashboard.html`);
await importer.getByRole('tab', { name: /Export and import|Vienti ja tuonti/ }).click();
await importer.locator('#import-file').setInputFiles(seedFile);
await importer.getByText(/Imported: \d+ new|Tuotu: \d+ uutta/).waitFor({ timeout: 60_000 });
await importer.close();

// Mikko, one of the agents, disputes his newest review from his own Arvio: the lead has a dispute waiting.
const mikko = { id: 'mikko@example.com', name: 'Mikko Laine' };
const [newest] = (await waitForDocs(mikko.id, 'reviews')).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
await pushAs(mikko.id, [seed.demoDispute(newest, mikko, new Date())]);
await options.getByRole('button', { name: /Sync now|Synkronoi nyt/ }).click();

const page = await context.newPage();
await page.goto(`${demo.url}/agent/tickets/102`);
await page.locator('arvio-dock button.toggle').click();
const frame = await (async () => {
  for (let i = 0; i < 200; i += 1) {
    const found = page.frames().find((f) => f.url().includes('/sidebar.html'));
    if (found) return found;
    await page.waitForTimeout(25);
  }
  throw new Error('the sidebar did not open');
})();
await frame.locator('.ticket-subject').waitFor();
// The sidebar's content, not only the ticket's title: the review tab ready to start, nothing loading.
await frame.getByRole('button', { name: 'Start review' }).waitFor();
for (let i = 0; i < 400 && (await frame.getByText('Loading…').count()) > 0; i += 1) await page.waitForTimeout(25);

if (!headless) {
  await options.close();
  console.log('\nArvio is running in the Chromium window. Close the window (or press Ctrl+C) to stop.');
  await new Promise((done) => context.on('close', done));
  await demo.close();
  process.exit(0); // the exit handler stops the backend and removes the temp folders
}

mkdirSync(shotsDir, { recursive: true });
const shots = [];
const shoot = async (target, name) => {
  const path = join(shotsDir, `${name}.png`);
  await target.screenshot({ path });
  shots.push(path);
};

await shoot(page, '1-ticket-with-sidebar');
await frame.getByRole('button', { name: 'Start review' }).click();
for (const key of ['3', '2', '4', '4', '3', '2']) {
  await page.keyboard.press(key);
  await page.waitForTimeout(30);
}
await frame.locator('#strengths').fill('Friendly tone and clear steps.');
await frame.locator('[role="radiogroup"]').first().locator('[role="radio"]').nth(1).hover();
await shoot(page, '2-scoring-by-keyboard');
// Finish the review by keyboard and submit, so the history and the dashboard have something to show.
const open = frame.locator('.review-form [data-criterion]:not(.done)');
for (let guard = 0; guard < 50 && (await open.count()) > 0; guard += 1) {
  const levels = open.first().locator('[role="radio"]:not(.level-na)');
  await levels.first().focus();
  await page.keyboard.press(String(await levels.count())); // the top level
  await page.waitForTimeout(20);
}
await page.keyboard.press('Control+Enter');
await frame.getByRole('status').filter({ hasText: 'Review saved.' }).waitFor();
await frame.getByRole('tab', { name: /Conversation/ }).click();
await shoot(page, '3-conversation');

// The agent's view: a draft reply with hints by the composer, and the self-check.
const editor = page.locator('[data-test-id="ticket-pane"]:not([hidden]) [data-test-id="omnicomposer-rich-text-ckeditor"], [data-side-conversations-anchor-id]:not([hidden]) [data-test-id="omnicomposer-rich-text-ckeditor"]').first();
await editor.click();
await page.keyboard.type('hi, AS I ALREADY SAID the app needs an update!!! Your card 4111 1111 1111 1111 is fine.');
await page.locator('arvio-badge').waitFor();
await page.locator('arvio-badge').click();
await frame.getByRole('tab', { name: /Self-check/, selected: true }).waitFor();
await frame.locator('.hints > li').first().waitFor();
await shoot(page, '5-self-check');

await options.bringToFront();
await options.reload();
await shoot(options, '4-settings');
await options.getByTestId('sync-status-details').filter({ hasText: /Everything is synced|Kaikki on synkronoitu/ }).waitFor({ timeout: 30_000 });
await options.getByRole('heading', { name: /Team backend|Tiimin palvelin/ }).evaluate((heading) => heading.closest('section, fieldset')?.scrollIntoView());
await shoot(options, '7-team-backend');
const dashboard = await context.newPage();
await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
await dashboard.waitForTimeout(1500);
await shoot(dashboard, '6-dashboard');

// Calibration: the lead starts a session on this ticket with the two reviewers and herself.
await page.bringToFront();
await frame.getByRole('tab', { name: 'Calibration' }).click();
await frame.getByRole('button', { name: 'Calibrate this ticket' }).click();
for (const email of ['tiina@example.com', 'kalle@example.com', 'leena@example.com']) {
  await frame.getByRole('checkbox', { name: new RegExp(email.replace(/\./g, '\\.')) }).check();
}
await frame.getByRole('button', { name: 'Start session' }).click();
await frame.getByRole('status').filter({ hasText: 'Session started' }).waitFor();
await options.getByRole('button', { name: 'Sync now' }).click();
// Kalle and Leena score it blind in their own Arvio.
const [session] = await waitForDocs('kalle@example.com', 'calibrationSessions');
for (const [offset, email] of ['kalle@example.com', 'leena@example.com'].entries()) {
  await pushAs(email, seed.demoCalibrationRatings(session, email, offset + 1, new Date()));
}
// The lead scores blind by keyboard, then reveals: everyone's ratings side by side, with the agreement figures.
await frame.locator('.calibration-session [data-criterion]').first().waitFor();
const unrated = frame.locator('.calibration-session [data-criterion]:not(.done)');
for (let guard = 0; guard < 50 && (await unrated.count()) > 0; guard += 1) {
  const levels = unrated.first().locator('[role="radio"]:not(.level-na)');
  await levels.first().focus();
  await page.keyboard.press(String(await levels.count()));
  await page.waitForTimeout(20);
}
await page.keyboard.press('Control+Enter');
await frame.getByText('You submitted your ratings of this ticket.').waitFor();
await options.getByRole('button', { name: 'Sync now' }).click();
await frame.getByRole('button', { name: 'Reveal the scores to everyone' }).click();
const alpha = frame.getByTestId('session-alpha');
// The alpha is a number once Kalle's and Leena's ratings have come down ('' while there are too few to tell).
for (let i = 0; i < 300 && !(await alpha.getAttribute('data-alpha').catch(() => null)); i += 1) {
  if (i % 25 === 0) await options.getByRole('button', { name: 'Sync now' }).click();
  await page.waitForTimeout(100);
}
if (!(await alpha.getAttribute('data-alpha'))) throw new Error('the reveal never showed the teammates’ ratings');
await alpha.scrollIntoViewIfNeeded();
await shoot(page, '8-calibration');
// Coaching, disputes and ideas.
await frame.getByRole('tab', { name: 'Ideas' }).click();
await frame.getByRole('tab', { name: 'Ideas', selected: true }).waitFor();
await page.waitForTimeout(800);
await shoot(page, '11-ideas');
const coaching = await context.newPage();
await coaching.goto(`chrome-extension://${extensionId}/coaching.html`);
await coaching.waitForTimeout(1500);
await shoot(coaching, '9-coaching');
// Preparing a session with Mikko: his evidence since the last session, a review pinned, his two weakest
// criteria as the period's focus (the self-check then shows them first while he writes), an agreed action.
await coaching.getByRole('button', { name: 'Prepare session with Mikko Laine' }).click();
await coaching.locator('[data-testid="evidence"][data-state="ready"]').waitFor({ timeout: 30_000 });
await coaching.getByRole('button', { name: /^Pin the review of ticket/ }).first().click();
await coaching.getByLabel('Scorecard').selectOption({ label: 'Written message (e-mail)' });
for (const criterion of ['Closing', "Customer's name"]) await coaching.getByRole('checkbox', { name: criterion, exact: true }).check();
await coaching.getByRole('button', { name: 'Add an action' }).click();
await coaching.getByLabel('Action 1', { exact: true }).fill('Greet by name and close with a summary of what happens next');
await coaching.getByRole('button', { name: 'Mark as held' }).click();
await coaching.getByRole('button', { name: 'Update the coaching period' }).waitFor();
await coaching.getByRole('heading', { name: 'Focus criteria' }).evaluate((heading) => heading.scrollIntoView());
await shoot(coaching, '12-coaching-session');
await dashboard.bringToFront();
await dashboard.getByRole('tab', { name: 'Disputes' }).click();
await dashboard.getByText('Mikko Laine').first().waitFor();
await shoot(dashboard, '10-disputes');

console.log('\nHeadless run (no display). Screenshots:');
// Taken in the order the story needs; listed in the order of their numbers.
for (const path of [...shots].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) console.log(`  ${path}`);
await context.close();
await demo.close();
backend.kill();
