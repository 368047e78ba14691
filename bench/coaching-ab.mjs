// Two bench builds of the coaching page compared load by load, in one browser (not a figure of
// `npm run bench`; how the plan's changes were decided). Machines here drift by tens of ms between
// minutes, so two runs of `npm run bench -- coaching` minutes apart cannot tell 10 ms apart; here both
// builds run as two extensions in one browser, each with its own profile seeded alike, and their plan
// loads alternate (A B, B A, …). Prints each build's medians and the median of the paired differences.
//
//   ARVIO_BENCH=1 npx wxt build && cp -r .output/chrome-mv3-bench /tmp/build-a   (then the other change)
//   node bench/coaching-ab.mjs /tmp/build-a /tmp/build-b
//
// ARVIO_BENCH_AB_RUNS: pairs of loads (default 30); ARVIO_BENCH_REVIEWS: reviews per profile (default
// 10,000 here: the plan reads no reviews, and seeding two profiles of 100,000 takes minutes).
import { launchBrowser, settle, startupOf } from './browser.mjs';
import { planLoad, seedCoaching, stampPlan } from './coaching.mjs';
import { median } from './stats.mjs';

const builds = process.argv.slice(2);
if (builds.length !== 2) throw new Error('usage: node bench/coaching-ab.mjs <bench build A> <bench build B>');
const RUNS = Number(process.env.ARVIO_BENCH_AB_RUNS ?? 30);
const REVIEWS = Number(process.env.ARVIO_BENCH_REVIEWS ?? 10_000);

const browser = await launchBrowser(true, 'arvio-bench-coaching-ab-', { extensions: builds });
try {
  const pages = new Map();
  for (const build of builds) {
    const page = await browser.context.newPage();
    await stampPlan(page);
    await seedCoaching(page, browser.extensionIds.get(build), REVIEWS);
    pages.set(build, { page, url: `chrome-extension://${browser.extensionIds.get(build)}/coaching.html#plan` });
  }
  await settle(browser.dir);
  const times = new Map(builds.map((build) => [build, { shown: [], startup: [] }]));
  for (let i = 0; i <= RUNS; i++) {
    for (const build of i % 2 ? builds : [...builds].reverse()) {
      const { page, url } = pages.get(build);
      const { shown } = await planLoad(page, url);
      const startup = await startupOf(page);
      if (i === 0) continue; // warm-up
      times.get(build).shown.push(shown);
      times.get(build).startup.push(startup);
    }
  }
  const [a, b] = builds.map((build) => times.get(build));
  for (const build of builds) {
    const { shown, startup } = times.get(build);
    console.log(`${build}: plan ${median(shown).toFixed(1)} ms, start-up ${median(startup).toFixed(1)} ms (medians of ${shown.length})`);
  }
  const paired = (key) => median(b[key].map((value, i) => value - a[key][i])).toFixed(1);
  console.log(`B − A, paired: plan ${paired('shown')} ms, start-up ${paired('startup')} ms`);
} finally {
  await browser.close();
}
