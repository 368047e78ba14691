// Calibration travels in the JSON export: sessions and ratings into another profile, merged by id; a bad one names its field.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { newCalibrationRatings, newCalibrationSession, pseudonymAddress, pseudonymousCalibration } from '@/lib/calibration';
import { ArvioDb, saveCalibrationRatings, saveCalibrationSession, useDatabase } from '@/lib/db';
import { exportJson, importExportText } from '@/lib/export/reviews';
import { templates } from '@/lib/scorecards/templates';

let n = 0;
const opened: ArvioDb[] = [];
function freshDb(): ArvioDb {
  const database = new ArvioDb(`calibration-json-${++n}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  useDatabase(database);
  opened.push(database);
  return database;
}
afterEach(() => {
  for (const d of opened.splice(0)) d.close();
});

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

  it('carries the other participants out only by pseudonym where the facilitator hid names, and the file still imports', async () => {
    const hidden = { ...session, namesShown: false };
    freshDb();
    await saveCalibrationSession(hidden);
    const doc = (p: string) => ({ ...newCalibrationRatings(hidden, p, 'zendesk:102', card, now), submittedAt: now.toISOString() });
    await saveCalibrationRatings(doc('a@arvio.test'));
    await saveCalibrationRatings(doc('b@arvio.test'));
    // Nobody signed in to a backend here: nobody whom names are shown to.
    const text = await collect(exportJson({ now }));
    expect(text).not.toContain('a@arvio.test');
    expect(text).not.toContain('b@arvio.test');
    const file = JSON.parse(text) as { calibrationSessions: { participants: string[] }[]; calibrationRatings: { id: string; participant: string }[] };
    expect(file.calibrationSessions[0]!.participants).toEqual([pseudonymAddress(1), pseudonymAddress(2)]);
    expect(file.calibrationRatings.map((r) => r.participant).sort()).toEqual([pseudonymAddress(1), pseudonymAddress(2)]);
    freshDb();
    expect((await importExportText(text)).ok).toBe(true);
  });

  it('leaves the names to the reader the reveal names them to: themself, the facilitator, a lead', () => {
    const hidden = { ...session, namesShown: false };
    const ratings = ['a@arvio.test', 'b@arvio.test'].map((p) => ({ ...newCalibrationRatings(hidden, p, 'zendesk:102', card, now), submittedAt: now.toISOString() }));
    const out = (me: string, lead: boolean) => pseudonymousCalibration([hidden], ratings, { me, lead });
    expect(out('b@arvio.test', false).sessions[0]!.participants).toEqual([pseudonymAddress(1), 'b@arvio.test']);
    expect(out('b@arvio.test', false).ratings.map((r) => r.id)).toEqual([`cal-json|${pseudonymAddress(1)}|zendesk:102`, ratings[1]!.id]);
    expect(out('lead@arvio.test', false)).toEqual({ sessions: [hidden], ratings });
    expect(out('someone@arvio.test', true)).toEqual({ sessions: [hidden], ratings });
    expect(pseudonymousCalibration([session], ratings, { me: 'b@arvio.test', lead: false })).toEqual({ sessions: [session], ratings });
    // Ratings of a session not held here: only one's own go out.
    expect(pseudonymousCalibration([], ratings, { me: 'b@arvio.test', lead: false }).ratings).toEqual([ratings[1]]);
  });

  it('reads files of earlier releases, which have no calibration', async () => {
    freshDb();
    const file = { format: 'arvio.export', version: 1, exportedAt: now.toISOString(), scorecards: [], selfChecks: [], reviews: [] };
    expect((await importExportText(JSON.stringify(file))).ok).toBe(true);
  });
});
