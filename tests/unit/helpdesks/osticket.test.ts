// osTicket: a self-hosted staff panel's messages, responses and internal notes, on any host and base path.
import { expect, it } from 'vitest';
import { osticketAdapter, ticketIdFromUrl } from '../../../lib/helpdesks/osticket/adapter';
import { runFixtures } from './run-fixtures';

runFixtures('osticket', osticketAdapter, ['ticket', 'non-ticket-page']);

it.each([
  ['https://helpdesk.example.fi/scp/tickets.php?id=77', '77'],
  ['http://127.0.0.1:8080/support/scp/tickets.php?id=77#reply', '77'],
  ['https://helpdesk.example.fi/scp/tickets.php?queue=1', null],
  ['https://helpdesk.example.fi/tickets.php?id=77', null],
  ['https://helpdesk.example.fi/scp/tickets.php?id=77x', null],
])('reads the ticket id of %s as %s', (href, id) => {
  expect(ticketIdFromUrl(new URL(href))).toBe(id);
});
