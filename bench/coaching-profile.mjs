// Where the coaching page's time goes (issue 17): with ARVIO_BENCH_PROFILE=<dir>, bench/coaching.mjs
// records one plan load and one preparation after its measured runs as a Chromium performance trace
// (open it in DevTools' Performance panel) and a V8 CPU profile, and prints a summary: the page's
// main-thread tasks, IndexedDB transactions, and self time by function.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  'IndexedDB',
  'toplevel',
].join(',');

/** Starts a trace and a CPU profile of `page`; `stop(name)` writes both under `dir` and prints the summary. */
export async function startProfile(context, page, dir) {
  mkdirSync(dir, { recursive: true });
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await cdp.send('Profiler.start');
  return {
    async stop(name, marks) {
      const { profile } = await cdp.send('Profiler.stop');
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await done;
      await cdp.detach();
      writeFileSync(join(dir, `${name}.trace.json`), JSON.stringify({ traceEvents: events }));
      writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
      summarize(name, events, profile, marks);
    },
  };
}

function summarize(name, events, profile, marks) {
  console.log(`  profile ${name}:`);
  // The marks (performance.mark in the page, user timing) give the window to look at: the last end mark,
  // and the start mark of its page (the load's about:blank stamps a start too).
  const user = events.filter((e) => e.cat?.includes('blink.user_timing') && marks.includes(e.name));
  const last = user.filter((e) => e.name === marks.at(-1)).sort((a, b) => a.ts - b.ts).at(-1);
  const end = last?.ts ?? NaN;
  const pid = last?.pid;
  const start = Math.max(...user.filter((e) => e.name === marks[0] && e.pid === pid && e.ts <= end).map((e) => e.ts));
  const main = events.find((e) => e.pid === pid && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')?.tid;
  console.log(`    window ${((end - start) / 1000).toFixed(1)} ms (${marks.join(' → ')})`);
  const tasks = events.filter((e) => e.pid === pid && e.tid === main && e.ph === 'X' && e.name === 'RunTask' && e.ts + (e.dur ?? 0) >= start && e.ts <= end);
  const busy = tasks.reduce((s, e) => s + (e.dur ?? 0), 0) / 1000;
  console.log(`    main thread busy ${busy.toFixed(1)} ms in ${tasks.length} tasks; longest: ${tasks.sort((a, b) => b.dur - a.dur).slice(0, 6).map((t) => `${((t.ts - start) / 1000).toFixed(0)}ms+${(t.dur / 1000).toFixed(1)}`).join(', ')}`);
  // Transactions the page opened, and its read requests (each a round trip to the browser's IndexedDB).
  const count = (name) => events.filter((e) => e.name === name && e.ts >= start && e.ts <= end).length;
  const requests = ['IDBIndex::getAllRequestSetup', 'IDBObjectStore::getAllRequestSetup', 'IDBObjectStore::getRequestSetup', 'IDBIndex::openCursorRequestSetup', 'IDBCursor::continueRequestSetup'];
  console.log(`    IndexedDB: ${count('IDBDatabase::transaction')} transactions, ${requests.map((n) => `${count(n)} ${n.replace('RequestSetup', '')}`).join(', ')}`);
  // Self time by function (V8 samples inside the window).
  const t0 = profile.startTime;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let t = t0;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i];
    if (t < start || t > end) return;
    const frame = byId.get(id).callFrame;
    const file = frame.url.split('/').pop();
    const k = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  const top = [...self].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, 15);
  console.log(`    idle ${(self.get('(idle) :0') ?? 0).toFixed(1)} ms; self time:`);
  for (const [k, ms] of top) console.log(`      ${ms.toFixed(1).padStart(7)} ms  ${k}`);
}
