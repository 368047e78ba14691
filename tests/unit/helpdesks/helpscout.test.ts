// Help Scout: a reviewer sees the customer's thread, the agent's reply without quoted text, notes and line items.
import { expect, it } from 'vitest';
import { conversationIdFromUrl, helpscoutAdapter } from '../../../lib/helpdesks/helpscout/adapter';
import { runFixtures } from './run-fixtures';

runFixtures('helpscout', helpscoutAdapter, ['conversation', 'non-ticket-page']);

it.each([
  ['https://secure.helpscout.net/conversation/2650011/1320', '2650011'],
  ['https://secure.helpscout.net/conversation/2650011/1320?folderId=1', '2650011'],
  ['https://secure.helpscout.net/mailbox/41234/', null],
])('reads the conversation id of %s as %s', (href, id) => {
  expect(conversationIdFromUrl(new URL(href))).toBe(id);
});
