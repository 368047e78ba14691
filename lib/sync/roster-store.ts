// The cached team roster: refreshed from the backend on sync, kept in the settings row `sync.roster`.
import { BACKEND_KEY, type ArvioDb } from '../db';
import type { BackendConfig } from './backend';
import { fetchRoster, type FetchLike, type RequestOptions } from './client';
import { docHash } from './hash';
import { cachedRosterSchema, publishingTeamsOf, type CachedRoster, type Roster, type RosterTeam } from './roster';

export const ROSTER_KEY = 'sync.roster';

/** The roster for the configured backend and token, or null (no backend, or not fetched yet). */
export async function readRoster(database: ArvioDb): Promise<Roster | null> {
  const [backendRow, row] = await Promise.all([database.settings.get(BACKEND_KEY), database.settings.get(ROSTER_KEY)]);
  const backend = backendRow?.value as Partial<BackendConfig> | undefined;
  const parsed = cachedRosterSchema.safeParse(row?.value);
  if (!parsed.success || !backend || typeof backend.url !== 'string' || typeof backend.token !== 'string') return null;
  if (parsed.data.url !== backend.url || parsed.data.tokenHash !== docHash(backend.token)) return null;
  return { me: parsed.data.me, members: parsed.data.members, teams: parsed.data.teams, rules: parsed.data.rules };
}

/** Fetches and stores the roster. Throws a SyncError on failure (the engine treats it as best effort). */
export async function refreshRoster(
  database: ArvioDb,
  backend: BackendConfig,
  fetchImpl: FetchLike,
  now: number,
  signal?: AbortSignal,
  options: RequestOptions = {},
): Promise<Roster> {
  const answer = await fetchRoster(backend.url, backend.token, fetchImpl, signal, options);
  const cached: CachedRoster = { url: backend.url, tokenHash: docHash(backend.token), fetchedAt: now, ...answer };
  await database.settings.put({ key: ROSTER_KEY, value: cached });
  return { me: answer.me, members: answer.members, teams: answer.teams, rules: answer.rules };
}

/** publishingTeamsOf the stored roster. */
export async function publishingTeams(database: ArvioDb): Promise<RosterTeam[]> {
  return publishingTeamsOf(await readRoster(database));
}

/** The team a new series is published into when nobody chose one: the first of publishingTeams, or null. */
export async function publishingTeam(database: ArvioDb): Promise<string | null> {
  return (await publishingTeams(database))[0]?.id ?? null;
}
