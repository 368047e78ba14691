// Derived data has one writer: whatever path writes a synced document, its outbox rows and rollups equal a recomputation.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArvioDb } from '@/lib/db';
import { saveBackendConfig } from '@/lib/sync';
import { acknowledgeReview } from '@/lib/dashboard';
import type { RollupRow } from '@/lib/db/database';
import { deleteReview, submitReview } from '@/lib/db/reviews';
import { recomputeRollups } from '@/lib/db/rollups';
import { ensureBuiltInScorecards, importScorecards, saveScorecard } from '@/lib/db/scorecards';
import { saveSelfCheck } from '@/lib/db/selfchecks';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION } from '@/lib/export';
import { importExportText } from '@/lib/transfer';
import { kindNames, kindOf } from '@/lib/model/kinds';
import type { Review, SelfCheck } from '@/lib/model/review';
import type { ServerDoc } from '@/lib/model/sync';
import { resolveConflict } from '@/lib/sync';
import { removeUnsent } from '@/lib/sync/access';
import { applyPulled } from '@/lib/sync/apply';
import { CARDS, makeReview, rng } from './factory';
import { freshDb } from './fresh';

function normalised(rows: RollupRow[]): Record<string, RollupRow> {
  const out: Record<string, RollupRow> = {};
  for (const r of rows) out[r.key] = { ...r, sum: Math.round(r.sum * 1e9) / 1e9 + 0 };
  return out;
}

async function outboxKeys(database: ArvioDb): Promise<string[]> {
  const rows = await database.outbox.toArray();
  return [...new Set(rows.map((r) => `${r.collection}:${r.docId}`))].sort();
}

function selfCheck(ticket: string, agent: string): SelfCheck {
  const card = CARDS[0]!;
  return {
    id: `zendesk:${ticket}|${agent}`,
    team: null,
    ticket: { helpdesk: 'zendesk', ticketId: ticket, url: `https://acme.zendesk.com/agent/tickets/${ticket}`, subject: 'Lasku', channel: 'email' },
    ticketKey: `zendesk:${ticket}`,
    agent: { id: agent, name: agent },
    scorecardId: card.id,
    scorecardVersion: card.version,
    ratings: [],
    hintCounts: {},
    draftText: null,
    createdAt: '2026-05-01T10:00:00.000Z',
    updatedAt: '2026-05-01T10:00:00.000Z',
    deleted: false,
  };
}

function serverDoc(review: Review, revision: number, seq: number): ServerDoc {
  return { collection: 'reviews', id: review.id, revision, seq, doc: review as unknown as Record<string, unknown> };
}

const SOURCES = ['lib', 'entrypoints', 'components'];
const WRITER_FILES = new Set(['lib/db/writes.ts', 'lib/db/rollups.ts', 'lib/db/planRows.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the one writer of synced documents', () => {
  it('no module but the writer (and the rollups and plan rows it calls) adds outbox rows or writes rollup rows, calibration figures or the coaching plan’s rows', () => {
    const offenders = SOURCES.flatMap(sourceFiles)
      .filter((file) => !WRITER_FILES.has(file))
      .filter((file) =>
        /outbox\.(add|bulkAdd|put|bulkPut)\(|rollups\.(add|bulkAdd|put|bulkPut)\(|applyRollups\(|calibrationFigures\.(add|bulkAdd|put|bulkPut)\(|coachingPlanRows\.(add|bulkAdd|put|bulkPut|delete|bulkDelete)\(/.test(readFileSync(file, 'utf8')),
      );
    expect(offenders).toEqual([]);
  });

  it('every kind of the registry names its own table, key and sync id', () => {
    const database = freshDb();
    for (const name of kindNames) {
      const kind = kindOf(name);
      expect(database.tables.map((t) => t.name)).toContain(kind.table);
    }
    const card = CARDS[0]!;
    expect(kindOf('scorecards').keyOfSyncId(kindOf('scorecards').syncId(card))).toEqual([card.id, card.version]);
    expect(kindOf('scorecards').keyOfSyncId('no-version')).toBeNull();
  });

  it.each([1, 2, 3, 4])(
    'submits, edits, deletes, acknowledgements, self-checks, imports, pulls, removals of what is no longer readable and resolved conflicts leave outbox and rollups equal to a recomputation (seed %i)',
    async (seed) => {
      const database = freshDb();
      await saveBackendConfig({ url: 'http://127.0.0.1:9', token: 'secret' });
      const random = rng(seed);
      const local = new Set<string>();
      const pulled = new Map<string, { review: Review; revision: number }>();
      let seq = 0;
      let importN = 0;
      for (let step = 0; step < 90; step++) {
        const roll = random();
        const localIds = [...local].filter((k) => k.startsWith('reviews:')).map((k) => k.slice('reviews:'.length));
        if (roll < 0.3 || localIds.length === 0) {
          const review = makeReview({ id: `r${step}`, random });
          await submitReview(review, null);
          local.add(`reviews:${review.id}`);
        } else if (roll < 0.45) {
          const id = localIds[Math.floor(random() * localIds.length)]!;
          await submitReview(makeReview({ id, random }), null);
        } else if (roll < 0.52) {
          await deleteReview(localIds[Math.floor(random() * localIds.length)]!, new Date('2026-07-01T00:00:00.000Z'));
        } else if (roll < 0.58) {
          await acknowledgeReview(localIds[Math.floor(random() * localIds.length)]!, new Date('2026-07-02T00:00:00.000Z'));
        } else if (roll < 0.64) {
          const check = selfCheck(`t${step}`, 'mikko@example.com');
          await saveSelfCheck(check);
          local.add(`selfChecks:${check.id}`);
        } else if (roll < 0.75) {
          // An import: new reviews and a newer version of one already here.
          const reviews = Array.from({ length: 3 }, (_, i) => makeReview({ id: `i${importN}-${i}`, random }));
          importN++;
          const text = JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_FORMAT_VERSION, exportedAt: '2026-07-01T00:00:00.000Z', scorecards: [], selfChecks: [], reviews });
          const result = await importExportText(text);
          expect(result.ok).toBe(true);
          for (const r of reviews) local.add(`reviews:${r.id}`);
        } else {
          // A page pulled from the server: someone else's new review, or a newer state of one pulled before.
          const known = [...pulled.keys()];
          const id = known.length > 0 && random() < 0.4 ? known[Math.floor(random() * known.length)]! : `p${step}`;
          const revision = (pulled.get(id)?.revision ?? 0) + 1;
          const review = { ...makeReview({ id, random }), deleted: random() < 0.1 };
          pulled.set(id, { review, revision });
          seq++;
          await applyPulled(database, [serverDoc(review, revision, seq)], seq, Date.now());
        }
      }
      // The user's access shrank: about half the reviews pulled are no longer sent, and leave this profile.
      const stillSent = new Set([...pulled.keys()].filter(() => random() < 0.5).map((id) => `reviews:${id}`));
      await removeUnsent(database, stillSent, 'reviewer');
      expect((await database.reviews.bulkGet([...pulled.keys()])).filter((r) => r !== undefined).length).toBe(stillSent.size);
      // A conflict on a local review, resolved one way, and on another, the other way.
      const [first, second] = [...local].filter((k) => k.startsWith('reviews:')).map((k) => k.slice('reviews:'.length));
      for (const [i, id] of [first!, second!].entries()) {
        seq++;
        await applyPulled(database, [serverDoc(makeReview({ id, random }), 7, seq)], seq, Date.now());
        await resolveConflict(database, 'reviews', id, i === 0 ? 'theirs' : 'mine');
        // "theirs" leaves nothing to push for it; "mine" queues it again.
        if (i === 0) local.delete(`reviews:${id}`);
      }

      expect(await outboxKeys(database)).toEqual([...local].sort());
      const incremental = normalised(await database.rollups.toArray());
      await recomputeRollups(database, () => {}, 50);
      expect(incremental).toEqual(normalised(await database.rollups.toArray()));
      expect(Object.keys(incremental).length).toBeGreaterThan(0);
    },
  );

  it('an imported file reaches the team backend, whether it came before connecting (queued on connecting) or after', async () => {
    const database = freshDb();
    const random = rng(11);
    const file = (ids: string[]) =>
      JSON.stringify({
        format: EXPORT_FORMAT,
        version: EXPORT_FORMAT_VERSION,
        exportedAt: '2026-07-01T00:00:00.000Z',
        scorecards: [],
        selfChecks: [],
        reviews: ids.map((id) => makeReview({ id, random })),
      });
    await ensureBuiltInScorecards();
    expect((await importExportText(file(['a1', 'a2']))).ok).toBe(true);
    // Only a published card of the team's is shared; a draft stays on this computer, built-ins are everyone's.
    const builtIns = await database.scorecards.filter((c) => c.templateId === c.id).count();
    expect(builtIns).toBeGreaterThan(0);
    await importScorecards([{ ...CARDS[0]!, id: 'team-card', status: 'published' }]);
    await saveScorecard({ ...CARDS[0]!, id: 'my-draft', status: 'draft', publishedAt: null });
    // Without a backend nothing is queued: there is nobody to queue for.
    expect(await outboxKeys(database)).toEqual([]);
    await saveBackendConfig({ url: 'http://127.0.0.1:9', token: 'secret' });
    const shared = (await database.scorecards.where('status').anyOf('published', 'archived').count()) - builtIns;
    expect((await outboxKeys(database)).filter((k) => !k.startsWith('scorecards:'))).toEqual(['reviews:a1', 'reviews:a2']);
    expect(await outboxKeys(database)).toContain(`scorecards:team-card@${CARDS[0]!.version}`);
    expect(await outboxKeys(database)).not.toContain(`scorecards:my-draft@${CARDS[0]!.version}`);
    expect((await outboxKeys(database)).filter((k) => k.startsWith('scorecards:'))).toHaveLength(shared);
    expect(shared).toBe(1);

    expect((await importExportText(file(['b1', 'b2', 'b3', 'b4', 'b5']))).ok).toBe(true);
    expect((await outboxKeys(database)).filter((k) => k.startsWith('reviews:'))).toEqual(['reviews:a1', 'reviews:a2', 'reviews:b1', 'reviews:b2', 'reviews:b3', 'reviews:b4', 'reviews:b5']);
  });
});
