// FreeScout: a self-hosted conversation's customer mails, replies and notes, with times in the agent's zone.
// FreeScout prints local times only; the fixture's expectations are for an agent in Helsinki.
process.env.TZ = 'Europe/Helsinki';

import { expect, it } from 'vitest';
import { conversationIdFromUrl, freescoutAdapter, freescoutTime } from '../../../lib/helpdesks/freescout/adapter';
import { loadFixture, runFixtures } from './run-fixtures';

runFixtures('freescout', freescoutAdapter, ['email', 'non-ticket-page']);

it.each([
  ['https://help.example.fi/conversation/312?folder_id=4', '312'],
  ['http://127.0.0.1:5179/helpdesk/conversation/312', '312'],
  ['https://help.example.fi/mailbox/1', null],
])('reads the conversation id of %s as %s', (href, id) => {
  expect(conversationIdFromUrl(new URL(href))).toBe(id);
});

it.each([
  ['Feb 14, 2025 11:30', '2025-02-14T09:30:00.000Z'],
  ['Jul 1, 2025 12:05am', '2025-06-30T21:05:00.000Z'],
  ['Jul 1, 2025 12:05pm', '2025-07-01T09:05:00.000Z'],
  ['14.2.2025 11.30', null],
])('reads the tooltip time %s as %s', (text, iso) => {
  expect(freescoutTime(text)).toBe(iso);
});

it('leaves line items out of the conversation and finds the reply editor', () => {
  const { doc, url } = loadFixture('freescout', 'email');
  const ctx = freescoutAdapter.context(doc, url)!;
  const extraction = freescoutAdapter.extract(ctx);
  if (extraction instanceof Promise) throw new Error('expected a synchronous extraction');
  expect(extraction.diagnostics.counts).toMatchObject({ items: 4, quotedRemoved: 2, attachmentOnly: 1 })
  expect(extraction.messages.map((m) => m.id)).not.toContain('904');
  expect(freescoutAdapter.composer(ctx)?.mode).toBe('public');
});
