// Front: internal comments in the timeline are reviewed as internal notes, never as replies to the customer.
import { expect, it } from 'vitest';
import { conversationIdFromUrl, frontAdapter } from '../../../lib/helpdesks/front/adapter';
import { runFixtures } from './run-fixtures';

runFixtures('front', frontAdapter, ['email-with-comment', 'non-ticket-page']);

it.each([
  ['https://app.frontapp.com/inboxes/teams/folders/1234/unassigned/0/conversation/cnv_4f2a9z', 'cnv_4f2a9z'],
  ['https://app.frontapp.com/open/cnv_4f2a9z', 'cnv_4f2a9z'],
  ['https://app.frontapp.com/inboxes/teams/folders/1234/unassigned', null],
])('reads the conversation id of %s as %s', (href, id) => {
  expect(conversationIdFromUrl(new URL(href))).toBe(id);
});
