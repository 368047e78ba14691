// Each calibration session's figures are kept by the one writer: whatever path writes a session or its
// ratings (saved here, pulled from the backend), they equal a recomputation from what is stored.
import { describe, expect, it } from 'vitest';
import { figuresOfSessions, newCalibrationRatings, newCalibrationSession, reveal, revealFigures, sessionFigures } from '@/lib/calibration';
import { saveCalibrationRatings, saveCalibrationSession, writeSynced } from '@/lib/db';
import type { CalibrationRatings } from '@/lib/model/calibration';
import { templates } from '@/lib/scorecards/templates';
import { applyPulled } from '@/lib/sync/apply';
import { freshDb } from '../db/fresh';

const card = templates.find((t) => t.id === 'tpl-chat-en')!;
const people = ['a@arvio.test', 'b@arvio.test', 'c@arvio.test'];
const now = new Date('2026-03-10T10:00:00.000Z');

const tickets = ['301', '302'].map((n) => ({ helpdesk: 'zendesk', ticketId: n, url: '', subject: '', channel: 'chat' as const }));
const session = newCalibrationSession(
  { id: 'cal-f', team: 't', title: 'F', startedBy: people[0]!, facilitator: people[0]!, card, tickets, participants: people, deadline: now, hideAgent: true, namesShown: true, revealMode: 'facilitator-reveals' },
  now,
);
/** A participant's submitted ratings of a ticket: level `value(criterion index)`. */
function rated(participant: string, ticketKey: string, value: (ci: number) => number): CalibrationRatings {
  const doc = newCalibrationRatings(session, participant, ticketKey, card, now);
  return { ...doc, submittedAt: now.toISOString(), ratings: doc.ratings.map((r, ci) => ({ ...r, value: Math.min(value(ci), card.criteria[ci]!.levels.length - 1) })) };
}

describe('the figures the Calibration view reads', () => {
  it('follow every write of a session and its ratings, saved here or pulled, and give the alpha its reveal shows', async () => {
    const database = freshDb();
    await writeSynced(database, ['scorecards'], 'builtin', (writer) => writer.put('scorecards', [card]));
    const [t1, t2] = session.tickets.map((t) => t.ticketKey) as [string, string];
    const kept = async () => (await database.calibrationFigures.toArray()).sort((a, b) => a.sessionId.localeCompare(b.sessionId));
    const expected = async () =>
      figuresOfSessions(await database.calibrationSessions.toArray(), await database.calibrationRatings.toArray(), [card]).sort((a, b) => a.sessionId.localeCompare(b.sessionId));

    await saveCalibrationSession(session);
    // A draft is not a rating yet: nothing to pair.
    await saveCalibrationRatings({ ...rated(people[0]!, t1, () => 1), submittedAt: null });
    expect(await kept()).toEqual(await expected());
    expect((await kept())[0]?.alpha?.pairable).toBe(0);

    await saveCalibrationRatings(rated(people[0]!, t1, (ci) => ci % 3));
    await saveCalibrationRatings(rated(people[0]!, t2, () => 1));
    await saveCalibrationRatings(rated(people[1]!, t1, (ci) => (ci + 1) % 3));
    // Another participant's ratings, as the backend sends them once revealed.
    const theirs = [rated(people[2]!, t1, () => 2), rated(people[1]!, t2, () => 1)];
    await applyPulled(
      database,
      theirs.map((doc, i) => ({ collection: 'calibrationRatings', id: doc.id, revision: 1, seq: i + 1, doc: doc as unknown as Record<string, unknown> })),
      theirs.length,
      Date.now(),
    );
    await saveCalibrationSession(reveal(session, now));
    expect(await kept()).toEqual(await expected());

    const stored = (await database.calibrationRatings.toArray()).filter((r) => r.submittedAt !== null);
    expect(stored).toHaveLength(5);
    expect((await kept())[0]?.alpha).toEqual(revealFigures(session, card, stored).session.alpha);
    expect((await kept())[0]?.alpha?.tooFew).toBe(false);

    // people[2] is erased: the server's tombstone of their ratings, pulled, drops them from the kept figures.
    const before = (await kept())[0]!;
    const tombstone = { ...theirs[0]!, ratings: [], deleted: true };
    await applyPulled(
      database,
      [{ collection: 'calibrationRatings', id: tombstone.id, revision: 2, seq: 10, doc: tombstone as unknown as Record<string, unknown> }],
      10,
      Date.now(),
    );
    expect(await database.calibrationRatings.get(tombstone.id)).toEqual(tombstone);
    expect(await kept()).toEqual(await expected());
    const live = (await database.calibrationRatings.toArray()).filter((r) => r.submittedAt !== null && !r.deleted);
    expect(live).toHaveLength(4);
    expect((await kept())[0]).toEqual(sessionFigures(reveal(session, now), card, live));
    expect((await kept())[0]?.alpha).toEqual(revealFigures(session, card, live).session.alpha);
    expect((await kept())[0]?.alpha?.pairable).toBeLessThan(before.alpha!.pairable);
  });
});
