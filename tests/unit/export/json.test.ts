// A lead moves every review to another profile with the JSON file: merged by id, all or nothing, errors name the field.
import { describe, expect, it } from 'vitest';
import { ArvioDb } from '@/lib/db';
import { revisionsOfReview, submitReview } from '@/lib/db/reviews';
import { recomputeRollups } from '@/lib/db/rollups';
import { exportJson, importExportFile, importExportText, parseExportFile, type Progress } from '@/lib/transfer';
import { CARDS, makeReview, rng } from '../db/factory';
import { freshDb } from '../db/fresh';

async function collect(gen: AsyncGenerator<string>): Promise<string> {
  let out = '';
  for await (const piece of gen) out += piece;
  return out;
}

async function seeded(count: number, seed: number): Promise<{ database: ArvioDb; text: string }> {
  const database = freshDb();
  const random = rng(seed);
  await database.scorecards.bulkPut(CARDS);
  for (let i = 0; i < count; i++) await submitReview(makeReview({ id: `s${seed}-${i}`, random }), null);
  const text = await collect(exportJson({ chunkSize: 4, now: new Date('2026-07-01T00:00:00.000Z') }));
  return { database, text };
}

describe('JSON export and import', () => {
  it('exports a valid envelope and imports it into a fresh profile with identical reviews and rollups', async () => {
    const { database: source, text } = await seeded(12, 1);
    const sourceReviews = await source.reviews.toArray();
    const sourceRollups = await source.rollups.toArray();
    const file = JSON.parse(text) as { format: string; version: number; reviews: unknown[] };
    expect(file).toMatchObject({ format: 'arvio.export', version: 1, exportedAt: '2026-07-01T00:00:00.000Z' });
    expect(file.reviews).toHaveLength(12);

    const target = freshDb();
    const phases: Progress[] = [];
    const parsed = await parseExportFile(text, (p) => phases.push(p));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const summary = await importExportFile(parsed.file, { chunkSize: 5, onProgress: (p) => phases.push(p) });
    expect(summary.reviews).toEqual({ added: 12, updated: 0, unchanged: 0 });
    expect(await target.reviews.toArray()).toEqual(sourceReviews);
    expect((await target.rollups.toArray()).length).toBe(sourceRollups.length);
    expect(phases.some((p) => p.phase === 'validating')).toBe(true);
    expect(phases.at(-1)).toEqual({ phase: 'writing', done: 12, total: 12 });

    // Importing the same file again (e.g. after a closed tab) adds nothing.
    const again = await importExportFile(parsed.file);
    expect(again.reviews).toEqual({ added: 0, updated: 0, unchanged: 12 });
    expect(await target.reviews.count()).toBe(12);
  });

  it('merges by id: new ones are added, newer revisions win, nothing is duplicated, rollups stay exact', async () => {
    const { text } = await seeded(6, 2);
    const target = freshDb();
    const random = rng(99);
    // The target already has two of the same ids, one older and one newer than the file's.
    const file = JSON.parse(text) as { reviews: ReturnType<typeof makeReview>[] };
    const older = { ...file.reviews[0]!, revision: 1, feedback: 'old' };
    const newer = { ...file.reviews[1]!, revision: 5, feedback: 'mine is newer' };
    await target.reviews.bulkPut([older, newer]);
    await target.reviews.put(makeReview({ id: 'local-only', random }));
    await recomputeRollups(target);
    file.reviews[0] = { ...file.reviews[0]!, revision: 2, feedback: 'from file' };
    const parsed = await parseExportFile(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const summary = await importExportFile(parsed.file, { chunkSize: 2 });
    expect(summary.reviews).toEqual({ added: 4, updated: 1, unchanged: 1 });
    expect(await target.reviews.count()).toBe(7);
    expect((await target.reviews.get(file.reviews[0]!.id))?.feedback).toBe('from file');
    expect((await target.reviews.get(file.reviews[1]!.id))?.feedback).toBe('mine is newer');
    const kept = await target.rollups.toArray();
    await recomputeRollups(target);
    const rebuilt = await target.rollups.toArray();
    const round = (rows: typeof kept) => rows.map((r) => ({ ...r, sum: Math.round(r.sum * 1e9) / 1e9 + 0 })).sort((a, b) => a.key.localeCompare(b.key));
    expect(round(kept)).toEqual(round(rebuilt));
  });

  it('a review the file replaces stays in its history, as an edit’s earlier revision does; one the file leaves alone gains none', async () => {
    const { database: target, text } = await seeded(3, 7);
    const file = JSON.parse(text) as { reviews: ReturnType<typeof makeReview>[] };
    const [edited, same] = file.reviews;
    const before = await target.reviews.get(edited!.id);
    const fromFile = { ...edited!, revision: edited!.revision + 1, feedback: 'edited on the other computer', updatedAt: '2026-07-02T00:00:00.000Z' };
    const result = await importExportText(JSON.stringify({ ...file, reviews: [fromFile, same] }));
    expect(result).toMatchObject({ ok: true, summary: { reviews: { added: 0, updated: 1, unchanged: 1 } } });
    expect(await target.reviews.get(edited!.id)).toMatchObject({ feedback: 'edited on the other computer' });
    expect(await revisionsOfReview(edited!.id)).toEqual([before]);
    expect(await revisionsOfReview(same!.id)).toEqual([]);
  });

  it('a small file into a profile holding many reviews in its id range merges the same way', async () => {
    const { database: target, text } = await seeded(12, 6);
    const file = JSON.parse(text) as { reviews: ReturnType<typeof makeReview>[] };
    const byId = [...file.reviews].sort((a, b) => (a.id < b.id ? -1 : 1));
    // The lowest and the highest id: their key range holds all twelve, more than the probe reads.
    const first = { ...byId[0]!, revision: 9, feedback: 'edited elsewhere' };
    const result = await importExportText(JSON.stringify({ ...file, reviews: [first, byId[11]!] }), { chunkSize: 1 });
    expect(result).toMatchObject({ ok: true, summary: { reviews: { added: 0, updated: 1, unchanged: 1 } } });
    expect(await target.reviews.count()).toBe(12);
    expect((await target.reviews.get(first.id))?.feedback).toBe('edited elsewhere');
    const kept = await target.rollups.toArray();
    await recomputeRollups(target);
    const round = (rows: typeof kept) => rows.map((r) => ({ ...r, sum: Math.round(r.sum * 1e9) / 1e9 + 0 })).sort((a, b) => a.key.localeCompare(b.key));
    expect(round(kept)).toEqual(round(await target.rollups.toArray()));
  });

  it('refuses a file with one bad field, names it, and writes nothing', async () => {
    const { text } = await seeded(15, 3);
    const file = JSON.parse(text) as { reviews: Record<string, unknown>[] };
    file.reviews[12]!.score = 1.7;
    const target = freshDb();
    const parsed = await parseExportFile(JSON.stringify(file));
    expect(parsed).toEqual({
      ok: false,
      error: { path: 'reviews[12].score', message: expect.stringMatching(/1/), reason: { kind: 'issue', issue: expect.objectContaining({ code: 'too_big', path: ['score'] }), checked: expect.objectContaining({ score: 1.7 }) } },
    });
    expect(await target.reviews.count()).toBe(0);
  });

  it('the import control validates while writing, yet a bad review late in the file leaves nothing behind', async () => {
    const { text } = await seeded(15, 5);
    const file = JSON.parse(text) as { reviews: Record<string, unknown>[] };
    file.reviews[13]!.createdAt = 'yesterday';
    const target = freshDb();
    const result = await importExportText(JSON.stringify(file), { chunkSize: 4 });
    expect(result).toMatchObject({ ok: false, error: { path: 'reviews[13].createdAt' } });
    expect(await target.reviews.count()).toBe(0);
    expect(await target.rollups.count()).toBe(0);
    expect(await target.scorecards.count()).toBe(0);

    file.reviews[13]!.createdAt = file.reviews[13]!.updatedAt;
    const ok = await importExportText(JSON.stringify(file), { chunkSize: 4 });
    expect(ok).toMatchObject({ ok: true, summary: { reviews: { added: 15, updated: 0, unchanged: 0 } } });
    expect(await target.reviews.count()).toBe(15);
  });

  it.each([
    ['not json', /not valid JSON/, ''],
    ['[]', /expected a JSON object/, ''],
    ['{"format":"arvio.scorecards","version":1}', /not an Arvio export file/, 'format'],
  ])('explains a wrong file: %s', async (text, message, path) => {
    const parsed = await parseExportFile(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.message).toMatch(message);
    expect(parsed.error.path).toBe(path);
  });

  it('refuses the same review twice in one file', async () => {
    const { text } = await seeded(3, 4);
    const file = JSON.parse(text) as { reviews: unknown[] };
    file.reviews.push(file.reviews[0]);
    const parsed = await parseExportFile(JSON.stringify(file));
    expect(parsed).toMatchObject({ ok: false, error: { path: 'reviews[3].id' } });
  });
});
