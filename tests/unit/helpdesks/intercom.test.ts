// Intercom: grouped chat bubbles keep their sender, and bot answers and notes are told apart from the agent.
import { expect, it } from 'vitest';
import { conversationIdFromUrl, intercomAdapter } from '../../../lib/helpdesks/intercom/adapter';
import { loadFixture, runFixtures } from './run-fixtures';

runFixtures('intercom', intercomAdapter, ['chat-grouped', 'non-ticket-page']);

it.each([
  ['https://app.intercom.com/a/inbox/abc123/inbox/shared/all/conversation/1234567890', '1234567890'],
  ['https://app.intercom.com/a/apps/abc123/inbox/inbox/all/conversations/42', '42'],
  ['https://app.intercom.com/a/inbox/abc123/inbox/shared/all', null],
  ['https://www.intercom.com/conversation/1', null],
])('reads the conversation id of %s as %s', (href, id) => {
  expect(conversationIdFromUrl(new URL(href))).toBe(id);
});

it('never reads the conversation list beside the open conversation', () => {
  const { doc } = loadFixture('intercom', 'chat-grouped');
  expect(intercomAdapter.context(doc, new URL('https://app.intercom.com/a/inbox/abc123/inbox/shared/all/conversation/999'))).toBeNull();
});
