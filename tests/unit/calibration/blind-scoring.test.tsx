// Blind scoring in the sidebar shows the scorecard's clarifications in force under each criterion, as
// an ordinary review does: from the database service, with the name of who wrote them.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { I18nProvider } from '@/components/i18n';
import { CalibrationPanel } from '@/entrypoints/sidebar/calibration/CalibrationPanel';
import { clarify, reveal } from '@/lib/calibration';
import { saveCalibrationSession, writeSynced, type ArvioDb } from '@/lib/db';
import type { CalibrationSession } from '@/lib/model/calibration';
import { card, now, people, sessionOn } from './fixtures';
import { handleDbRequest } from '@/lib/service';
import type { Roster } from '@/lib/sync/roster';
import { freshDb } from '../db/fresh';

afterEach(() => cleanup());

const roster: Roster = {
  me: { email: people[1]!, name: 'Bea', role: 'reviewer' },
  members: [
    { email: people[0]!, name: 'Aino', role: 'lead' },
    { email: people[1]!, name: 'Bea', role: 'reviewer' },
  ],
  teams: [{ id: 'team-a', name: 'Team A', role: 'reviewer' }],
};

const session = (id: string, ticketId: string): CalibrationSession => sessionOn(id, [ticketId], new Date('2026-03-20T10:00:00.000Z'));

let database: ArvioDb;

beforeEach(() => {
  database = freshDb('blind-scoring');
  // The background's database service, as entrypoints/background.ts registers it.
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    void handleDbRequest(message, () => {}).then((reply) => reply && sendResponse(reply));
    return true;
  });
});

describe('blind scoring in the sidebar', () => {
  it('shows a clarification saved in an earlier session under its criterion, with who wrote it', async () => {
    await writeSynced(database, ['scorecards'], 'builtin', (writer) => writer.put('scorecards', [card]));
    // An earlier session of the scorecard (on another ticket), agreed and clarified.
    const earlier = clarify(reveal(session('cal-earlier', '900'), now), 'tone', 'Friendly, not familiar.', people[0]!, new Date('2026-03-09T11:00:00.000Z'));
    const open = session('cal-open', '101');
    await saveCalibrationSession(earlier);
    await saveCalibrationSession(open);

    render(
      <I18nProvider fixed="en">
        <CalibrationPanel
          ticket={open.tickets[0]!.ticket}
          agent={null}
          home={{ roster, sessions: [open, earlier], mine: [], settings: [] }}
          focusScoring={false}
          onOpenSettings={() => undefined}
        />
      </I18nProvider>,
    );
    const scoring = await screen.findByRole('region', { name: 'Your blind scoring' });
    const text = await screen.findByText('Friendly, not familiar.', { exact: false });
    expect(scoring.contains(text)).toBe(true);
    const shown = text.closest('.clarification')!;
    expect(shown.closest('[data-criterion]')?.getAttribute('data-criterion')).toBe('tone');
    expect(shown.textContent).toMatch(/^Clarification: Friendly, not familiar\. \(Aino, .+\)$/);
    expect(scoring.querySelectorAll('.clarification')).toHaveLength(1);
  });
});
