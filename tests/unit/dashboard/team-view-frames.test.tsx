// The team view's first frame holds the key figures; the sections below the first screen follow, and stay for later data.
import { render } from 'preact';
import { waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import type { AgentRow, DashboardData, DashboardFilter } from '@/lib/dashboard';
import { TeamView, TrendChart } from '@/entrypoints/dashboard/TeamView';

// uPlot needs a canvas happy-dom does not have; the charts are not what this test is about.
vi.mock('uplot', () => ({ default: class { static paths = {}; static pxRatio = 1; destroy() {} } }));

const container = document.createElement('div');
afterEach(() => render(null, container));

const totals = { count: 3, scored: 3, sum: 2.4, passes: 2, criticalFails: 0, qualityScore: 0.8, passRate: 2 / 3 };
const agent: AgentRow = { id: 'aino@example.com', name: 'Aino', since: '2026-05', months: { '2026-05': 3 }, ...totals };
const data: DashboardData = {
  totals,
  trend: [{ period: '2026-05', ...totals }],
  distribution: [{ bucket: '8', count: 3 }, { bucket: 'none', count: 0 }],
  criteria: [],
  months: ['2026-05'],
  agents: [agent],
  reviewers: [{ ...agent, id: 'lead@example.com', name: 'Lead' }],
};
const filter: DashboardFilter = { from: '2026-05', to: '2026-05', granularity: 'month', team: null, agent: null, reviewer: null, scorecard: null, channel: null, helpdesk: null };

describe('the team view’s frames', () => {
  it('draws the key figures first, then criteria, coverage and reviewers; new data redraws them at once', async () => {
    const view = (d: DashboardData) => (
      <I18nProvider fixed="en">
        <TeamView data={d} filter={filter} target={4} onTarget={() => undefined} />
      </I18nProvider>
    );
    // Preact's own render, not testing-library's (whose act() runs the effects at once): the first frame as the browser gets it.
    render(view(data), container);
    expect(container.querySelector('.kpi-reviews dd')?.textContent).toBe('3');
    expect(container.querySelector('.agents-table')).toBeNull();
    await waitFor(() => expect(container.querySelector('.agents-table [data-agent="aino@example.com"]')).not.toBeNull());
    expect(container.querySelector('.reviewers-table')).not.toBeNull();
    render(view({ ...data, agents: [{ ...agent, id: 'mikko@example.com', name: 'Mikko' }] }), container);
    expect(container.querySelector('.agents-table [data-agent="mikko@example.com"]')).not.toBeNull();
    expect(container.querySelector('.agents-table [data-agent="aino@example.com"]')).toBeNull();
  });
});

describe('criteria of several cards', () => {
  it('name their card after a dot, so a card named with its language reads without nested brackets', async () => {
    const criterion = (scorecardId: string, scorecardName: string, scorecardLanguage: 'fi' | 'en', title: string, mean: number) => ({
      scorecardId,
      scorecardName,
      scorecardLanguage,
      criterionId: title.toLowerCase(),
      title,
      mean,
      count: 3,
    });
    const criteria = [
      criterion('tpl-chat-en', 'Chat', 'en', 'Tone', 0.9),
      criterion('tpl-chat-fi', 'Chat', 'fi', 'Sävy', 0.8),
      criterion('tpl-call-en', 'Call', 'en', 'Closing', 0.7),
      criterion('tpl-call-en', 'Call', 'en', 'Greeting', 0.2),
    ];
    render(
      <I18nProvider fixed="en">
        <TeamView data={{ ...data, criteria }} filter={filter} target={4} onTarget={() => undefined} />
      </I18nProvider>,
      container,
    );
    await waitFor(() => expect(container.querySelector('.strongest li')).not.toBeNull());
    const strongest = [...container.querySelectorAll('.strongest li')].map((li) => li.firstChild?.textContent);
    expect(strongest).toEqual(['Tone · Chat (English)', 'Sävy · Chat (Finnish)', 'Closing · Call']);
  });
});

describe('a weekly trend', () => {
  it('names its weeks for people, not by their ISO code, in the table the chart reads from', () => {
    const weekly: DashboardData = { ...data, trend: [{ period: '2026-W09', ...totals }, { period: '2026-W10', ...totals, count: 0 }, { period: '2026-W11', ...totals }] };
    const rows = (lang: 'en' | 'fi') => {
      render(null, container);
      render(
        <I18nProvider fixed={lang}>
          <TrendChart data={weekly} filter={{ ...filter, from: '2026-03', to: '2026-03', granularity: 'week' }} title="Trend" />
        </I18nProvider>,
        container,
      );
      return [...container.querySelectorAll('.trend-table tbody th')].map((th) => th.textContent);
    };
    expect(rows('en')).toEqual(['Week 9, 2026', 'Week 11, 2026']);
    expect(rows('fi')).toEqual(['Viikko 9/2026', 'Viikko 11/2026']);
  });
});
