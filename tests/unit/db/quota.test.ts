// A full storage told apart from other failures, and a review that does not fit leaving everything saved before as it was.
import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreTable, type DBCoreTransaction } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArvioDb, draftsOfTicket, getReview, getSettings, saveReviewDraft, submitReview, useDatabase } from '@/lib/db';
import { isQuotaError, QUOTA_EXCEEDED, StorageFullError } from '@/lib/db/quota';
import { revealQuotaAbortsIn } from '@/lib/db/quota-middleware';
import { defaultSettings } from '@/lib/model/settings';
import type { TicketRef } from '@/lib/model/ticket';
import { newDraft, rate, toReview } from '@/lib/review';
import { templates } from '@/lib/scorecards/templates';
import { withFullDisk, type DiskControl } from './full-disk';

const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
// What Chromium 156 aborts a transaction with when the disk fills up under it (seen with the profile on a small tmpfs).
const diskFull = new DOMException(
  'Connection is closing because of: IO error: .../chrome-extension_abc_0.indexeddb.leveldb/000003.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)',
  'UnknownError',
);

describe('isQuotaError', () => {
  it('uses the name Dexie gives a full storage', () => {
    expect(Dexie.errnames.QuotaExceeded).toBe(QUOTA_EXCEEDED);
  });

  it.each<[string, unknown]>([
    ["the browser's QuotaExceededError", quota],
    ["Dexie's own QuotaExceededError", new Dexie.QuotaExceededError(quota)],
    // Chromium checks the quota at commit: Dexie then rejects the transaction with AbortError(inner).
    ['a transaction aborted because of it', new Dexie.AbortError(quota)],
    ['a bulk write where one item did not fit', new Dexie.BulkError('bulkPut failed', { 3: quota })],
    ['an error caused by it', new Error('import failed', { cause: quota })],
    ["Firefox's older name", new DOMException('', 'NS_ERROR_DOM_QUOTA_REACHED')],
    ["Chromium's full disk in the middle of a transaction", diskFull],
    ['a transaction aborted by a full disk', new Dexie.AbortError(diskFull)],
    ['the reopen after it', new Dexie.OpenFailedError(new DOMException('Encountered full disk while opening backing store for indexedDB.open.', 'QuotaExceededError'))],
    ["the database service's reply, rethrown in the sidebar", new StorageFullError('QuotaExceededError')],
  ])('recognises %s', (_story, error) => {
    expect(isQuotaError(error)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['a plain error', new Error('QuotaExceededError mentioned in a message only')],
    ['a constraint error', new Dexie.ConstraintError('Key already exists')],
    ['another IO error', new DOMException('Connection is closing because of: IO error: FILE_ERROR_ACCESS_DENIED', 'UnknownError')],
    ['an aborted transaction without a cause', new Dexie.AbortError()],
    ['a bulk write failing for another reason', new Dexie.BulkError('bulkPut failed', { 0: new DOMException('', 'DataError') })],
    ['a string', 'QuotaExceededError'],
    ['nothing', null],
  ])('does not take %s for a full storage', (_story, error) => {
    expect(isQuotaError(error)).toBe(false);
  });

  it('stops on errors that wrap each other in a circle', () => {
    const a = new Error('a') as Error & { inner?: unknown };
    const b = new Error('b', { cause: a });
    a.inner = b;
    expect(isQuotaError(a)).toBe(false);
  });
});

describe('a review that does not fit', () => {
  const card = templates.find((t) => t.id === 'tpl-chat-en')!;
  const reviewer = { id: 'tiina@example.com', name: 'Tiina' };
  const reviewee = { id: 'Mikko Laine', name: 'Mikko Laine' };
  const ticket = (id: string): TicketRef => ({ helpdesk: 'zendesk', ticketId: id, url: `http://127.0.0.1/agent/tickets/${id}`, subject: 'Login', channel: 'chat' });
  let database: ArvioDb;
  let disk: DiskControl;

  beforeEach(() => {
    database = new ArvioDb(`quota-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    disk = withFullDisk(database);
    useDatabase(database);
  });
  afterEach(async () => {
    await database.delete();
  });

  function ratedDraft(id: string) {
    let draft = newDraft(ticket(id), { kind: 'conversation' }, card, reviewee, new Date('2026-03-01T10:00:00Z'));
    for (const criterion of card.criteria) draft = rate(draft, criterion.id, { value: 1 });
    return draft;
  }

  async function everything() {
    const [reviews, drafts, outbox, rollups, revisions] = await Promise.all([
      database.reviews.toArray(),
      database.reviewDrafts.toArray(),
      database.outbox.toArray(),
      database.rollups.toArray(),
      database.reviewRevisions.toArray(),
    ]);
    return { reviews, drafts, outbox, rollups, revisions };
  }

  it('is refused as a full storage; earlier reviews, its own draft, the outbox and the rollups stay as they were', async () => {
    const first = ratedDraft('101');
    await submitReview(toReview(first, card, reviewer, reviewee, 'r1', new Date('2026-03-01T10:05:00Z'), null, null), first.key);
    const second = ratedDraft('102');
    await saveReviewDraft(second);
    const before = await everything();

    disk.fill();
    const attempt = submitReview(toReview(second, card, reviewer, reviewee, 'r2', new Date('2026-03-01T11:05:00Z'), null, null), second.key);
    await expect(attempt).rejects.toSatisfy(isQuotaError);

    expect(await everything()).toEqual(before);
    expect(await getReview('r2')).toBeUndefined();
    // The draft was to be dropped in the same transaction: it is still there to submit again.
    expect(await draftsOfTicket('zendesk:102')).toHaveLength(1);

    disk.free();
    await submitReview(toReview(second, card, reviewer, reviewee, 'r2', new Date('2026-03-01T11:06:00Z'), null, null), second.key);
    expect(await getReview('r2')).toMatchObject({ id: 'r2', revision: 1 });
    expect(await draftsOfTicket('zendesk:102')).toEqual([]);
  });
});

describe('a write cut short by a full disk (as Chromium reports it)', () => {
  // The transaction is aborted with the quota error; its pending requests fail with a bare AbortError.
  const aborted = new DOMException('The transaction was aborted, so the request cannot be fulfilled.', 'AbortError');
  const fullDisk = { error: diskFull } as unknown as DBCoreTransaction;
  const fullAtCommit = { error: new DOMException('Encountered disk full while committing transaction.', 'QuotaExceededError') } as unknown as DBCoreTransaction;
  const otherAbort = { error: null } as unknown as DBCoreTransaction;
  const down = {
    table: (name: string) =>
      ({
        name,
        mutate: async () => ({ numFailures: 1, failures: { 0: aborted }, lastResult: undefined }),
        get: async () => Promise.reject(aborted),
        getMany: async () => Promise.reject(aborted),
        query: async () => Promise.reject(aborted),
        count: async () => Promise.reject(aborted),
      }) as unknown as DBCoreTable,
  } as unknown as DBCore;
  const table = revealQuotaAbortsIn(down).table('rollups');

  it.each([
    ['in the middle of the transaction', fullDisk],
    ['at its commit', fullAtCommit],
  ])("names the transaction's error on the requests a full disk cut short %s, so a bulk write reads as a full storage", async (_when, trans) => {
    const res = await table.mutate({ type: 'put', trans, values: [{}] } as DBCoreMutateRequest);
    expect(isQuotaError(aborted)).toBe(false);
    expect(isQuotaError(new Dexie.BulkError('rollups.bulkPut(): 6 of 14 operations failed', res.failures))).toBe(true);
    await expect(table.get({ trans, key: 'k' })).rejects.toSatisfy(isQuotaError);
    await expect(table.count({ trans } as never)).rejects.toSatisfy(isQuotaError);
  });

  it('leaves an abort for another reason as it was', async () => {
    const res = await table.mutate({ type: 'put', trans: otherAbort, values: [{}] } as DBCoreMutateRequest);
    expect(res.failures[0]).toBe(aborted);
    await expect(table.get({ trans: otherAbort, key: 'k' })).rejects.toBe(aborted);
  });
});

describe('after a full disk', () => {
  it('the database Chromium could not reopen is opened again on the next call once there is room, not only after a restart', async () => {
    const real = new IDBFactory();
    let diskFull = true;
    // Chromium, after closing a database on a full disk: "Encountered full disk while opening backing store".
    const failingOpen = (): IDBOpenDBRequest => {
      const request = {
        error: new DOMException('Encountered full disk while opening backing store for indexedDB.open.', 'QuotaExceededError'),
        onerror: null as ((event: unknown) => void) | null,
      };
      setTimeout(() => request.onerror?.({ target: request, preventDefault() {}, stopPropagation() {} }));
      return request as unknown as IDBOpenDBRequest;
    };
    const factory = {
      open: (name: string, version?: number) => (diskFull ? failingOpen() : real.open(name, version)),
      deleteDatabase: (name: string) => real.deleteDatabase(name),
      cmp: (a: unknown, b: unknown) => real.cmp(a, b),
      databases: () => real.databases(),
    } as unknown as IDBFactory;
    const database = new ArvioDb(`reopen-${Math.random()}`, { indexedDB: factory, IDBKeyRange });
    useDatabase(database);

    await expect(getSettings()).rejects.toSatisfy(isQuotaError);
    diskFull = false;
    // Dexie by itself keeps answering with the failed open…
    await expect(database.settings.get('settings')).rejects.toSatisfy(isQuotaError);
    // …the database service's calls (through db()) open it again.
    expect(await getSettings()).toEqual(defaultSettings);
    await database.delete();
  });
});
