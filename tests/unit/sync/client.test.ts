// The sync client turns every way a request can go wrong into one of a few plain-worded kinds.
import { describe, expect, it } from 'vitest';
import type { SyncChange } from '../../../lib/model/sync';
import {
  chunkChanges,
  describeSyncError,
  fetchMe,
  parseBackendUrl,
  parseRetryAfter,
  pullSince,
  pushBatch,
  SyncError,
  type FetchLike,
} from '../../../lib/sync';
import { pushRefusal } from '../../../lib/sync/errors';

const BASE = 'https://arvio.example.com/';
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function recorder(answer: (url: string, init: RequestInit) => Promise<Response> | Response) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetchImpl: FetchLike = async (url, init) => {
    calls.push({ url, init });
    return answer(url, init);
  };
  return { calls, fetchImpl };
}

async function failure(promise: Promise<unknown>): Promise<SyncError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SyncError) return error;
    throw error;
  }
  throw new Error('expected a SyncError');
}

/** A fetch that never answers until aborted, like a server that hangs. */
const hanging: FetchLike = (_url, init) =>
  new Promise((_resolve, reject) => {
    init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });

const change = (i: number, feedback = ''): SyncChange =>
  ({ collection: 'reviews', id: `r${i}`, baseRevision: null, doc: { id: `r${i}`, feedback } }) as unknown as SyncChange;

describe('pushBatch and pullSince', () => {
  it('push sends the batch with the bearer token and returns the parsed results', async () => {
    const { calls, fetchImpl } = recorder(() =>
      json(200, { results: [{ id: 'r1', collection: 'reviews', status: 'accepted', revision: 1, seq: 7 }] }),
    );
    const answer = await pushBatch(BASE, 'arv_secret', [change(1)], fetchImpl);
    expect(answer.results[0]).toMatchObject({ status: 'accepted', seq: 7 });
    expect(calls[0]?.url).toBe('https://arvio.example.com/v1/sync/push');
    expect(calls[0]?.init.method).toBe('POST');
    expect(new Headers(calls[0]?.init.headers).get('authorization')).toBe('Bearer arv_secret');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ changes: [change(1)] });
  });

  it('pull asks from the checkpoint and returns the page', async () => {
    const { calls, fetchImpl } = recorder(() => json(200, { docs: [], checkpoint: 12, more: false }));
    expect(await pullSince(BASE, 't', 12, 100, fetchImpl)).toEqual({ docs: [], checkpoint: 12, more: false });
    expect(calls[0]?.url).toBe('https://arvio.example.com/v1/sync/pull?since=12&limit=100');
  });

  it('test connection shows who the token belongs to', async () => {
    const me = { user: { id: 'u1', email: 'a@b.fi', name: 'A', role: 'agent' }, teams: [{ id: 't', name: 'Tiimi' }] };
    const { fetchImpl } = recorder(() => json(200, me));
    expect(await fetchMe(BASE, 't', fetchImpl)).toEqual(me);
  });

  // Upgrades go server first: an extension must keep syncing with a server that says more than it knows.
  it('reads a newer server’s answers without the fields this release does not know, at any depth; a document in them stays as sent', async () => {
    const doc = { id: 'r1', feedback: 'Hyvä', sentiment: 'warm' };
    const pulled = recorder(() =>
      json(200, { docs: [{ collection: 'reviews', id: 'r1', revision: 2, seq: 9, doc, origin: 'import' }], checkpoint: 9, more: false, serverTime: '2027-01-01T00:00:00Z' }),
    );
    expect(await pullSince(BASE, 't', 0, 100, pulled.fetchImpl)).toEqual({ docs: [{ collection: 'reviews', id: 'r1', revision: 2, seq: 9, doc }], checkpoint: 9, more: false });

    const pushed = recorder(() => json(200, { results: [{ id: 'r1', collection: 'reviews', status: 'conflict', current: { revision: 3, seq: 10, doc, by: 'x' }, hint: 'merge' }] }));
    expect((await pushBatch(BASE, 't', [change(1)], pushed.fetchImpl)).results).toEqual([{ id: 'r1', collection: 'reviews', status: 'conflict', current: { revision: 3, seq: 10, doc } }]);

    const me = { user: { id: 'u1', email: 'a@b.fi', name: 'A', role: 'agent' }, teams: [{ id: 't', name: 'Tiimi' }] };
    const asked = recorder(() => json(200, { ...me, user: { ...me.user, locale: 'fi' }, teams: [{ ...me.teams[0], colour: 'teal' }] }));
    expect(await fetchMe(BASE, 't', asked.fetchImpl)).toEqual(me);
  });

  it('still refuses a newer server’s answer that lacks a field or changed one, whatever else it added', async () => {
    for (const body of [{ docs: [], more: false, serverTime: 'x' }, { docs: [], checkpoint: 'nine', more: false, serverTime: 'x' }]) {
      const { fetchImpl } = recorder(() => json(200, body));
      const error = await failure(pullSince(BASE, 't', 0, 10, fetchImpl));
      expect(error.kind).toBe('server');
      expect(error.detail).toMatch(/unexpected answer/);
    }
  });

  it.each<[string, () => Response | Promise<Response>, string, boolean]>([
    ['the network is down', () => Promise.reject(new TypeError('fetch failed')), 'offline', true],
    ['a wrong token', () => json(401, { error: 'unauthorized', message: 'a valid bearer token is required' }), 'unauthorized', false],
    ['a refused role', () => json(403, { error: 'forbidden', message: 'no' }), 'forbidden', false],
    ['invalid data', () => json(400, { error: 'invalid_request', message: 'changes.0.doc.score: too big' }), 'rejected', false],
    ['an oversized batch', () => json(413, { error: 'too_large', message: 'big' }), 'server', true],
    ['a proxy’s 403 challenge page', () => new Response('<html>Checking your browser…</html>', { status: 403 }), 'server', true],
    ['a reverse proxy’s 404 and 405', () => new Response('Not Found', { status: 404 }), 'server', true],
    ['a 405 in some other JSON', () => json(405, { status: 405, detail: 'Method Not Allowed' }), 'server', true],
    ['a proxy’s body limit', () => new Response('<html>413 Request Entity Too Large</html>', { status: 413 }), 'server', true],
    ['a proxy’s 400 page', () => new Response('<html>400 Bad Request</html>', { status: 400 }), 'server', true],
    ['HTTP 500', () => json(500, { error: 'server_error', message: 'boom' }), 'server', true],
    ['HTTP 503 from a proxy, as HTML', () => new Response('<html>Bad gateway</html>', { status: 503 }), 'server', true],
    ['a 200 that is not JSON', () => new Response('<html>captive portal</html>', { status: 200 }), 'server', true],
    ['a 200 of the wrong shape', () => json(200, { ok: true }), 'server', true],
  ])('%s is classified', async (_label, answer, kind, retryable) => {
    const { fetchImpl } = recorder(answer);
    const error = await failure(pushBatch(BASE, 't', [change(1)], fetchImpl));
    expect(error.kind).toBe(kind);
    expect(error.retryable).toBe(retryable);
    expect(describeSyncError(error.kind).text.length).toBeGreaterThan(10);
  });

  it('keeps the server’s message as detail and its Retry-After', async () => {
    const { fetchImpl } = recorder(() => json(503, { error: 'x', message: 'maintenance' }, { 'retry-after': '120' }));
    const error = await failure(pullSince(BASE, 't', 0, 10, fetchImpl));
    expect(error.detail).toContain('maintenance');
    expect(error.status).toBe(503);
    expect(error.retryAfterMs).toBe(120_000);
  });

  it('gives up on a hanging server after the timeout', async () => {
    const error = await failure(pushBatch(BASE, 't', [change(1)], hanging, undefined, { timeoutMs: 30 }));
    expect(error.kind).toBe('timeout');
    expect(error.retryable).toBe(true);
  });

  it('stops when the caller aborts, without calling it a timeout', async () => {
    const controller = new AbortController();
    const pending = failure(pullSince(BASE, 't', 0, 10, hanging, controller.signal, { timeoutMs: 10_000 }));
    controller.abort();
    expect((await pending).kind).toBe('aborted');
    const already = await failure(pullSince(BASE, 't', 0, 10, hanging, controller.signal));
    expect(already.kind).toBe('aborted');
  });

  it('refuses a batch over 200 changes before sending', async () => {
    const { calls, fetchImpl } = recorder(() => json(200, { results: [] }));
    const error = await failure(pushBatch(BASE, 't', Array.from({ length: 201 }, (_, i) => change(i)), fetchImpl));
    expect(error.kind).toBe('rejected');
    expect(calls).toHaveLength(0);
  });
});

describe('chunkChanges', () => {
  it('splits by count', () => {
    const batches = chunkChanges(Array.from({ length: 450 }, (_, i) => change(i)));
    expect(batches.map((b) => b.length)).toEqual([200, 200, 50]);
  });

  it('splits by size so no batch exceeds the server limit', () => {
    const big = Array.from({ length: 10 }, (_, i) => change(i, 'x'.repeat(300_000)));
    const batches = chunkChanges(big);
    expect(batches.every((b) => JSON.stringify(b).length < 1_000_000)).toBe(true);
    expect(batches.flat()).toHaveLength(10);
  });

  it('gives nothing for nothing', () => {
    expect(chunkChanges([])).toEqual([]);
  });
});

describe('parseBackendUrl', () => {
  it.each([
    ['https://qa.example.com/', 'https://qa.example.com'],
    ['https://example.com/arvio/', 'https://example.com/arvio'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787'],
  ])('accepts %s', (input, url) => {
    expect(parseBackendUrl(input)).toEqual({ ok: true, url });
  });

  it.each(['http://qa.example.com', 'ftp://example.com', 'not a url', 'https://user:pw@example.com'])('refuses %s', (input) => {
    expect(parseBackendUrl(input).ok).toBe(false);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and dates', () => {
    expect(parseRetryAfter('5')).toBe(5_000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});

describe('what a failed push answer says of its changes', () => {
  const refused = (status: number, error: string, path: string) => json(status, { error, message: `${path}: no; nothing in this batch was saved`, issues: [{ path, message: 'no' }] });
  it.each<[string, () => Response, number, ReturnType<typeof pushRefusal>]>([
    ['the server’s 403 naming the change', () => refused(403, 'forbidden', 'changes.0'), 1, 'refused'],
    ['the server’s 400 naming a field of the change', () => refused(400, 'invalid_request', 'changes.0.doc.score'), 1, 'refused'],
    ['the server’s 409 on an immutable version', () => refused(409, 'immutable', 'changes.0'), 1, 'refused'],
    ['the server’s 403 naming one change of several', () => refused(403, 'forbidden', 'changes.3'), 5, 'split'],
    ['the server’s 413 for one change', () => json(413, { error: 'too_large', message: 'send smaller batches' }), 1, 'refused'],
    ['the server’s 413 for several', () => json(413, { error: 'too_large', message: 'send smaller batches' }), 5, 'split'],
    ['a proxy’s 413 for several: halves may pass', () => new Response('<html>413</html>', { status: 413 }), 5, 'split'],
    ['a proxy’s 413 for one change', () => new Response('<html>413</html>', { status: 413 }), 1, null],
    ['a proxy’s 403 page', () => new Response('<html>Just a moment…</html>', { status: 403 }), 1, null],
    ['a 403 in the server’s shape naming no change', () => json(403, { error: 'forbidden', message: 'no' }), 1, null],
    ['a refusal naming a change the batch does not have', () => refused(403, 'forbidden', 'changes.4'), 2, null],
    ['a 400 naming the whole batch', () => refused(400, 'invalid_request', 'changes'), 3, null],
    ['the server’s 400 for a body that is not JSON', () => json(400, { error: 'invalid_json', message: 'the request body is not valid JSON' }), 1, null],
    ['a 404 in the server’s shape (no such route)', () => json(404, { error: 'not_found', message: 'no route POST /v1/sync/push' }), 1, null],
    ['HTTP 500', () => json(500, { error: 'server_error', message: 'boom' }), 1, null],
  ])('%s', async (_label, answer, size, expected) => {
    const { fetchImpl } = recorder(answer);
    const error = await failure(pushBatch(BASE, 't', Array.from({ length: size }, (_, i) => change(i)), fetchImpl));
    expect(pushRefusal(error, size)).toBe(expected);
  });
});
