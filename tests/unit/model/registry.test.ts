// Every kind of the registry, the new ones included: a local table that keeps it by its key, a
// sync id the protocol accepts and maps back to that key, and the write path that queues it.
import { describe, expect, it } from 'vitest';
import { SCHEMA_V6 } from '@/lib/db';
import { writeSynced } from '@/lib/db/writes';
import { BACKEND_KEY } from '@/lib/db/database';
import { calibrationRatingsId, kindNames, kindOf, syncChangeSchema, type DocOf, type KindName } from '@/lib/model';
import {
  calibrationRatings,
  calibrationSession,
  coachingAction,
  coachingForm,
  coachingNotes,
  coachingSession,
  dispute,
  idea,
  review,
  scorecard,
  selfCheck,
  teamSettings,
} from '../../../server/tests/helpers/docs';
import { formTemplates } from '@/lib/coaching/templates';
import { templates } from '@/lib/scorecards/templates';
import { freshDb } from '../db/fresh';

const LEAD = 'lead@arvio.test';
const AGENT = 'agent1@arvio.test';

/** A valid document of every kind. */
const EXAMPLES: { [K in KindName]: DocOf<K> } = {
  reviews: review('r-1', LEAD, AGENT),
  scorecards: scorecard('card-1', 2),
  selfChecks: selfCheck('sc-1', AGENT),
  calibrationSessions: calibrationSession('cal-1', LEAD, 'team-a', { participants: [LEAD, 'rev1@arvio.test'] }),
  calibrationRatings: calibrationRatings('cal-1', 'rev1@arvio.test'),
  coachingForms: coachingForm('form-1', 3),
  coachingSessions: coachingSession('cs-1', LEAD, AGENT),
  coachingActions: coachingAction('a-1', 'cs-1', LEAD, AGENT),
  coachingNotes: coachingNotes('cs-1', LEAD, AGENT),
  disputes: dispute('r-1', AGENT, LEAD),
  ideas: idea('i-1', AGENT, 'team-a'),
  teamSettings: teamSettings('team-a', LEAD),
};

describe('the registry of synced kinds', () => {
  it.each(kindNames)('%s: its table is in the database schema and keeps a document by its local key', async (name) => {
    const kind = kindOf(name);
    const doc = EXAMPLES[name];
    expect(Object.keys(SCHEMA_V6)).toContain(kind.table);
    const database = freshDb();
    await database.table(kind.table).put(doc);
    expect(await database.table(kind.table).get(kind.localKey(doc) as string)).toEqual(doc);
    expect(kind.keyOfSyncId(kind.syncId(doc))).toEqual(kind.localKey(doc));
  });

  it.each(kindNames)('%s: the protocol accepts a change of it, by its sync id', (name) => {
    const doc = EXAMPLES[name];
    const parsed = syncChangeSchema.safeParse({ collection: name, id: kindOf(name).syncId(doc), baseRevision: null, doc });
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    const wrongId = syncChangeSchema.safeParse({ collection: name, id: 'not-its-id', baseRevision: null, doc });
    expect(wrongId.error?.issues.map((i) => i.path.join('.'))).toContain('id');
  });

  it('a participant cannot push ratings under another participant’s id: the id is derived, in the doc and in the change', () => {
    const mine = calibrationRatings('cal-1', 'rev1@arvio.test');
    const squatted = { ...mine, id: calibrationRatingsId('cal-1', 'rev2@arvio.test', 'zendesk:101') };
    const change = syncChangeSchema.safeParse({ collection: 'calibrationRatings', id: squatted.id, baseRevision: null, doc: squatted });
    expect(change.error?.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['doc.id']));
  });

  it('what erasing a person deletes can be deleted: a kind wholly its owner’s, or about someone, keeps tombstones (`deleted`, false unless set)', () => {
    for (const name of kindNames) {
      const kind = kindOf(name);
      if (kind.whenOwnerErased !== 'delete' && kind.subject(EXAMPLES[name] as never) === null) continue;
      const shape = (kind.schema as unknown as { shape: Record<string, unknown> }).shape;
      expect('deleted' in shape, `${name} has a deleted field`).toBe(true);
      expect((EXAMPLES[name] as { deleted?: unknown }).deleted, name).toBe(false);
    }
    // Ratings stored before the field are live.
    const { deleted: _, ...older } = calibrationRatings('cal-1', 'rev1@arvio.test');
    expect(kindOf('calibrationRatings').schema.parse(older)).toMatchObject({ deleted: false });
    // A deleted one is the server's (erasure): never queued back (a participant may not send it).
    expect(kindOf('calibrationRatings').shareable(calibrationRatings('cal-1', 'rev1@arvio.test', 'zendesk:101', { ratings: [], deleted: true }))).toBe(false);
  });

  it('parents are kinds of the registry, and `opened` and `named` read only kinds that can be opened', () => {
    for (const name of kindNames) {
      const kind = kindOf(name);
      if (kind.parent) expect(kindNames).toContain(kind.parent.kind);
      if (kind.group) expect(kind.parent, `${name} has groups, so a parent that opens them`).toBeDefined();
      const opened = Object.values(kind.read).some((grants) => grants.includes('opened'));
      if (opened) expect(kind.opens !== undefined || (kind.parent !== undefined && kindOf(kind.parent.kind as KindName).opens !== undefined), name).toBe(true);
      // `named` needs something that both opens and names people: the kind itself or its parent.
      const named = Object.values(kind.read).some((grants) => grants.includes('named'));
      const opener = kind.opens !== undefined && kind.audience !== undefined ? kind : kind.parent ? kindOf(kind.parent.kind as KindName) : null;
      if (named) expect(opener?.opens !== undefined && opener.audience !== undefined, name).toBe(true);
    }
  });

  it('what a coach saves is queued for the backend; a participant’s unsubmitted ratings and a draft form stay in the profile', async () => {
    const database = freshDb();
    // Connected to a team backend: only then are writes queued.
    await database.settings.put({ key: BACKEND_KEY, value: { url: 'https://arvio.example.com', token: 'arv_test' } });
    const draft = calibrationRatings('cal-1', 'rev1@arvio.test', 'zendesk:102', { submittedAt: null });
    await writeSynced(database, ['coachingSessions', 'coachingActions', 'coachingNotes', 'calibrationRatings', 'coachingForms'], 'local', async (writer) => {
      await writer.put('coachingSessions', [EXAMPLES.coachingSessions]);
      await writer.put('coachingActions', [EXAMPLES.coachingActions]);
      await writer.put('coachingNotes', [EXAMPLES.coachingNotes]);
      await writer.put('calibrationRatings', [EXAMPLES.calibrationRatings, draft]);
      await writer.put('coachingForms', [coachingForm('form-2', 1, { status: 'draft' })]);
    });
    const queued = (await database.outbox.toArray()).map((row) => `${row.collection}:${row.docId}`);
    expect(queued.sort()).toEqual(
      ['coachingSessions:cs-1', 'coachingActions:a-1', 'coachingNotes:cs-1', `calibrationRatings:${EXAMPLES.calibrationRatings.id}`].sort(),
    );
    expect(await database.calibrationRatings.get(draft.id)).toEqual(draft);
    expect(await database.coachingForms.get(['form-2', 1])).toBeDefined();
  });

  it('the built-in scorecards and forms as shipped stay in the profile; a lead’s published edit of one is queued', async () => {
    const database = freshDb();
    await database.settings.put({ key: BACKEND_KEY, value: { url: 'https://arvio.example.com', token: 'arv_test' } });
    const shippedCard = templates[0]!;
    const shippedForm = formTemplates[0]!;
    const edited = <T extends { version: number; team: string | null; updatedAt: string }>(doc: T): T => ({ ...doc, version: 2, team: 'team-a', updatedAt: '2026-03-02T00:00:00.000Z' });
    await writeSynced(database, ['scorecards', 'coachingForms'], 'local', async (writer) => {
      await writer.put('scorecards', [shippedCard, edited(shippedCard)]);
      await writer.put('coachingForms', [shippedForm, edited(shippedForm)]);
    });
    const queued = (await database.outbox.toArray()).map((row) => `${row.collection}:${row.docId}`);
    expect(queued.sort()).toEqual([`coachingForms:${shippedForm.id}@2`, `scorecards:${shippedCard.id}@2`]);
  });
});
