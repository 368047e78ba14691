// A database created by an earlier schema version opens in the current one with its data intact.
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { sessionFigures } from '@/lib/calibration';
import { ArvioDb, BACKEND_KEY, SCHEMA_V1, SCHEMA_V4, SCHEMA_V5, SCHEMA_V7, writeSynced } from '@/lib/db';
import { kindOf } from '@/lib/model/kinds';
import { reviewSchema } from '@/lib/model/review';
import { calibrationRatings, calibrationSession, coachingAction, coachingSession, dispute, review, selfCheck, scorecard, teamSettings } from '../../../server/tests/helpers/docs';

describe('database migrations', () => {
  it('upgrades a version 1 database: old reviews get defaults and the new indexes answer', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie('arvio', { indexedDB, IDBKeyRange });
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    await v1.table('settings').put({ key: 'settings', value: { language: 'fi', identity: { name: 'Aino', email: '' } } });
    await v1.table('reviews').put({
      id: 'r1',
      ticketKey: 'zendesk:101',
      reviewee: { id: 'mikko@example.com', name: 'Mikko' },
      reviewer: { id: 'aino@example.com', name: 'Aino' },
      createdAt: '2026-03-01T10:00:00.000Z',
      updatedAt: '2026-03-01T10:00:00.000Z',
    });
    v1.close();

    const current = new ArvioDb('arvio', { indexedDB, IDBKeyRange });
    await current.open();
    expect(current.verno).toBe(8);
    const review = await current.reviews.get('r1');
    expect(review).toMatchObject({ deleted: false, acknowledgedAt: null, revision: 1 });
    const byAgent = await current.reviews
      .where('[reviewee.id+createdAt]')
      .between(['mikko@example.com', Dexie.minKey], ['mikko@example.com', Dexie.maxKey])
      .toArray();
    expect(byAgent.map((r) => r.id)).toEqual(['r1']);
    expect((await current.settings.get('settings'))?.value).toMatchObject({ language: 'fi' });
    expect(await current.reviewRevisions.count()).toBe(0);
    expect(await current.pulledStates.count()).toBe(0);
    current.close();
  });

  it('opens a version 4 profile at the current version with everything intact, and the new kinds’ tables empty and answering', async () => {
    const indexedDB = new IDBFactory();
    const v4 = new Dexie('arvio', { indexedDB, IDBKeyRange });
    v4.version(4).stores(SCHEMA_V4);
    await v4.open();
    const rows: Record<string, unknown[]> = {
      settings: [{ key: 'settings', value: { language: 'fi' } }, { key: 'sync.checkpoint', value: 42 }],
      scorecards: [scorecard('card-1', 1), scorecard('card-1', 2, { status: 'draft' })],
      reviews: [review('r1', 'aino@example.com', 'mikko@example.com'), review('r2', 'aino@example.com', 'mikko@example.com', { deleted: true })],
      reviewRevisions: [{ reviewId: 'r1', revision: 1, review: review('r1', 'aino@example.com', 'mikko@example.com') }],
      reviewDrafts: [{ key: 'zendesk:7|conversation', ticketKey: 'zendesk:7', updatedAt: '2026-03-02T10:00:00.000Z' }],
      selfChecks: [selfCheck('s1', 'mikko@example.com')],
      outbox: [{ seq: 1, collection: 'reviews', docId: 'r1', at: '2026-03-02T10:00:00.000Z' }],
      rollups: [{ key: 'agent|mikko@example.com|2026-03', dimension: 'agent', value: 'mikko@example.com', period: '2026-03', count: 1, scored: 1, sum: 1, passes: 1, criticalFails: 0 }],
      syncState: [{ key: 'reviews:r1', revision: 3, seq: 40 }],
      pulledStates: [{ bucket: 7, checkpoint: 42, entries: [['reviews:r2', 41, 2]] }],
    };
    for (const [table, items] of Object.entries(rows)) await v4.table(table).bulkPut(items);
    v4.close();

    const current = new ArvioDb('arvio', { indexedDB, IDBKeyRange });
    await current.open();
    expect(current.verno).toBe(8);
    for (const [table, items] of Object.entries(rows)) expect(await current.table(table).toArray(), table).toEqual(items);
    for (const table of ['calibrationSessions', 'calibrationRatings', 'coachingForms', 'coachingSessions', 'coachingActions', 'coachingNotes', 'disputes', 'ideas']) {
      expect(await current.table(table).count(), table).toBe(0);
    }
    await current.coachingActions.bulkPut([
      coachingAction('a1', 'cs1', 'lead@example.com', 'mikko@example.com', { due: '2026-03-20' }),
      coachingAction('a2', 'cs1', 'lead@example.com', 'mikko@example.com', { due: '2026-03-10' }),
    ]);
    const open = await current.coachingActions
      .where('[agent.id+status+due]')
      .between(['mikko@example.com', 'open', Dexie.minKey], ['mikko@example.com', 'open', Dexie.maxKey])
      .toArray();
    expect(open.map((a) => a.id)).toEqual(['a2', 'a1']);
    current.close();
  });

  it('opens a version 5 profile at the current version: the lead’s own dispute window is dropped, everything else kept, team settings empty and answering', async () => {
    const indexedDB = new IDBFactory();
    const v5 = new Dexie('arvio', { indexedDB, IDBKeyRange });
    v5.version(5).stores(SCHEMA_V5);
    await v5.open();
    const kept: Record<string, unknown[]> = {
      settings: [{ key: 'settings', value: { language: 'fi' } }],
      reviews: [review('r1', 'aino@example.com', 'mikko@example.com')],
      disputes: [dispute('r1', 'mikko@example.com', 'aino@example.com')],
    };
    for (const [table, items] of Object.entries(kept)) await v5.table(table).bulkPut(items);
    await v5.table('settings').put({ key: 'disputes.windowDays', value: 30 });
    v5.close();

    const current = new ArvioDb('arvio', { indexedDB, IDBKeyRange });
    await current.open();
    expect(current.verno).toBe(8);
    expect(await current.settings.get('disputes.windowDays')).toBeUndefined();
    for (const [table, items] of Object.entries(kept)) expect(await current.table(table).toArray(), table).toEqual(items);
    expect(await current.teamSettings.count()).toBe(0);
    await current.teamSettings.put(teamSettings('t-fi', 'lead@example.com', { disputeWindowDays: 3 }));
    expect((await current.teamSettings.where('team').equals('t-fi').toArray()).map((s) => s.disputeWindowDays)).toEqual([3]);
    current.close();
  });

  it('opens a version 5 profile at the current version with the figures of the calibration sessions it holds', async () => {
    const indexedDB = new IDBFactory();
    const v5 = new Dexie('arvio', { indexedDB, IDBKeyRange });
    v5.version(5).stores(SCHEMA_V5);
    await v5.open();
    const card = scorecard('card-1', 1);
    const session = calibrationSession('cal-1', 'a@example.com', 't', { participants: ['a@example.com', 'b@example.com'] });
    const ratings = [
      calibrationRatings('cal-1', 'a@example.com', 'zendesk:101'),
      calibrationRatings('cal-1', 'b@example.com', 'zendesk:101', { ratings: [{ criterionId: 'greet', value: 0, na: false, comment: '' }] }),
      calibrationRatings('cal-1', 'b@example.com', 'zendesk:102', { submittedAt: null }),
    ];
    await v5.table('scorecards').put(card);
    await v5.table('calibrationSessions').put(session);
    await v5.table('calibrationRatings').bulkPut(ratings);
    v5.close();

    const current = new ArvioDb('arvio', { indexedDB, IDBKeyRange });
    await current.open();
    expect(await current.calibrationFigures.toArray()).toEqual([sessionFigures(session, card, ratings)]);
    expect(await current.calibrationRatings.count()).toBe(3);
    current.close();
  });

  it('opens a version 7 profile at the current version with each agent’s row of the coaching plan (the last session held, the open agreed actions) and its calibration figures', async () => {
    const indexedDB = new IDBFactory();
    const v7 = new Dexie('arvio', { indexedDB, IDBKeyRange });
    v7.version(7).stores(SCHEMA_V7);
    await v7.open();
    const coach = 'coach@example.com';
    const older = coachingSession('older', coach, 'a@example.com', { heldAt: '2026-02-02T09:00:00.000Z' });
    const newer = coachingSession('newer', 'lead@example.com', 'a@example.com', { heldAt: '2026-03-02T09:00:00.000Z' });
    const preparing = coachingSession('preparing', coach, 'b@example.com', { status: 'planned', heldAt: null });
    const gone = coachingSession('gone', coach, 'c@example.com', { deleted: true });
    await v7.table('coachingSessions').bulkPut([older, newer, preparing, gone]);
    await v7.table('coachingActions').bulkPut([
      coachingAction('open', 'older', coach, 'a@example.com'),
      coachingAction('done', 'newer', coach, 'a@example.com', { status: 'done', doneAt: '2026-03-05T09:00:00.000Z' }),
      coachingAction('draft', 'preparing', coach, 'b@example.com'),
      coachingAction('of-deleted', 'gone', coach, 'c@example.com'),
    ]);
    const card = scorecard('card-1', 1);
    const calibration = calibrationSession('cal-1', 'a@example.com', 't', { participants: ['a@example.com', 'b@example.com'] });
    const ratings = [calibrationRatings('cal-1', 'a@example.com', 'zendesk:101'), calibrationRatings('cal-1', 'b@example.com', 'zendesk:101')];
    await v7.table('scorecards').put(card);
    await v7.table('calibrationSessions').put(calibration);
    await v7.table('calibrationRatings').bulkPut(ratings);
    await v7.table('calibrationFigures').put(sessionFigures(calibration, card, ratings));
    v7.close();

    const current = new ArvioDb('arvio', { indexedDB, IDBKeyRange });
    await current.open();
    const rows = await current.coachingPlanRows.toArray();
    expect(rows.map((row) => [row.agentId, row.lastHeld?.id ?? null, row.open.map((a) => a.id)])).toEqual([['a@example.com', 'newer', ['open']]]);
    expect(await current.calibrationFigures.toArray()).toEqual([sessionFigures(calibration, card, ratings)]);
    current.close();
  });

  it('documents written before they named their team (a v4 profile of that release) read as of no team, and the one writer queues them again', async () => {
    const indexedDB = new IDBFactory();
    const v4 = new Dexie('arvio', { indexedDB, IDBKeyRange });
    v4.version(4).stores(SCHEMA_V4);
    await v4.open();
    const { team: _reviewTeam, ...oldReview } = review('r-old', 'aino@example.com', 'mikko@example.com');
    const { team: _checkTeam, ...oldCheck } = selfCheck('s-old', 'mikko@example.com');
    await v4.table('reviews').put(oldReview);
    await v4.table('selfChecks').put(oldCheck);
    v4.close();

    const current = new ArvioDb('arvio', { indexedDB, IDBKeyRange });
    await current.open();
    const stored = await current.reviews.get('r-old');
    expect(stored).toEqual(oldReview);
    expect(kindOf('reviews').schema.parse(stored)).toMatchObject({ id: 'r-old', team: null });
    expect(kindOf('selfChecks').schema.parse(await current.selfChecks.get(oldCheck.id))).toMatchObject({ team: null });
    // Connected to a team backend, an old document goes through the writer like any other.
    await current.settings.put({ key: BACKEND_KEY, value: { url: 'https://arvio.example.com', token: 'arv_test' } });
    await writeSynced(current, ['reviews'], 'local', (writer) => writer.put('reviews', [reviewSchema.parse(stored)], { before: [stored] }));
    expect((await current.outbox.toArray()).map((r) => `${r.collection}:${r.docId}`)).toEqual(['reviews:r-old']);
    current.close();
  });
});
