// The sidebar's idea form: an agent of two teams chooses which team's lead gets the idea.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { I18nProvider } from '@/components/i18n';
import { IdeasPanel } from '@/entrypoints/sidebar/ideas/IdeasPanel';
import { BACKEND_KEY, type ArvioDb } from '@/lib/db';
import type { Extraction, Idea, TicketRef } from '@/lib/model';
import { handleDbRequest } from '@/lib/service';
import { docHash, ROSTER_KEY } from '@/lib/sync';
import { freshDb } from '../db/fresh';

afterEach(() => cleanup());

const me = { id: 'mikko@example.com', name: 'Mikko' };
const ticket: TicketRef = { helpdesk: 'zendesk', ticketId: '102', url: 'https://example.zendesk.com/agent/tickets/102', subject: 'Returns', channel: 'email' };
const extraction = { messages: [] } as unknown as Extraction;

let database: ArvioDb;

beforeEach(async () => {
  database = freshDb('idea-form');
  // The background's database service, as entrypoints/background.ts registers it.
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    void handleDbRequest(message, () => {}).then((reply) => reply && sendResponse(reply));
    return true;
  });
  // Connected as an agent of two teams.
  const backend = { url: 'https://arvio.example.com', token: 'arv_test' };
  const roster = { email: me.id, name: me.name, role: 'agent', teams: ['Support FI', 'Support SE'] };
  const teams = [
    { id: 'team-fi', name: 'Support FI', role: 'agent' },
    { id: 'team-se', name: 'Support SE', role: 'agent' },
  ];
  await database.settings.put({ key: BACKEND_KEY, value: backend });
  await database.settings.put({ key: ROSTER_KEY, value: { url: backend.url, tokenHash: docHash(backend.token), fetchedAt: 0, me: roster, members: [roster], teams } });
});

describe('the idea form', () => {
  it('sends the idea to the team the agent chose', async () => {
    render(
      <I18nProvider fixed="en">
        <IdeasPanel ticket={ticket} extraction={extraction} me={me} />
      </I18nProvider>,
    );
    const team = (await screen.findByLabelText('Team')) as HTMLSelectElement;
    expect([...team.options].map((o) => o.textContent)).toEqual(['Support FI', 'Support SE']);
    fireEvent.change(team, { target: { value: 'team-se' } });
    fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'The returns macro names the old form' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await screen.findByText('Sent. The answer will show here.');
    await waitFor(async () => expect(((await database.table('ideas').toArray()) as Idea[]).map((i) => [i.title, i.team])).toEqual([['The returns macro names the old form', 'team-se']]));
  });
});
