// A participant's list of tickets waiting for blind scoring links each ticket only by a web address: a session from the backend or a file cannot make the helpdesk's tab run a script.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { WaitingList } from '@/entrypoints/sidebar/calibration/CalibrationPanel';
import { httpUrl } from '@/lib/model';
import { calibrationSession } from '../../../server/tests/helpers/docs';

afterEach(cleanup);

const LEAD = 'lead@arvio.test';

describe('tickets waiting for my calibration scoring', () => {
  it('are links to their helpdesk pages, except a ticket whose stored address is not a web address, which is plain text', () => {
    const session = calibrationSession('cal-1', LEAD, 'team-a', {
      tickets: [
        { ticketKey: 'zendesk:101', ticket: { helpdesk: 'zendesk', ticketId: '101', url: 'https://x.zendesk.com/agent/tickets/101', subject: 'Lasku', channel: 'chat' } },
        { ticketKey: 'zendesk:102', ticket: { helpdesk: 'zendesk', ticketId: '102', url: 'javascript:alert(document.cookie)', subject: 'Tilaus', channel: 'email' } },
        { ticketKey: 'zendesk:103', ticket: { helpdesk: 'zendesk', ticketId: '103', url: ' JavaScript:alert(1)', subject: 'Palautus', channel: 'email' } },
      ],
    });
    render(
      <I18nProvider fixed="en">
        <WaitingList home={{ roster: null, sessions: [session], mine: [], settings: [] }} me={LEAD} nameOf={(email) => email} />
      </I18nProvider>,
    );
    const links = screen.getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://x.zendesk.com/agent/tickets/101']);
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getAllByRole('listitem')[1]!.textContent).toContain('102');
  });

  it.each([
    ['https://acme.zendesk.com/agent/tickets/1', 'https://acme.zendesk.com/agent/tickets/1'],
    ['http://zammad.intranet/#ticket/zoom/7', 'http://zammad.intranet/#ticket/zoom/7'],
    ['javascript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['', null],
    ['/agent/tickets/1', null],
  ])('a ticket address %j opens as %j', (text, href) => {
    expect(httpUrl(text)?.href ?? null).toBe(href);
  });
});
