// The dashboard's scorecard filter: one entry per card family, its versions under it.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { Filters } from '@/entrypoints/dashboard/Filters';
import type { DashboardFilter, FilterOptions } from '@/lib/dashboard';
import { newDraftFrom, publish } from '@/lib/scorecards';
import { templates } from '@/lib/scorecards/templates';

afterEach(() => cleanup());

const FILTER: DashboardFilter = {
  from: '2026-01',
  to: '2026-12',
  granularity: 'month',
  team: null,
  agent: null,
  reviewer: null,
  scorecard: null,
  channel: null,
  helpdesk: null,
};

describe('the scorecard filter', () => {
  it('lists a team’s edit of a built-in as the built-in’s next version, under one family named by the newest version', () => {
    const chat = templates.find((t) => t.id === 'tpl-chat-en')!;
    const at = new Date('2026-02-10T00:00:00Z');
    const ours = { ...publish(newDraftFrom(chat, at, 'team-a'), at, 'team-a'), name: 'Chat, our way' };
    const options: FilterOptions = { teams: [], agents: [], reviewers: [], scorecards: [`${chat.id}@1`, `${ours.id}@2`], channels: [], helpdesks: [] };
    render(
      <I18nProvider fixed="en">
        <Filters filter={FILTER} options={options} cards={[...templates, ours]} onChange={() => undefined} fields={['scorecard']} />
      </I18nProvider>,
    );
    const select = screen.getByRole('combobox', { name: 'Scorecard' }) as HTMLSelectElement;
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['', 'All'],
      [chat.id, 'Chat, our way (all versions)'],
      [`${chat.id}@1`, 'Chat, our way v1'],
      [`${ours.id}@2`, 'Chat, our way v2'],
    ]);
  });
});
