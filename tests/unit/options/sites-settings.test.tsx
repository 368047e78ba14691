// Reported pages in the options: each names its helpdesk as the product is called and its time as the user reads dates.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { listPageReports, savePageReport } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n';
import type { Language } from '@/lib/model';
import { SitesSettings } from '@/entrypoints/options/SitesSettings';
import { freshDb } from '../db/fresh';

afterEach(cleanup);

const report = (helpdesk: string, ticket: number) => ({ url: `https://support.example.com/tickets/${ticket}`, helpdesk, html: '<main></main>', diagnostics: { matched: {}, counts: {}, notes: [] } });

async function reportsShown(lang: Language): Promise<{ lines: string[]; at: string[] }> {
  freshDb(`sites-settings-${lang}`);
  await savePageReport(report('helpscout', 1));
  await new Promise((resolve) => setTimeout(resolve, 2));
  await savePageReport(report('generic', 2));
  const at = (await listPageReports()).map((r) => r.at);
  render(
    <I18nProvider fixed={lang}>
      <SitesSettings />
    </I18nProvider>,
  );
  await screen.findByText('https://support.example.com/tickets/2');
  return { lines: [...document.querySelectorAll('.report-list li')].map((li) => li.textContent ?? ''), at };
}

describe('a reported page in the list', () => {
  it.each([
    ['en', 'Other site'],
    ['fi', 'Muu sivusto'],
  ] as const)('in %s reads "(Help Scout, date)" and names the generic fallback in words, never an id or an ISO time', async (lang, generic) => {
    const { lines, at } = await reportsShown(lang);
    expect(lines[0]).toContain(`(${generic}, ${formatDateTime(lang, at[0]!)})`);
    expect(lines[1]).toContain(`(Help Scout, ${formatDateTime(lang, at[1]!)})`);
    expect(lines.join(' ')).not.toMatch(/helpscout|generic|\d{4}-\d\d-\d\dT/);
  });
});
