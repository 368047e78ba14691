// Conflicts: both versions shown, neither overwritten, until the user keeps one.
import { describe, expect } from 'vitest';
import { getReview, revisionsOfReview, submitReview } from '@/lib/db';
import { currentStatus, readConflicts, resolveConflict, runSync } from '@/lib/sync';
import { bulkParser } from '@/lib/model/bulk';
import { applyPulledDocs } from '@/lib/sync/apply';
import { readPulled } from '@/lib/sync/pull';
import { BACKEND, it, mine, type FakeServer } from './testbed';

describe("a conflict and the user's choice", () => {
  it('shows a conflict with both versions and overwrites neither; "keep mine" then wins knowingly', async ({ database, server }) => {
    await submitReview(mine('r1', { feedback: 'base' }), null);
    await runSync(database, BACKEND, server.fetch);
    server.put('reviews', 'r1', mine('r1', { feedback: 'theirs' }));
    await submitReview(mine('r1', { feedback: 'mine' }), null);

    const outcome = await runSync(database, BACKEND, server.fetch);

    expect(outcome.conflicts).toBe(1);
    expect(outcome.status.conflictCount).toBe(1);
    const [conflict] = await readConflicts(database);
    expect(conflict).toMatchObject({ id: 'r1', mine: { feedback: 'mine' }, theirs: { feedback: 'theirs' }, theirsRevision: 2 });
    expect((await getReview('r1'))?.feedback).toBe('mine');
    expect(server.docs.get('reviews:r1')?.doc.feedback).toBe('theirs');

    await resolveConflict(database, 'reviews', 'r1', 'mine');
    await runSync(database, BACKEND, server.fetch);
    expect(server.docs.get('reviews:r1')).toMatchObject({ revision: 3, doc: { feedback: 'mine' } });
    expect(await readConflicts(database)).toEqual([]);
  });

  it('"take theirs" replaces the local review and keeps mine in its history', async ({ database, server }) => {
    await submitReview(mine('r1', { feedback: 'base' }), null);
    await runSync(database, BACKEND, server.fetch);
    server.put('reviews', 'r1', mine('r1', { feedback: 'theirs' }));
    await submitReview(mine('r1', { feedback: 'mine' }), null);
    await runSync(database, BACKEND, server.fetch);

    await resolveConflict(database, 'reviews', 'r1', 'theirs');

    expect((await getReview('r1'))?.feedback).toBe('theirs');
    expect((await revisionsOfReview('r1')).map((r) => r.feedback)).toContain('mine');
    const outcome = await runSync(database, BACKEND, server.fetch);
    expect(outcome).toMatchObject({ result: 'ok', pushed: 0, conflicts: 0 });
    expect(server.docs.get('reviews:r1')?.revision).toBe(2);
  });
});

describe('a conflict while the team keeps working', () => {
  it('a newer server version arriving meanwhile updates their side; "keep mine" then replaces that one', async ({ database, server }) => {
    await submitReview(mine('r1', { feedback: 'base' }), null);
    await runSync(database, BACKEND, server.fetch);
    server.put('reviews', 'r1', mine('r1', { feedback: 'theirs' }));
    await submitReview(mine('r1', { feedback: 'mine' }), null);
    await runSync(database, BACKEND, server.fetch);

    server.put('reviews', 'r1', mine('r1', { feedback: 'theirs, again' }));
    expect(await runSync(database, BACKEND, server.fetch)).toMatchObject({ result: 'ok', pulled: 0 });

    expect(await readConflicts(database)).toMatchObject([{ id: 'r1', mine: { feedback: 'mine' }, theirs: { feedback: 'theirs, again' }, theirsRevision: 3 }]);
    expect((await getReview('r1'))?.feedback).toBe('mine');

    await resolveConflict(database, 'reviews', 'r1', 'mine');
    expect(await runSync(database, BACKEND, server.fetch)).toMatchObject({ result: 'ok', pushed: 1, conflicts: 0 });
    expect(server.docs.get('reviews:r1')).toMatchObject({ revision: 4, doc: { feedback: 'mine' } });
  });

  it('a choice on a conflict already settled (in another window) fails and changes nothing', async ({ database, server }) => {
    await submitReview(mine('r1', { feedback: 'base' }), null);
    await runSync(database, BACKEND, server.fetch);
    server.put('reviews', 'r1', mine('r1', { feedback: 'theirs' }));
    await submitReview(mine('r1', { feedback: 'mine' }), null);
    await runSync(database, BACKEND, server.fetch);
    await resolveConflict(database, 'reviews', 'r1', 'theirs');

    await expect(resolveConflict(database, 'reviews', 'r1', 'mine')).rejects.toThrow(/no conflict/);

    expect((await getReview('r1'))?.feedback).toBe('theirs');
    expect(await database.outbox.count()).toBe(0);
  });
});

describe('a change the server refused, then changed on the server', () => {
  /** r1 as the team last had it, then the user's edit that the server refuses. */
  async function refusedEdit(database: Parameters<typeof runSync>[0], server: FakeServer): Promise<void> {
    await submitReview(mine('r1', { feedback: 'base' }), null);
    await runSync(database, BACKEND, server.fetch);
    await submitReview(mine('r1', { feedback: 'mine' }), null);
    server.refuse = (doc) => doc.feedback === 'mine';
    expect(await runSync(database, BACKEND, server.fetch)).toMatchObject({ result: 'ok', refused: 1 });
    expect(await database.outbox.count()).toBe(0);
  }

  it('a pull of a newer server version does not overwrite the refused edit: it becomes a conflict the user chooses', async ({ database, server }) => {
    await refusedEdit(database, server);
    server.put('reviews', 'r1', mine('r1', { feedback: 'theirs' }));

    const outcome = await runSync(database, BACKEND, server.fetch);

    expect(outcome).toMatchObject({ result: 'ok', conflicts: 1 });
    expect((await getReview('r1'))?.feedback).toBe('mine');
    expect(await readConflicts(database)).toMatchObject([{ id: 'r1', mine: { feedback: 'mine' }, theirs: { feedback: 'theirs' }, theirsRevision: 2 }]);
    // The conflict holds it now: listed once, there.
    expect(outcome.status.refused).toEqual([]);

    await resolveConflict(database, 'reviews', 'r1', 'theirs');
    expect((await getReview('r1'))?.feedback).toBe('theirs');
    expect((await revisionsOfReview('r1')).map((r) => r.feedback)).toContain('mine');
  });

  it('a pull from the beginning (the user’s access changed) sending the version it was refused over does not put that back', async ({ database, server }) => {
    await refusedEdit(database, server);
    const base = server.docs.get('reviews:r1')!;
    expect(base.doc.feedback).toBe('base');

    await applyPulledDocs(database, readPulled([base], await bulkParser()), base.seq, Date.now(), { reconcile: true });

    expect((await getReview('r1'))?.feedback).toBe('mine');
    expect((await currentStatus(database)).refused.map((r) => r.id)).toEqual(['r1']);
  });

  it('while the server keeps its version, the refused edit stays listed and untouched', async ({ database, server }) => {
    await refusedEdit(database, server);

    const outcome = await runSync(database, BACKEND, server.fetch);

    expect(outcome).toMatchObject({ result: 'ok', pushed: 0, conflicts: 0 });
    expect((await getReview('r1'))?.feedback).toBe('mine');
    expect((await currentStatus(database)).refused.map((r) => r.id)).toEqual(['r1']);
  });
});
