// A database created by the previous schema version opens in the current one with its data intact.
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ArvioDb, SCHEMA_V1 } from '@/lib/db';

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
    expect(current.verno).toBe(5);
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
});
