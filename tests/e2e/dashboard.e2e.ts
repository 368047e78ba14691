// A lead in real Chromium: imports a seeded JSON file, filters the dashboard to one agent, sees the scoring formula's numbers, downloads CSVs and JSON; in English and Finnish.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { localDateTime } from '../../lib/export/csv';
import { REVIEW_COLUMNS } from '../../lib/export/columns';
import { formatPercent, translator, type MessageKey } from '../../lib/i18n';
import type { Review } from '../../lib/model/review';
import { AGENTS, CARDS, makeReview, makeReviews, rng } from '../unit/db/factory';
import { expectedFigures } from '../unit/dashboard/oracle';
import { browsersPerTest, expectAccessible, freshProfileDir } from './harness';

const browsers = browsersPerTest();

const seeded = makeReviews(160, 7);
seeded[5] = { ...seeded[5]!, deleted: true, revision: 2 };
const live = seeded.filter((r) => !r.deleted);
const AGENT = AGENTS[1]!;
const agentReviews = live.filter((r) => r.reviewee.id === AGENT.id);
const wanted = expectedFigures(agentReviews, CARDS);
/** The cards this agent was reviewed on. */
const wantedCards = CARDS.filter((c) => agentReviews.some((r) => r.scorecardId === c.id));

function seedFile(): string {
  const path = join(freshProfileDir(), 'seed.json');
  const file = { format: 'arvio.export', version: 1, exportedAt: '2026-07-01T00:00:00.000Z', scorecards: CARDS, selfChecks: [], reviews: seeded };
  writeFileSync(path, JSON.stringify(file));
  return path;
}

async function download(page: Page, button: RegExp): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

function parseCsv(text: string, delimiter: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<string[]>(text.slice(1), { delimiter, newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

async function story(locale: string, lang: 'en' | 'fi', names: Record<string, RegExp>, delimiter: ',' | ';') {
  const browser = await browsers.launch({ locale, timeZone: 'UTC' });
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
  await page.locator('main[data-state="ready"]').waitFor();

  // Seed through the real import control.
  await page.getByRole('tab', { name: names.exportTab! }).click();
  await page.locator('#import-file').setInputFiles(seedFile());
  await expect.poll(() => page.locator('.import-status').textContent(), { timeout: 20_000 }).toMatch(lang === 'fi' ? /160 uutta/ : /160 new/);

  // Filter to one agent over the seeded months.
  await page.getByRole('tab', { name: names.teamTab! }).click();
  await page.locator('#f-from').fill('2026-01');
  await page.locator('#f-to').fill('2026-06');
  await page.getByLabel(names.agent!, { exact: true }).selectOption(AGENT.id);
  // The calendar the months are counted in, named in the UI's language.
  expect(await page.locator('#f-zone').textContent()).toBe(lang === 'fi' ? 'Kuukaudet ja viikot aikavyöhykkeen mukaan: UTC-yleisaika' : 'Months and weeks in Coordinated Universal Time');
  await page.locator(`main[data-state="ready"][data-filter*='"agent":"${AGENT.id}"'][data-filter*='"from":"2026-01"'][data-filter*='"to":"2026-06"']`).waitFor();
  const kpi = (cls: string) => page.locator(`.${cls} dd`).textContent();
  expect(await kpi('kpi-reviews')).toBe(String(agentReviews.length));
  expect(await kpi('kpi-quality')).toBe(formatPercent(lang, wanted.qualityScore!));
  expect(await kpi('kpi-pass')).toBe(formatPercent(lang, wanted.passRate!));
  expect(await page.locator('.trend-table tbody tr').count()).toBe(new Set(agentReviews.map((r) => r.createdAt.slice(0, 7))).size);
  expect(await page.locator('.plot canvas').count()).toBeGreaterThan(0);
  // The trend's legend speaks the UI's language, down to the entry for the hovered period.
  expect(await page.locator('.u-legend .u-series').first().locator('.u-label').textContent()).toBe(lang === 'fi' ? 'Jakso' : 'Period');
  // With nothing hovered the legend is a key of the series; pointing at the chart shows a period's figures.
  const trend = page.locator('.chart', { has: page.locator('.trend-table') }).locator('.uplot');
  expect(await trend.evaluate((el) => el.classList.contains('idle'))).toBe(true);
  expect(await trend.locator('.u-legend .u-series').first().isVisible()).toBe(false);
  const overlay = trend.locator('.u-over');
  const box = (await overlay.boundingBox())!;
  await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2);
  await expect.poll(() => trend.evaluate((el) => el.classList.contains('idle'))).toBe(false);
  expect(await trend.locator('.u-legend .u-series').first().isVisible()).toBe(true);
  await page.mouse.move(0, 0);
  await expect.poll(() => trend.evaluate((el) => el.classList.contains('idle'))).toBe(true);
  // Helpdesks by their product names; each card's criteria on their own rows, named with the card.
  expect(await page.locator('#f-helpdesk option').allTextContents()).toEqual([lang === 'fi' ? 'Kaikki' : 'All', 'Freshdesk', 'Zendesk']);
  const toneCards = new Set(wantedCards.filter((c) => c.criteria.some((x) => x.id === 'tone')).map((c) => c.id));
  const toneRows = page.locator('.criteria-table tr[data-criterion="tone"]');
  expect((await toneRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-scorecard')))).sort()).toEqual([...toneCards].sort());
  for (const card of CARDS.filter((c) => toneCards.has(c.id))) {
    const title = card.criteria.find((c) => c.id === 'tone')!.title;
    const named = translator(lang)('figures.criteria.ofCard', { title, card: card.name });
    expect(await page.locator(`.criteria-table tr[data-criterion="tone"][data-scorecard="${card.id}"] th`).textContent()).toContain(named);
  }
  await expectAccessible(page);

  // Export both CSV shapes and the JSON.
  await page.getByRole('tab', { name: names.exportTab! }).click();
  expect(await page.locator('#delimiter').inputValue()).toBe(delimiter);
  const perReview = await download(page, names.csv!);
  expect(perReview.name).toMatch(/^arvio-reviews-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parseCsv(perReview.text, delimiter);
  expect(rows).toHaveLength(live.length + 1);
  const header = rows[0]!;
  // The semicolon (Finnish Excel) form: headers in the UI's language, times in the browser's zone, named in the header.
  const timeZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const named = (id: string) => (delimiter === ';' ? translator(lang)(`export.col.${id}` as MessageKey, { timeZone }) : id);
  const col = (id: string) => header.indexOf(named(id));
  expect(header).toEqual(REVIEW_COLUMNS.map(named));
  const byId = new Map(rows.slice(1).map((r) => [r[0], r]));
  const sample = agentReviews[0]!;
  const row = byId.get(sample.id)!;
  expect(row[col('feedback')]).toBe(sample.feedback);
  expect(row[col('revieweeName')]).toBe(AGENT.name);
  expect(row[col('revieweeEmail')]).toBe(AGENT.id);
  expect(row[col('createdAt')]).toBe(delimiter === ';' ? localDateTime(sample.createdAt, timeZone) : sample.createdAt);
  const score = sample.score === null ? '' : (sample.score * 100).toFixed(1);
  expect(row[col('score')]).toBe(delimiter === ';' ? score.replace('.', ',') : score);
  expect(byId.has(seeded[5]!.id)).toBe(false);

  await page.getByRole('radio', { name: names.ratingsShape! }).check();
  const perRating = await download(page, names.csv!);
  expect(perRating.name).toMatch(/^arvio-ratings-/);
  const ratingRows = parseCsv(perRating.text, delimiter);
  expect(ratingRows).toHaveLength(1 + live.reduce((a, r) => a + r.ratings.length, 0));

  const json = await download(page, names.json!);
  const file = JSON.parse(json.text) as { format: string; version: number; reviews: Review[] };
  expect(file.format).toBe('arvio.export');
  const byIdJson = (xs: Review[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
  expect(byIdJson(file.reviews)).toEqual(byIdJson(seeded));
  await expectAccessible(page);
}

describe('dashboard and exports in Chromium', () => {
  it('a bad file is refused with the field named, and nothing is imported', async () => {
    const browser = await browsers.launch();
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
    await page.locator('main[data-state="ready"]').waitFor();
    const file = JSON.parse(readFileSync(seedFile(), 'utf8')) as { reviews: Record<string, unknown>[] };
    file.reviews[150]!.score = 2;
    const path = join(freshProfileDir(), 'bad.json');
    writeFileSync(path, JSON.stringify(file));
    await page.getByRole('tab', { name: /Export and import/ }).click();
    await page.locator('#import-file').setInputFiles(path);
    const error = page.locator('.import-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('Nothing was imported. reviews[150].score: This must be at most 1.');
    await page.getByRole('tab', { name: /^Team$/ }).click();
    await page.locator('main[data-state="ready"]').waitFor();
    expect(await page.locator('.kpi-reviews dd').textContent()).toBe('0');
  });

  it('months are the computer’s calendar: a review made at 00:30 on 1 February in Helsinki counts in February there, in January in UTC', async () => {
    const random = rng(21);
    const reviews = [
      makeReview({ id: 'jan', random, createdAt: '2026-01-15T10:00:00.000Z' }),
      // 22:30 UTC on 31 January is 00:30 on 1 February in Helsinki (UTC+2).
      makeReview({ id: 'midnight', random, createdAt: '2026-01-31T22:30:00.000Z' }),
      makeReview({ id: 'feb', random, createdAt: '2026-02-10T10:00:00.000Z' }),
    ];
    const path = join(freshProfileDir(), 'midnight.json');
    writeFileSync(path, JSON.stringify({ format: 'arvio.export', version: 1, exportedAt: '2026-03-01T00:00:00.000Z', scorecards: CARDS, selfChecks: [], reviews }));
    /** The trend table's months and counts in a browser in `timeZone`, after importing the file into its profile when `importing`. */
    const months = async (timeZone: string, zoneName: string, importing: boolean, profile?: string): Promise<{ cells: string[][]; profile: string }> => {
      const browser = await browsers.launch({ timeZone }, profile);
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
      await page.locator('main[data-state="ready"]').waitFor();
      if (importing) {
        await page.getByRole('tab', { name: /Export and import/ }).click();
        await page.locator('#import-file').setInputFiles(path);
        await expect.poll(() => page.locator('.import-status').textContent(), { timeout: 20_000 }).toMatch(/3 new/);
        await page.getByRole('tab', { name: /^Team$/ }).click();
      }
      await page.locator('#f-from').fill('2026-01');
      await page.locator('#f-to').fill('2026-02');
      await expect.poll(() => page.locator('.kpi-reviews dd').textContent()).toBe('3');
      const rows = page.locator('.trend-table tbody tr');
      await expect.poll(() => rows.count()).toBe(2);
      const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].slice(0, 2).map((c) => c.textContent ?? '')));
      // The filter says which calendar its months are, and the month fields are described by it.
      expect(await page.locator('#f-zone').textContent()).toBe(`Months and weeks in ${zoneName}`);
      await expect.poll(() => page.getByRole('textbox', { name: 'From month', description: `Months and weeks in ${zoneName}` }).count()).toBe(1);
      await browser.close();
      return { cells, profile: browser.userDataDir };
    };
    const helsinki = [
      ['Jan 2026', '1'],
      ['Feb 2026', '2'],
    ];
    expect((await months('Europe/Helsinki', 'Eastern European Time', true)).cells).toEqual(helsinki);
    const utc = await months('UTC', 'Coordinated Universal Time', true);
    expect(utc.cells).toEqual([
      ['Jan 2026', '2'],
      ['Feb 2026', '1'],
    ]);
    // The same profile, its browser started again on a computer that now keeps Helsinki time: its
    // rollups, counted in UTC, are counted again in Helsinki's calendar.
    expect((await months('Europe/Helsinki', 'Eastern European Time', false, utc.profile)).cells).toEqual(helsinki);
  });

  it('a lead filters to one agent, sees the scoring formula’s numbers and downloads CSV (both shapes) and JSON', async () => {
    await story('en-US', 'en', {
      exportTab: /Export and import/,
      teamTab: /^Team$/,
      agent: /^Agent$/,
      csv: /Download CSV/,
      json: /Download JSON/,
      ratingsShape: /One row per criterion rating/,
    }, ',');
  });

  it('the same in Finnish: Finnish labels, decimal commas, semicolons', async () => {
    await story('fi-FI', 'fi', {
      exportTab: /Vienti ja tuonti/,
      teamTab: /^Tiimi$/,
      agent: /^Asiakaspalvelija$/,
      csv: /Lataa CSV/,
      json: /Lataa JSON/,
      ratingsShape: /Yksi rivi kriteerin arvosanaa kohden/,
    }, ';');
  });
});
