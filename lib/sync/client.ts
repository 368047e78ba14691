// The protocol client: push and pull over fetch, with timeouts, parsed answers and classified errors.
import {
  calibrationSubmittedResponseSchema,
  errorResponseSchema,
  MAX_PUSH_BATCH,
  meResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  READ_RULES_HEADER,
  readRulesSchema,
  teamRosterResponseSchema,
  type CalibrationSubmittedResponse,
  type ErrorResponse,
  type MeResponse,
  type PullResponse,
  type PushResponse,
  type SyncChange,
  type TeamRosterResponse,
} from '../model';
import type { z } from 'zod';
import { kindOfStatus, parseRetryAfter, SyncError, toSyncError } from './errors';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface RequestOptions {
  /** Abort when this long passes without an answer (default 30 s). */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** Under the server's default 1 MiB body limit, with room for the envelope. */
export const MAX_PUSH_BYTES = 900_000;

/** The backend URL as typed in the options: HTTPS, or plain HTTP only to this machine. */
export function parseBackendUrl(input: string): { ok: true; url: string } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    return { ok: false, reason: 'the backend needs https:// (plain http:// only for localhost)' };
  }
  if (url.username || url.password) return { ok: false, reason: 'put the token in the token field, not in the URL' };
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/** Splits an outbox into batches the server accepts: at most 200 changes and ~900 kB each. */
export function chunkChanges(changes: readonly SyncChange[], maxCount = MAX_PUSH_BATCH, maxBytes = MAX_PUSH_BYTES): SyncChange[][] {
  const batches: SyncChange[][] = [];
  let current: SyncChange[] = [];
  let bytes = 0;
  for (const change of changes) {
    const size = new TextEncoder().encode(JSON.stringify(change)).length + 1;
    if (current.length > 0 && (current.length >= maxCount || bytes + size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(change);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

export function request<T>(
  schema: z.ZodType<T>,
  url: string,
  init: RequestInit,
  fetchImpl: FetchLike,
  signal: AbortSignal | undefined,
  options: RequestOptions,
): Promise<T> {
  return requestSized(schema, url, init, fetchImpl, signal, options).then((answer) => answer.value);
}

/** A request whose answer comes with its length as received (UTF-16 units of the body text) and its headers. */
async function requestSized<T>(
  schema: z.ZodType<T>,
  url: string,
  init: RequestInit,
  fetchImpl: FetchLike,
  signal: AbortSignal | undefined,
  options: RequestOptions,
): Promise<{ value: T; length: number; headers: Headers }> {
  if (signal?.aborted) throw new SyncError('aborted', 'aborted before sending');
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let response: Response;
    let body: string;
    try {
      response = await fetchImpl(url, { ...init, signal: controller.signal });
      // The timeout covers reading the body too: a server may stall mid-answer.
      body = await response.text();
    } catch (error) {
      if (timedOut) throw new SyncError('timeout', `no answer within ${options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`);
      if (signal?.aborted) throw new SyncError('aborted', 'aborted');
      throw toSyncError(error);
    }
    if (!response.ok) {
      const answer = serverError(body);
      throw new SyncError(
        kindOfStatus(response.status, answer !== null),
        `HTTP ${response.status}: ${serverMessage(body)}`,
        response.status,
        parseRetryAfter(response.headers.get('retry-after')),
        answer,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      // A proxy's HTML page instead of our JSON: treat as a server fault, retried later.
      throw new SyncError('server', 'the answer was not JSON', response.status);
    }
    const parsed = readAnswer(schema, json);
    if (!parsed.success) throw new SyncError('server', `unexpected answer: ${parsed.error.issues[0]?.message ?? ''}`, response.status);
    return { value: parsed.data, length: body.length, headers: response.headers };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** The server's own error body, `{ error, message, issues? }`; null for anything else (an HTML page, another JSON shape). */
function serverError(body: string): ErrorResponse | null {
  try {
    const parsed = errorResponseSchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function serverMessage(body: string): string {
  try {
    const json: unknown = JSON.parse(body);
    if (json && typeof json === 'object' && 'message' in json && typeof json.message === 'string') return json.message;
  } catch {
    // not JSON: fall through to the raw text
  }
  return body.slice(0, 200);
}

/**
 * An answer as this release knows it. The answers' schemas are strict (the server's tests hold it to
 * them), but a newer server may add a field to an answer, and the documented order of an upgrade is
 * the server first: so fields this release does not know are let go, at any depth, and everything
 * else the schema says still holds. Only answers are read so: a document (a pulled doc, a conflict's
 * copy) is a record here and meets its kind's strict schema later, where a field this release does not
 * know makes it wait for the upgrade instead (./pull.ts). `json` is the answer just parsed, ours to change.
 */
export function readAnswer<T>(schema: z.ZodType<T>, json: unknown): z.ZodSafeParseResult<T> {
  const parsed = schema.safeParse(json);
  if (parsed.success || !parsed.error.issues.every((issue) => issue.code === 'unrecognized_keys')) return parsed;
  for (const issue of parsed.error.issues) {
    const holder = issue.path.reduce<unknown>((at, key) => (at as Record<PropertyKey, unknown>)[key], json) as Record<string, unknown>;
    for (const key of issue.keys) delete holder[key];
  }
  return schema.safeParse(json);
}

export const headers = (token: string): Record<string, string> => ({
  authorization: `Bearer ${token}`,
  'content-type': 'application/json',
  accept: 'application/json',
});

export const join = (baseUrl: string, path: string): string => `${baseUrl.replace(/\/+$/, '')}${path}`;

/** Pushes one batch (≤ 200 changes). Per-change conflicts come back in `results`, not as errors. */
export function pushBatch(
  baseUrl: string,
  token: string,
  changes: readonly SyncChange[],
  fetchImpl: FetchLike = fetch,
  signal?: AbortSignal,
  options: RequestOptions = {},
): Promise<PushResponse> {
  if (changes.length > MAX_PUSH_BATCH) {
    return Promise.reject(new SyncError('rejected', `a batch holds at most ${MAX_PUSH_BATCH} changes; use chunkChanges`));
  }
  return request(
    pushResponseSchema,
    join(baseUrl, '/v1/sync/push'),
    { method: 'POST', headers: headers(token), body: JSON.stringify({ changes }) },
    fetchImpl,
    signal,
    options,
  );
}

/** One page of documents after `since`; call again with `checkpoint` while `more` is true. */
export function pullSince(
  baseUrl: string,
  token: string,
  since: number,
  limit: number,
  fetchImpl: FetchLike = fetch,
  signal?: AbortSignal,
  options: RequestOptions = {},
): Promise<PullResponse> {
  return pullPage(baseUrl, token, since, limit, fetchImpl, signal, options).then((answer) => answer.page);
}

/** pullSince with the answer's length: what the page weighs in memory (pages of big documents weigh more than their count). */
export async function pullPage(
  baseUrl: string,
  token: string,
  since: number,
  limit: number,
  fetchImpl: FetchLike = fetch,
  signal?: AbortSignal,
  options: RequestOptions = {},
): Promise<{ page: PullResponse; length: number }> {
  const query = new URLSearchParams({ since: String(since), limit: String(limit) });
  const { value, length } = await requestSized(
    pullResponseSchema,
    join(baseUrl, `/v1/sync/pull?${query}`),
    { method: 'GET', headers: headers(token) },
    fetchImpl,
    signal,
    options,
  );
  return { page: value, length };
}

/** "Test connection": who the token belongs to, with role and teams. */
export function fetchMe(
  baseUrl: string,
  token: string,
  fetchImpl: FetchLike = fetch,
  signal?: AbortSignal,
  options: RequestOptions = {},
): Promise<MeResponse> {
  return request(meResponseSchema, join(baseUrl, '/v1/me'), { method: 'GET', headers: headers(token) }, fetchImpl, signal, options);
}

/**
 * The team roster: whom this user may name as reviewee, and who they are themself; with the read rules
 * the server applies (READ_RULES_HEADER), when it says them.
 */
export async function fetchRoster(
  baseUrl: string,
  token: string,
  fetchImpl: FetchLike = fetch,
  signal?: AbortSignal,
  options: RequestOptions = {},
): Promise<TeamRosterResponse & { rules?: string }> {
  const answer = await requestSized(teamRosterResponseSchema, join(baseUrl, '/v1/team/members'), { method: 'GET', headers: headers(token) }, fetchImpl, signal, options);
  const rules = readRulesSchema.safeParse(answer.headers.get(READ_RULES_HEADER));
  return rules.success ? { ...answer.value, rules: rules.data } : answer.value;
}

/** Who of a calibration session's participants submitted which tickets (never their ratings). */
export function fetchCalibrationSubmitted(
  baseUrl: string,
  token: string,
  sessionId: string,
  fetchImpl: FetchLike = fetch,
  options: RequestOptions = {},
): Promise<CalibrationSubmittedResponse> {
  const url = join(baseUrl, `/v1/calibration/${encodeURIComponent(sessionId)}/submitted`);
  return request(calibrationSubmittedResponseSchema, url, { method: 'GET', headers: headers(token) }, fetchImpl, undefined, options);
}
