// The database service's reply to the sidebar when storage is full, and the sidebar's view of it.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { notSavedText } from '@/components/notSaved';
import { ArvioDb, reviewsOfTicket, useDatabase } from '@/lib/db';
import { isQuotaError } from '@/lib/db/quota';
import { remoteDb } from '@/lib/service/remote';
import { DB_REQUEST, handleDbRequest } from '@/lib/service';
import { translator } from '@/lib/i18n';
import type { TicketRef } from '@/lib/model/ticket';
import { newDraft, rate, toReview } from '@/lib/review';
import { templates } from '@/lib/scorecards/templates';
import { withFullDisk, type DiskControl } from './full-disk';

const card = templates.find((t) => t.id === 'tpl-chat-en')!;
const ticket: TicketRef = { helpdesk: 'zendesk', ticketId: '102', url: 'http://127.0.0.1/agent/tickets/102', subject: 'Login', channel: 'chat' };
const person = { id: 'Mikko Laine', name: 'Mikko Laine' };
let database: ArvioDb;
let disk: DiskControl;

beforeEach(() => {
  database = new ArvioDb(`service-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  disk = withFullDisk(database);
  useDatabase(database);
});
afterEach(async () => {
  await database.delete();
});

function review(id: string) {
  let draft = newDraft(ticket, { kind: 'conversation' }, card, person, new Date('2026-03-01T10:00:00Z'));
  for (const criterion of card.criteria) draft = rate(draft, criterion.id, { value: 1 });
  return { draft, review: toReview(draft, card, { id: 'tiina@example.com', name: 'Tiina' }, person, id, new Date('2026-03-01T10:05:00Z'), null, null) };
}

describe('the database service on a full storage', () => {
  it('answers a refused write with quota: true and announces no change', async () => {
    const { review: r } = review('r1');
    const onWrite = vi.fn();
    disk.fill();
    const reply = await handleDbRequest({ type: DB_REQUEST, op: 'submitReview', args: [r, null] }, onWrite);
    expect(reply).toMatchObject({ ok: false, quota: true });
    expect(reply && !reply.ok && reply.error).toBeTruthy();
    expect(onWrite).not.toHaveBeenCalled();
    expect(await reviewsOfTicket('zendesk:102')).toEqual([]);
  });

  it('does not call another failure a full storage', async () => {
    const { review: r } = review('r1');
    disk.fill(new DOMException('Internal error committing transaction.', 'UnknownError'));
    const reply = await handleDbRequest({ type: DB_REQUEST, op: 'submitReview', args: [r, null] }, () => {});
    expect(reply).toMatchObject({ ok: false, quota: false, error: expect.stringContaining('Internal error committing transaction.') });
    expect(await handleDbRequest({ type: DB_REQUEST, op: 'getReview', args: [''] }, () => {})).toMatchObject({ ok: false, quota: false });
  });

  it("reaches the sidebar as an error it names in the user's words, in English and Finnish", async () => {
    // The background's listener, as entrypoints/background.ts registers it.
    fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
      void handleDbRequest(message, () => {}).then((reply) => reply && sendResponse(reply));
      return true;
    });
    const { draft, review: r } = review('r1');
    await remoteDb.saveReviewDraft(draft);
    disk.fill();

    const error = await remoteDb.submitReview(r, draft.key).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isQuotaError(error)).toBe(true);
    expect(notSavedText(translator('en'), { kind: 'review', ticketId: ticket.ticketId }, error)).toBe(
      "Your review of ticket #102 was not saved: the browser's storage for Arvio is full. Everything saved before is still there. Free up disk space on this computer, then try again.",
    );
    expect(notSavedText(translator('fi'), { kind: 'review', ticketId: ticket.ticketId }, error)).toMatch(
      /^Arviointisi tiketistä #102 ei tallentunut: selaimen tallennustila Arviolle on täynnä\./,
    );
    // The draft the submit would have dropped is still there.
    expect(await remoteDb.draftsOfTicket('zendesk:102')).toHaveLength(1);
  });
});
