// Ideas and obstacles in the database: submitted, triaged, listed; and which answers the submitter has seen.
import { z } from 'zod';
import { emailKey, ideaSchema, type Idea } from '../model';
import { db } from './database';
import { writeSynced } from './writes';

/** Stores a new idea (lib/ideas newIdea) or its triage (lib/ideas triage), with its outbox row. */
export async function saveIdea(idea: Idea): Promise<Idea> {
  const valid = ideaSchema.parse(idea);
  const database = db();
  return writeSynced(database, ['ideas'], 'local', async (writer) => {
    await writer.put('ideas', [valid], { at: valid.updatedAt });
    return valid;
  });
}

/** Every idea this profile holds (the server sends each user only what they may read), newest first. */
export async function listIdeas(): Promise<Idea[]> {
  const rows = await db().ideas.toArray();
  return rows.filter((i) => !i.deleted).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function ideasOfSubmitter(email: string): Promise<Idea[]> {
  const rows = await db().ideas.where('submitter.id').equals(emailKey(email)).toArray();
  return rows.filter((i) => !i.deleted).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

const SEEN_KEY = 'ideas.seen';
const seenSchema = z.record(z.string(), z.string());

/** Idea id → the updatedAt its submitter last saw. */
export async function ideasSeen(): Promise<Record<string, string>> {
  const parsed = seenSchema.safeParse((await db().settings.get(SEEN_KEY))?.value);
  return parsed.success ? parsed.data : {};
}

/** The submitter has read these ideas as they are now. */
export async function markIdeasSeen(ideas: readonly Pick<Idea, 'id' | 'updatedAt'>[]): Promise<void> {
  if (ideas.length === 0) return;
  const database = db();
  await database.transaction('rw', database.settings, async () => {
    const seen = await ideasSeen();
    const next = { ...seen, ...Object.fromEntries(ideas.map((i) => [i.id, i.updatedAt])) };
    if (ideas.every((i) => seen[i.id] === i.updatedAt)) return;
    await database.settings.put({ key: SEEN_KEY, value: next });
  });
}
