// The cached team roster: refreshed from the backend on sync, kept in the settings row `sync.roster`.
import { BACKEND_KEY, type ArvioDb } from '../db';
import type { BackendConfig } from './backend';
import { fetchRoster, type FetchLike, type RequestOptions } from './client';
import { docHash } from './hash';
import { cachedRosterSchema, documentTeam, teamChoices, type CachedRoster, type Roster, type RosterTeam, type TeamNeed } from './roster';

/** Who publishes scorecards and coaching forms: leads; an admin's are the whole organisation's. */
const PUBLISHING: TeamNeed = { roles: ['lead'], orgWide: true };

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

/**
 * The teams a scorecard or coaching form of a new series may be published into: those the user leads.
 * None for an admin (theirs are the whole organisation's) and in a profile without a backend.
 */
export async function publishingTeams(database: ArvioDb): Promise<RosterTeam[]> {
  return teamChoices(await readRoster(database), PUBLISHING);
}

/** The team a new series is published into when nobody chose one: the first of publishingTeams, or null. */
export async function publishingTeam(database: ArvioDb): Promise<string | null> {
  return documentTeam(await readRoster(database), PUBLISHING);
}
