// The team a scorecard is published into: the publishing lead's first team (an admin's: the whole organisation).
import { db } from '@/lib/db';
import { documentTeam, readRoster } from '@/lib/sync';

export async function publishingTeam(): Promise<string | null> {
  return documentTeam(await readRoster(db()), { roles: ['lead'], orgWide: true });
}
