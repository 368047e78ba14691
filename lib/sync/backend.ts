// The team backend's address and token, kept in the settings table and validated on the way in and out.
import { z } from 'zod';
import { kindNames } from '../model';
import { BACKEND_KEY, db, requeueAll, writeScope, type ArvioDb } from '../db';

export { BACKEND_KEY };
import { parseBackendUrl } from './client';
import { SERVER_STATE_KEYS } from './meta';


/** HTTPS, or plain HTTP only to this machine (localhost, 127.0.0.1, [::1]); stored normalised. */
export const backendUrlSchema = z.string().transform((input, ctx) => {
  const parsed = parseBackendUrl(input);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.reason });
    return z.NEVER;
  }
  return parsed.url;
});

export const backendConfigSchema = z.object({
  url: backendUrlSchema,
  token: z.string().trim().min(1, 'a token is needed').max(500),
});
export type BackendConfig = z.output<typeof backendConfigSchema>;

/** The saved backend, or null when Arvio runs without one (or the stored row is unusable). */
export async function getBackendConfig(database: ArvioDb = db()): Promise<BackendConfig | null> {
  const row = await database.settings.get(BACKEND_KEY);
  const parsed = backendConfigSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

/**
 * Validates and saves; throws a ZodError with the field at fault. A first backend, or a different
 * one, starts sync afresh: a new server's checkpoint and revisions mean nothing here, and every
 * shareable local document of every kind is queued for it (writes made before any backend, such as
 * an import, reach it too; the server accepts a document it holds already unchanged).
 */
export async function saveBackendConfig(input: { url: string; token: string }, database: ArvioDb = db()): Promise<BackendConfig> {
  const valid = backendConfigSchema.parse(input);
  await database.transaction(
    'rw',
    [database.settings, database.syncState, database.pulledStates, ...writeScope(database, kindNames)],
    async () => {
      const previous = backendConfigSchema.safeParse((await database.settings.get(BACKEND_KEY))?.value);
      await database.settings.put({ key: BACKEND_KEY, value: valid });
      if (previous.success && previous.data.url === valid.url) return;
      if (previous.success) {
        await database.settings.bulkDelete([...SERVER_STATE_KEYS]);
        await database.syncState.clear();
        await database.pulledStates.clear();
      }
      await database.outbox.clear();
      await requeueAll(database, kindNames);
    },
  );
  return valid;
}

export async function clearBackendConfig(database: ArvioDb = db()): Promise<void> {
  await database.settings.delete(BACKEND_KEY);
}

/** The origin pattern to ask host permission for, e.g. `https://arvio.example.com/*`. */
export function backendOriginPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}

/**
 * Whether a granted match pattern (as `permissions.getAll().origins` lists them) covers the origin.
 * Chromium lists content-script matches there and lets the extension fetch them, yet
 * `permissions.contains` answers false for them; a port-less host matches every port.
 */
export function originCovered(origin: string, patterns: readonly string[]): boolean {
  const target = new URL(origin);
  const scheme = target.protocol.slice(0, -1);
  return patterns.some((pattern) => {
    if (pattern === '<all_urls>') return true;
    const match = /^(\*|https?):\/\/([^/]+)\//.exec(pattern);
    if (!match) return false;
    const [, patternScheme, patternHost] = match as unknown as [string, string, string];
    if (patternScheme !== '*' && patternScheme !== scheme) return false;
    const [host, port] = patternHost.startsWith('[') ? [patternHost.replace(/(\]).*$/, '$1'), patternHost.split(']:')[1]] : patternHost.split(':');
    if (port !== undefined && port !== '*' && port !== target.port) return false;
    if (host === '*') return true;
    if (host?.startsWith('*.')) return target.hostname === host.slice(2) || target.hostname.endsWith(host.slice(1));
    return target.hostname === host;
  });
}
