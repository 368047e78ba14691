// A coaching session's evidence is read by the coach's local days: a review made late in the evening in
// New York or just after midnight in Helsinki is listed (and paired with its self-check) on that day.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evidenceReviews, formTemplates, newCoachingSession, periodOf, prepareSession, saveSession } from '@/lib/coaching';
import { ArvioDb, useDatabase, writeSynced } from '@/lib/db';
import { dayOf } from '@/lib/model';
import type { CoachingSession } from '@/lib/model/coaching';
import type { Review } from '@/lib/model/review';
import { selfCheck } from '../../../server/tests/helpers/docs';
import { AGENT, card, COACH, reviewAt } from './fixtures';

/** Node reads TZ whenever it is set: Date's local fields follow it. */
function inZone(zone: string): void {
  process.env.TZ = zone;
}

let database: ArvioDb;
beforeEach(() => {
  database = new ArvioDb(`coaching-tz-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  useDatabase(database);
});
afterEach(async () => {
  await database.delete();
  inZone('UTC');
});

async function putReviews(reviews: Review[]): Promise<void> {
  await writeSynced(database, ['reviews'], 'pulled', (writer) => writer.put('reviews', reviews));
}

/** The agent's self-check of a review's ticket, made at `createdAt`: tone rated 4. */
async function selfCheckOf(review: Review, createdAt: string): Promise<void> {
  await database.selfChecks.put(
    selfCheck(review.ticket.ticketId, AGENT.id, { ticketKey: review.ticketKey, agent: AGENT, scorecardId: card.id, scorecardVersion: 1, createdAt, ratings: [{ criterionId: 'tone', value: 4, na: false, comment: '' }] }),
  );
}

function held(id: string, heldAt: string): CoachingSession {
  const base = newCoachingSession({ id, team: null, coach: COACH, agent: AGENT, form: formTemplates[1]!, scheduledFor: null, now: new Date(heldAt) });
  return { ...base, status: 'held', heldAt, focus: [{ scorecardId: card.id, criterionId: 'tone' }], period: periodOf(dayOf(heldAt)) };
}

describe('session evidence by the local day', () => {
  it('in New York, a review made at 23:30 today is listed and paired with its self-check, as it is counted', async () => {
    inZone('America/New_York');
    const late = reviewAt('late', '2026-03-11T03:30:00.000Z', 2);
    expect(dayOf(late.createdAt)).toBe('2026-03-10');
    await putReviews([late]);
    await selfCheckOf(late, '2026-03-11T03:00:00.000Z');

    const { evidence } = await prepareSession({ id: 'today', agent: AGENT, heldAt: null }, [card], '2026-03-10', 'en');
    expect(evidence.to).toBe('2026-03-10');
    expect(evidence.count).toBe(1);
    expect(evidence.reviews.map((r) => r.id)).toEqual(['late']);
    expect(evidence.gap).toEqual([expect.objectContaining({ criterionId: 'tone', pairs: 1 })]);
    expect((await evidenceReviews(AGENT.id, '2026-03-10', '2026-03-10')).map((r) => r.id)).toEqual(['late']);
  });

  it('in Helsinki, a review made at 00:30 on the window’s first day is listed and paired; one made before it is not', async () => {
    inZone('Europe/Helsinki');
    // The last session was held on 28 February: the window opens on 1 March.
    await saveSession(held('s1', '2026-02-28T09:00:00.000Z'), [], null);
    const early = reviewAt('early', '2026-02-28T22:30:00.000Z', 2);
    const before = reviewAt('before', '2026-02-28T21:30:00.000Z', 2);
    expect([dayOf(early.createdAt), dayOf(before.createdAt)]).toEqual(['2026-03-01', '2026-02-28']);
    await putReviews([early, before]);
    await selfCheckOf(early, '2026-02-28T22:10:00.000Z');

    const { evidence } = await prepareSession({ id: 'next', agent: AGENT, heldAt: null }, [card], '2026-03-05', 'en');
    expect(evidence.from).toBe('2026-03-01');
    expect(evidence.count).toBe(1);
    expect(evidence.reviews.map((r) => r.id)).toEqual(['early']);
    expect(evidence.gap).toEqual([expect.objectContaining({ criterionId: 'tone', pairs: 1 })]);
  });
});
