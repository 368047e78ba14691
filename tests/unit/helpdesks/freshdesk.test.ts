// Freshdesk: a reviewer opening a ticket sees its description, replies, private notes and attachment-only replies.
import { expect, it } from 'vitest';
import { freshdeskAdapter, ticketIdFromUrl } from '../../../lib/helpdesks/freshdesk/adapter';
import { runFixtures } from './run-fixtures';

runFixtures('freshdesk', freshdeskAdapter, ['mint-ticket', 'non-ticket-page']);

it.each([
  ['https://kauppa.freshdesk.com/a/tickets/2210', '2210'],
  ['https://tuki.kauppa.fi/a/tickets/2210/edit', '2210'],
  ['https://kauppa.freshdesk.com/a/tickets/filters/all_tickets', null],
  ['https://kauppa.freshdesk.com/support/tickets/2210', null],
])('reads the ticket id of %s as %s', (href, id) => {
  expect(ticketIdFromUrl(new URL(href))).toBe(id);
});
