// Calibration travels in the JSON export: sessions and ratings into another profile, merged by id; a bad one names its field.
import { describe, expect, it } from 'vitest';
import { agree, newCalibrationRatings, newCalibrationSession, pseudonymAddress, reveal } from '@/lib/calibration';
import { calibrationData, calibrationRatingsOf, ratingsOfCalibration, saveCalibrationRatings, saveCalibrationSession } from '@/lib/db';
import { exportJson, importExportText } from '@/lib/transfer';
import { templates } from '@/lib/scorecards/templates';
import { applyPulled } from '@/lib/sync/apply';
import { freshDb } from '../db/fresh';

async function collect(gen: AsyncGenerator<string>): Promise<string> {
  let out = '';
  for await (const piece of gen) out += piece;
  return out;
}

const card = templates.find((t) => t.id === 'tpl-chat-en')!;
const now = new Date('2026-03-09T10:00:00.000Z');
const session = newCalibrationSession(
  {
    id: 'cal-json',
    team: 'team-a',
    title: 'March',
    startedBy: 'lead@arvio.test',
    facilitator: 'lead@arvio.test',
    card,
    tickets: [{ helpdesk: 'zendesk', ticketId: '102', url: '', subject: '', channel: 'chat' }],
    participants: ['a@arvio.test', 'b@arvio.test'],
    deadline: now,
    hideAgent: true,
    namesShown: true,
    revealMode: 'facilitator-reveals',
  },
  now,
);

describe('calibration in the JSON export', () => {
  it('moves sessions and ratings to another profile, once, and refuses a broken one by its field', async () => {
    const source = freshDb();
    await saveCalibrationSession(session);
    const ratings = { ...newCalibrationRatings(session, 'a@arvio.test', 'zendesk:102', card, now), submittedAt: now.toISOString() };
    await saveCalibrationRatings(ratings);
    const text = await collect(exportJson({ now }));
    expect(JSON.parse(text)).toMatchObject({ calibrationSessions: [{ id: 'cal-json' }], calibrationRatings: [{ id: ratings.id }] });
    const sessions = await source.calibrationSessions.toArray();

    const target = freshDb();
    expect((await importExportText(text)).ok).toBe(true);
    expect(await target.calibrationSessions.toArray()).toEqual(sessions);
    expect(await target.calibrationRatings.toArray()).toEqual([ratings]);
    expect((await importExportText(text)).ok).toBe(true);
    expect(await target.calibrationRatings.count()).toBe(1);

    const broken = JSON.parse(text) as { calibrationSessions: { participants: string[] }[] };
    broken.calibrationSessions[0]!.participants = ['a@arvio.test'];
    const other = freshDb();
    expect(await importExportText(JSON.stringify(broken))).toEqual({
      ok: false,
      error: { path: 'calibrationSessions[0].participants', message: expect.any(String), reason: { kind: 'issue', issue: expect.objectContaining({ path: ['participants'] }), checked: expect.objectContaining({ participants: ['a@arvio.test'] }) } },
    });
    expect(await other.calibrationSessions.count()).toBe(0);
  });

  it('carries calibration out as the server sent it: a reader without names holds the others by pseudonym, and the file still imports', async () => {
    // What the server sends b when the facilitator hid names: a by pseudonym in the session, its alignments and a's ratings.
    const rated = ['a@arvio.test', 'b@arvio.test'].map((p) => {
      const doc = newCalibrationRatings(session, p, 'zendesk:102', card, now);
      return { ...doc, submittedAt: now.toISOString(), ratings: doc.ratings.map((r) => ({ ...r, value: 1 })) };
    });
    const agreed = agree(reveal({ ...session, namesShown: false }, now), card, rated, [{ ticketKey: 'zendesk:102', criterionId: card.criteria[0]!.id, value: 1, na: false }], now);
    const a = pseudonymAddress(2);
    const received = { ...agreed, participants: [a, 'b@arvio.test'], alignments: agreed.alignments.map((x) => (x.participant === 'a@arvio.test' ? { ...x, participant: a } : x)) };
    freshDb();
    await saveCalibrationSession(received);
    await saveCalibrationRatings({ ...rated[0]!, participant: a, id: `cal-json|${a}|zendesk:102` });
    await saveCalibrationRatings(rated[1]!);
    const text = await collect(exportJson({ now }));
    expect(text).not.toContain('a@arvio.test');
    const file = JSON.parse(text) as { calibrationSessions: { participants: string[]; alignments: { participant: string }[] }[]; calibrationRatings: { participant: string }[] };
    expect(file.calibrationSessions[0]!.participants).toEqual([a, 'b@arvio.test']);
    expect(file.calibrationSessions[0]!.alignments.map((x) => x.participant).sort()).toEqual([a, 'b@arvio.test'].sort());
    expect(file.calibrationRatings.map((r) => r.participant).sort()).toEqual([a, 'b@arvio.test'].sort());
    const target = freshDb();
    expect((await importExportText(text)).ok).toBe(true);
    expect(await target.calibrationRatings.count()).toBe(2);
  });

  it('leaves an erased participant’s deleted ratings out: of the file, of the CSV’s data and of what the sidebar and the dashboard read', async () => {
    const database = freshDb();
    await saveCalibrationSession(reveal(session, now));
    const mine = { ...newCalibrationRatings(session, 'b@arvio.test', 'zendesk:102', card, now), submittedAt: now.toISOString() };
    await saveCalibrationRatings(mine);
    // a's ratings as the server leaves them when a is erased: a tombstone, pulled over the copy held here.
    const theirs = { ...newCalibrationRatings(session, 'a@arvio.test', 'zendesk:102', card, now), submittedAt: now.toISOString() };
    const rated = { ...theirs, ratings: theirs.ratings.map((r) => ({ ...r, value: 1, comment: 'a’s words' })) };
    const tombstone = { ...theirs, ratings: [], deleted: true };
    await applyPulled(database, [{ collection: 'calibrationRatings', id: rated.id, revision: 1, seq: 1, doc: rated }], 1, Date.now());
    await applyPulled(database, [{ collection: 'calibrationRatings', id: tombstone.id, revision: 2, seq: 2, doc: tombstone }], 2, Date.now());
    expect(await database.calibrationRatings.get(tombstone.id)).toEqual(tombstone);

    const text = await collect(exportJson({ now }));
    expect((JSON.parse(text) as { calibrationRatings: { id: string }[] }).calibrationRatings.map((r) => r.id)).toEqual([mine.id]);
    expect(text).not.toContain(tombstone.id);
    expect([...(await calibrationData()).ratings.values()].flat()).toEqual([mine]);
    expect(await ratingsOfCalibration(session.id)).toEqual([mine]);
    expect(await calibrationRatingsOf('a@arvio.test')).toEqual([]);
    expect(await calibrationRatingsOf('b@arvio.test')).toEqual([mine]);
  });

  it('reads files of earlier releases, which have no calibration', async () => {
    freshDb();
    const file = { format: 'arvio.export', version: 1, exportedAt: now.toISOString(), scorecards: [], selfChecks: [], reviews: [] };
    expect((await importExportText(JSON.stringify(file))).ok).toBe(true);
  });
});
