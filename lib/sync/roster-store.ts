// The cached team roster: refreshed from the backend on sync, kept in the settings row `sync.roster`.
import { BACKEND_KEY, type ArvioDb } from '../db';
import type { BackendConfig } from './backend';
import { fetchMe, fetchRoster, type FetchLike, type RequestOptions } from './client';
import { docHash } from './hash';
import { cachedRosterSchema, type CachedRoster, type Roster } from './roster';

export const ROSTER_KEY = 'sync.roster';

/** The roster for the configured backend and token, or null (no backend, or not fetched yet). */
export async function readRoster(database: ArvioDb): Promise<Roster | null> {
  const [backendRow, row] = await Promise.all([database.settings.get(BACKEND_KEY), database.settings.get(ROSTER_KEY)]);
  const backend = backendRow?.value as Partial<BackendConfig> | undefined;
  const parsed = cachedRosterSchema.safeParse(row?.value);
  if (!parsed.success || !backend || typeof backend.url !== 'string' || typeof backend.token !== 'string') return null;
  if (parsed.data.url !== backend.url || parsed.data.tokenHash !== docHash(backend.token)) return null;
  return { me: parsed.data.me, members: parsed.data.members, ...(parsed.data.myTeams ? { myTeams: parsed.data.myTeams } : {}) };
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
  // The caller's team ids come from /v1/me; without them only what needs a team (calibration) waits.
  const [answer, me] = await Promise.all([
    fetchRoster(backend.url, backend.token, fetchImpl, signal, options),
    fetchMe(backend.url, backend.token, fetchImpl, signal, options).catch(() => null),
  ]);
  const myTeams = me ? { myTeams: me.teams } : {};
  const cached: CachedRoster = { url: backend.url, tokenHash: docHash(backend.token), fetchedAt: now, ...answer, ...myTeams };
  await database.settings.put({ key: ROSTER_KEY, value: cached });
  return { me: answer.me, members: answer.members, ...myTeams };
}
