// The user's teams as the backend names them (GET /v1/me): where an idea can be sent, the ideas list's team names.
import { getBackendConfig } from './backend';
import { fetchMe } from './client';
import type { Team } from '../model/sync';

/** The user's teams; none without a backend or when it cannot be reached. */
export async function myTeams(fetchImpl: typeof fetch = (input, init) => fetch(input, init)): Promise<Team[]> {
  const backend = await getBackendConfig();
  if (!backend) return [];
  try {
    return (await fetchMe(backend.url, backend.token, fetchImpl, undefined, { timeoutMs: 10_000 })).teams;
  } catch {
    return [];
  }
}
