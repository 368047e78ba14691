// Conflicts: both versions shown, neither overwritten, until the user keeps one.
import { describe, expect } from 'vitest';
import { getReview, revisionsOfReview, submitReview } from '@/lib/db';
import { readConflicts, resolveConflict, runSync } from '@/lib/sync';
import { BACKEND, it, mine } from './testbed';

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
