// The teams an idea can be sent to: the caller's teams as the backend names them (GET /v1/me).
import { fetchMe, getBackendConfig } from '../sync';
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
