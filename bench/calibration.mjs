// Calibration benchmarks in real Chromium: the dashboard's Calibration view over 200 sessions, and the
// reveal of a session with 12 participants × 10 tickets × 20 criteria. Calibration data is stored as a
// pull stores it, through the one writer (bench/calibration-hooks.ts), which keeps each session's
// figures; the view reads sessions and figures only, never the ratings or reviews.
import { emptyPageFirstPaint, reportedBy, settle, startupOf } from './browser.mjs';
import { profileDir } from './dashboard.mjs';
import { median } from './stats.mjs';
import { startProfile } from './coaching-profile.mjs';


const RUNS = 9;
const SESSIONS = 200;

/** Seeds the profile (inside the dashboard page of the bench build): a 20-criterion card, 200 small sessions and one big revealed one. */
export function seed({ sessions }) {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('arvio');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const database = request.result;
      const read = database.transaction('scorecards').objectStore('scorecards').getAll();
      read.onsuccess = () => {
        const template = read.result.find((c) => c.status === 'published' && c.criteria.length > 0);
        const criteria = Array.from({ length: 20 }, (_, i) => ({
          ...template.criteria[i % template.criteria.length],
          id: `c${i}`,
          title: `Criterion ${i + 1}`,
          scale: 'five',
          levels: [0, 1, 2, 3, 4].map((value) => ({ value, label: `Level ${value + 1}`, target: 'Described target level.' })),
          critical: null,
        }));
        const card = { ...template, id: 'bench-cal-card', templateId: null, version: 1, name: 'Bench calibration card', criteria, groups: template.groups };
        criteria.forEach((c) => (c.groupId = template.groups[0].id));
        let a = 16;
        const random = () => ((a = (a * 1103515245 + 12345) % 2147483648) / 2147483648);
        const people = Array.from({ length: 12 }, (_, i) => `reviewer${i}@bench.test`);
        const sessionDocs = [];
        const ratingDocs = [];
        const make = (id, title, tickets, participants, createdAt, revealed) => {
          const ticketRefs = Array.from({ length: tickets }, (_, t) => ({
            ticketKey: `zendesk:${id}-${t}`,
            ticket: { helpdesk: 'zendesk', ticketId: `${id}-${t}`, url: '', subject: '', channel: 'email' },
          }));
          sessionDocs.push({
            id, team: 'team-bench', title, startedBy: people[0], facilitator: people[0], scorecardId: card.id, scorecardVersion: 1,
            tickets: ticketRefs, participants, deadline: createdAt, hideAgent: true, namesShown: true, revealMode: 'facilitator-reveals',
            revealedAt: revealed ? createdAt : null, status: revealed ? 'revealed' : 'open', agreed: [], clarifications: [],
            alignments: revealed ? participants.map((p) => ({ participant: p, alignment: 0.7 + random() * 0.3, rated: 20 })) : [],
            createdAt, updatedAt: createdAt, deleted: false,
          });
          for (const participant of participants) {
            for (const { ticketKey } of ticketRefs) {
              ratingDocs.push({
                id: `${id}|${participant}|${ticketKey}`, sessionId: id, team: 'team-bench', ticketKey, participant,
                ratings: criteria.map((c) => ({ criterionId: c.id, value: Math.min(4, Math.floor(random() * 2) + 2 + (random() < 0.2 ? -2 : 0)), na: false, comment: '' })),
                submittedAt: createdAt, createdAt, updatedAt: createdAt,
              });
            }
          }
        };
        for (let i = 0; i < sessions; i++) {
          const month = String((i % 12) + 1).padStart(2, '0');
          make(`bench-${i}`, `Session ${i}`, 2, people.slice(0, 3 + (i % 4)), `2025-${month}-${String((i % 27) + 1).padStart(2, '0')}T10:00:00.000Z`, true);
        }
        make('bench-big', 'Big session', 10, people, '2026-01-15T10:00:00.000Z', true);
        database.close();
        globalThis.arvioCalibrationBench.store({ card, sessions: sessionDocs, ratings: ratingDocs }).then(() => resolve(sessionDocs.length), reject);
      };
    };
  });
}

export async function benchCalibration({ context, extensionId, record }) {
  const page = await context.newPage();
  const url = `chrome-extension://${extensionId}/dashboard.html#calibration`;
  // The view is ready when the sessions table holds every session: time since navigation start.
  await page.addInitScript(() => {
    performance.mark('calibration:view-start');
    const observer = new MutationObserver(() => {
      const view = document.querySelector('.calibration-view[data-sessions]');
      if (view) {
        performance.mark('calibration:view-shown');
        console.debug(`arvio-bench-calibration ${performance.now()} ${view.dataset.sessions}`);
        observer.disconnect();
      }
    });
    observer.observe(document, { subtree: true, childList: true });
  });
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await page.locator('main').waitFor();
  await page.waitForFunction(() => globalThis.arvioCalibrationBench !== undefined);
  const seeded = await page.evaluate(seed, { sessions: SESSIONS });
  // IndexedDB goes on flushing after a large write: measure once it is at rest.
  await settle(await profileDir(context));
  const view = [];
  const startup = [];
  const reveal = [];
  const openTicket = [];
  const raw = [];
  const plain = [];
  for (let i = 0; i <= RUNS; i++) {
    // A fresh load each time (a navigation to the same URL with a hash would not reload the page).
    await page.goto('about:blank');
    const stamps = reportedBy(page, 'arvio-bench-calibration', 'the Calibration view did not show its sessions');
    await page.goto(url);
    const [at, sessions] = await stamps;
    if (Number(sessions) !== seeded) throw new Error(`the Calibration view showed ${sessions} sessions, seeded ${seeded}`);
    const ready = Number(at);
    const started = await startupOf(page);
    // The reveal of the big session, from the click to what its first screen shows in the DOM: the
    // session summary (alpha and agreement per criterion, each participant's score per ticket) and the
    // first ticket's ratings side by side (the other tickets' tables are built when opened).
    const took = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const button = [...document.querySelectorAll('.calibration-sessions button')].find((b) => b.textContent === 'Big session');
          const t0 = performance.now();
          const observer = new MutationObserver(() => {
            const open = document.querySelector('.calibration-open');
            if (open && open.querySelector('.reveal-scores') && open.querySelector('details[open] .reveal-table')) {
              observer.disconnect();
              resolve(performance.now() - t0);
            }
          });
          observer.observe(document.body, { subtree: true, childList: true });
          button.click();
        }),
    );
    // Opening the last ticket's disclosure: from the click to its table in the DOM.
    const opened = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const last = [...document.querySelectorAll('.calibration-open details.reveal-ticket')].at(-1);
          const t0 = performance.now();
          const observer = new MutationObserver(() => {
            if (last.querySelector('.reveal-table')) {
              observer.disconnect();
              resolve(performance.now() - t0);
            }
          });
          observer.observe(last, { subtree: true, childList: true });
          last.querySelector('summary').click();
        }),
    );
    // Same-run baseline of the view: reading what it reads (the sessions and their kept figures) with raw IndexedDB getAll in this page.
    const read = await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const t0 = performance.now();
          const request = indexedDB.open('arvio');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const database = request.result;
            const tx = database.transaction(['calibrationSessions', 'calibrationFigures']);
            tx.objectStore('calibrationSessions').getAll();
            tx.objectStore('calibrationFigures').getAll();
            tx.oncomplete = () => {
              database.close();
              resolve(performance.now() - t0);
            };
          };
        }),
    );
    // Same-run baseline of the reveal: the same first screen (the per-criterion table, 13 × 11 scores,
    // one ticket's 20 criteria × 17 columns) as one innerHTML string, inserted and laid out, with no figures computed.
    const html = await page.evaluate(() => {
      const cells = (n, tag) => Array.from({ length: n }, (_, i) => `<${tag}>${i}</${tag}>`).join('');
      const table = (rows, columns) => `<table class="reveal-table"><thead><tr>${cells(columns, 'th')}</tr></thead><tbody>${Array.from({ length: rows }, () => `<tr>${cells(columns, 'td')}</tr>`).join('')}</tbody></table>`;
      const markup = table(20, 4) + table(13, 11) + table(21, 17);
      const t0 = performance.now();
      const host = document.createElement('div');
      host.innerHTML = markup;
      document.body.append(host);
      void host.offsetHeight;
      const took = performance.now() - t0;
      host.remove();
      return took;
    });
    if (i === 0) continue; // warm-up
    view.push(ready);
    startup.push(started);
    reveal.push(took);
    openTicket.push(opened);
    raw.push(read);
    plain.push(html);
  }
  if (process.env.ARVIO_BENCH_PROFILE) {
    // One more load, traced (bench/coaching-profile.mjs); not among the figures.
    await page.goto('about:blank');
    const profile = await startProfile(context, page, process.env.ARVIO_BENCH_PROFILE);
    const stamps = reportedBy(page, 'arvio-bench-calibration', 'the Calibration view did not show its sessions');
    await page.goto(url);
    await stamps;
    await profile.stop('calibration-view', ['calibration:view-start', 'calibration:view-shown']);
  }
  await page.close();
  const floor = await emptyPageFirstPaint(context, extensionId);
  record({ name: 'calibration.emptyExtensionPage.firstPaint', value: floor.value, runs: floor.runs });
  record({ name: `idb.getAll.calibration.${SESSIONS}-sessions-and-figures`, value: median(raw), runs: raw.length });
  // The same loads' start-up (navigation → DOMContentLoaded): the part of the view's first render before its own reads.
  record({ name: 'calibration.view.startup.domContentLoaded', value: median(startup), runs: startup.length });
  record({
    name: `calibration.view.firstRender.${SESSIONS}-sessions`,
    value: median(view),
    runs: view.length,
    budget: 300,
    baseline: `idb.getAll.calibration.${SESSIONS}-sessions-and-figures`,
    baselineValue: median(raw),
  });
  record({ name: 'dom.innerHTML.reveal-first-screen.12x10x20', value: median(plain), runs: plain.length });
  record({
    name: 'calibration.reveal.firstRender.12x10x20',
    value: median(reveal),
    runs: reveal.length,
    budget: 150,
    baseline: 'dom.innerHTML.reveal-first-screen.12x10x20',
    baselineValue: median(plain),
  });
  record({ name: 'calibration.reveal.openTicket.12x20', value: median(openTicket), runs: openTicket.length });
}
