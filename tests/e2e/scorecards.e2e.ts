// A lead keeps the team's scorecards in real Chromium: export/import between profiles, bad files, versions, print to A4 PDF, Finnish UI.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { exportScorecards } from '../../lib/export/scorecards';
import { templates } from '../../lib/scorecards/templates';
import { browsersPerTest, expectAccessible, freshProfileDir, type ExtensionBrowser } from './harness';

const SHOTS = process.env.ARVIO_SCREENSHOTS ?? '';
const browsers = browsersPerTest();
const launch = (locale = 'en-US') => browsers.launch({ locale });

async function optionsPage(b: ExtensionBrowser): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/options.html`);
  await page.locator('table.cards tbody tr').first().waitFor();
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

function withoutExportTime(json: string): unknown {
  const { exportedAt: _ignored, ...rest } = JSON.parse(json) as { exportedAt: string };
  return rest;
}

async function downloadExport(page: Page, button: RegExp): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  expect(download.suggestedFilename()).toMatch(/^arvio-scorecards-\d{4}-\d{2}-\d{2}\.json$/);
  const path = await download.path();
  return readFileSync(path, 'utf8');
}

/** A template file with one field broken, written where the file input can pick it up. */
function brokenFile(breakIt: (card: Record<string, unknown> & { criteria: Record<string, unknown>[] }) => void): string {
  const file = JSON.parse(exportScorecards([templates[0]!])) as { scorecards: (Record<string, unknown> & { criteria: Record<string, unknown>[] })[] };
  breakIt(file.scorecards[0]!);
  const path = join(freshProfileDir(), 'broken.json');
  writeFileSync(path, JSON.stringify(file));
  return path;
}

describe('scorecards in the options page', () => {
  it('a lead builds a card, exports it, and a fresh profile imports it identically', async () => {
    const first = await launch();
    const page = await optionsPage(first);

    await page.getByRole('button', { name: 'New scorecard' }).click();
    const editor = page.getByRole('region', { name: /^Edit:/ });
    await editor.getByLabel('Name', { exact: true }).fill('Billing e-mails');
    await editor.getByLabel('Chat', { exact: true }).check();
    await editor.getByLabel('Pass mark (%)').fill('75');
    await editor.getByLabel('Title', { exact: true }).fill('Correct invoice answer');
    await editor.getByLabel('Target level of point 4').fill('The invoice question is answered fully and correctly.');
    await editor.getByLabel('Critical', { exact: true }).check();
    await editor.getByLabel('Fails the review below (%)').fill('60');
    await editor.getByRole('button', { name: 'Add criterion to Opening' }).click();
    await editor.getByRole('textbox', { name: 'Title' }).nth(1).fill('Greets by name');
    await editor.getByRole('combobox', { name: 'Scale' }).nth(1).selectOption('binary');
    // Reorder by keyboard: Alt+ArrowUp on the focused criterion moves it, and focus goes with it.
    await editor.getByRole('article', { name: 'Criterion 2 of 2: Greets by name' }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await editor.getByRole('article', { name: 'Criterion 1 of 2: Greets by name' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Criterion 1 of 2: Greets by name');
    await shot(page, 'scorecards-editor-en');
    await expectAccessible(page);
    await editor.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => editor.getByRole('status').filter({ hasText: 'Draft saved' }).count()).toBe(1);
    await editor.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Billing e-mails version 1 is published.' }).waitFor();
    await shot(page, 'scorecards-list-en');
    await expectAccessible(page);

    await page.getByRole('checkbox', { name: 'Select Billing e-mails for export' }).check();
    const exported = await downloadExport(page, /^Export selected \(1\)$/);
    const exportedFile = join(freshProfileDir(), 'export.json');
    writeFileSync(exportedFile, exported);
    const [card] = (JSON.parse(exported) as { scorecards: { criteria: { title: string; scale: string }[] }[] }).scorecards;
    expect(card?.criteria.map((c) => [c.title, c.scale])).toEqual([
      ['Greets by name', 'binary'],
      ['Correct invoice answer', 'four'],
    ]);

    const second = await launch();
    const fresh = await optionsPage(second);
    await fresh.getByLabel('Import scorecards from a JSON file').setInputFiles(exportedFile);
    await fresh.getByRole('status').filter({ hasText: 'Imported 1 scorecard version (1 scorecard).' }).waitFor();
    await fresh.getByRole('checkbox', { name: 'Select Billing e-mails for export' }).check();
    const reexported = await downloadExport(fresh, /^Export selected \(1\)$/);

    expect(withoutExportTime(reexported)).toEqual(withoutExportTime(exported));
  });

  it('a broken file is refused with the field named, and nothing changes', async () => {
    const b = await launch();
    const page = await optionsPage(b);
    const before = await page.locator('section.scorecards').innerText();

    await page.getByLabel('Import scorecards from a JSON file').setInputFiles(brokenFile((card) => delete card.criteria[0]!.scale));
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('criteria[0].scale');
    expect(await alert.innerText()).toBe('Nothing was imported. Field scorecards[0].criteria[0].scale: This is missing.');

    await page.getByLabel('Import scorecards from a JSON file').setInputFiles(
      brokenFile((card) => {
        const levels = card.criteria[0]!.levels as { label: string }[];
        levels[1]!.label = '';
      }),
    );
    await expect.poll(() => alert.innerText()).toContain('criteria[0].levels[1].label');
    expect(await alert.innerText()).toContain('This cannot be empty.');
    await shot(page, 'scorecards-import-error-en');

    expect(await page.locator('section.scorecards').innerText()).toBe(before);
    await page.reload();
    await page.locator('table.cards tbody tr').first().waitFor();
    expect(await page.locator('section.scorecards').innerText()).toBe(before);
  });

  it('editing a published template makes version 2 a draft; publishing it keeps version 1 intact', async () => {
    const b = await launch();
    const page = await optionsPage(b);
    const row = page.locator('tr', { has: page.getByRole('rowheader', { name: /^Written message \(e-mail\)/ }) });
    await row.getByRole('button', { name: 'Edit Written message (e-mail)' }).click();

    await expect.poll(() => page.getByRole('note').innerText()).toContain('Version 1 is published and stays frozen');
    await page.getByRole('textbox', { name: 'Title' }).first().fill('Greeting and thanks');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('status').filter({ hasText: 'Draft saved as version 2.' }).waitFor();
    await page.getByRole('button', { name: 'Back to list' }).click();

    await expect.poll(() => row.innerText()).toContain('Draft');
    expect(await row.innerText()).toContain('v1 stays published');
    await row.getByRole('button', { name: 'Publish Written message (e-mail)' }).click();
    await page.getByRole('status').filter({ hasText: 'version 2 is published' }).waitFor();
    expect(await row.locator('td.num').innerText()).toBe('2');

    const v1 = await b.context.newPage();
    await v1.goto(`chrome-extension://${b.extensionId}/print.html?id=tpl-email-en&version=1`);
    await v1.locator('h1').waitFor();
    const v1Text = await v1.locator('article.sheet').innerText();
    expect(v1Text).toContain('Version 1 · Published');
    expect(v1Text).toContain('Greeting');
    expect(v1Text).not.toContain('Greeting and thanks');
    const original = templates.find((t) => t.id === 'tpl-email-en')!;
    expect(v1Text).toContain(original.criteria[0]!.levels[2]!.target);

    await v1.goto(`chrome-extension://${b.extensionId}/print.html?id=tpl-email-en&version=2`);
    await v1.locator('h1').waitFor();
    expect(await v1.locator('article.sheet').innerText()).toContain('Greeting and thanks');
  });

  it('the print view renders to an A4 PDF with every criterion and target, without UI chrome', async () => {
    const b = await launch();
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/print.html?id=tpl-email-en&version=1`);
    await page.locator('h1').waitFor();
    await shot(page, 'scorecards-print-screen');

    let pdf: Buffer;
    try {
      pdf = await page.pdf({ format: 'A4', printBackground: true });
    } catch {
      // Headful-mode contexts (our --headless=new launch) may refuse page.pdf; CDP prints the same way.
      const cdp = await b.context.newCDPSession(page);
      const { data } = (await cdp.send('Page.printToPDF', { paperWidth: 8.27, paperHeight: 11.69, printBackground: true, preferCSSPageSize: true })) as { data: string };
      pdf = Buffer.from(data, 'base64');
    }
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    // A4 is 595 × 842 points; every page of the PDF has that media box.
    const boxes = pdf.toString('latin1').match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g) ?? [];
    expect(boxes.length).toBeGreaterThan(1);
    for (const box of boxes) expect(box.replace(/\s+/g, ' ')).toMatch(/\[ ?0 0 59[45](\.\d+)? 84[12](\.\d+)? ?\]/);
    if (SHOTS) writeFileSync(join(SHOTS, 'scorecard-email-en.pdf'), pdf);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.toolbar').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    const printed = await page.locator('body').innerText();
    const card = templates.find((t) => t.id === 'tpl-email-en')!;
    for (const c of card.criteria) {
      expect(printed).toContain(c.title);
      for (const level of c.levels) expect(printed).toContain(level.target);
    }
    expect(printed).toContain('Critical: below');
    expect(printed).toContain('Weight');
    // A criterion is never split across pages.
    const breakInside = await page.locator('.criterion').first().evaluate((el) => getComputedStyle(el).breakInside);
    expect(breakInside).toBe('avoid');
    // Levels are numbered from 1, as the sidebar and its keys number them.
    const points = await page.locator('.criterion').first().locator('.point').allTextContents();
    expect(points).toEqual(card.criteria[0]!.levels.map((_, i) => String(i + 1)).reverse());

    // The print page on screen: one main landmark holding everything, and the rest of axe's rules.
    await page.emulateMedia({ media: 'screen' });
    await expectAccessible(page);
  });

  it('in Finnish: the UI is Finnish and a broken file gets a Finnish error naming the field', async () => {
    const b = await launch('fi-FI');
    const page = await optionsPage(b);
    await page.getByRole('heading', { name: 'Arviointilomakkeet' }).waitFor();
    const before = await page.locator('section.scorecards').innerText();

    await page.getByLabel('Tuo lomakkeita JSON-tiedostosta').setInputFiles(brokenFile((card) => delete card.criteria[0]!.scale));
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('criteria[0].scale');
    expect(await alert.innerText()).toBe('Mitään ei tuotu. Kenttä scorecards[0].criteria[0].scale: Tieto puuttuu.');
    await shot(page, 'scorecards-import-error-fi');
    await expectAccessible(page);
    expect(await page.locator('section.scorecards').innerText()).toBe(before);
  });
});
