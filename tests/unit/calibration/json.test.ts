// Calibration travels in the JSON export: sessions and ratings into another profile, merged by id; a bad one names its field.
import { describe, expect, it } from 'vitest';
import { agree, newCalibrationRatings, newCalibrationSession, pseudonymAddress, reveal } from '@/lib/calibration';
import { saveCalibrationRatings, saveCalibrationSession } from '@/lib/db';
import { exportJson, importExportText } from '@/lib/export/reviews';
import { templates } from '@/lib/scorecards/templates';
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
    expect(await importExportText(JSON.stringify(broken))).toEqual({ ok: false, error: { path: 'calibrationSessions[0].participants', message: expect.any(String) } });
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

  it('reads files of earlier releases, which have no calibration', async () => {
    freshDb();
    const file = { format: 'arvio.export', version: 1, exportedAt: now.toISOString(), scorecards: [], selfChecks: [], reviews: [] };
    expect((await importExportText(JSON.stringify(file))).ok).toBe(true);
  });
});
