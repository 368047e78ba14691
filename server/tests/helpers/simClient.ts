// A minimal extension stand-in for fault tests: docs + outbox + checkpoint as plain, restorable state,
// synced with the real lib/sync client. (The Dexie outbox itself lives in lib/db.)
import { canonicalJson, type SyncChange } from '../../../lib/model/sync';
import type { Review } from '../../../lib/model/review';
import { chunkChanges, pullSince, pushBatch, SyncError, type FetchLike } from '../../../lib/sync';

export interface ClientState {
  docs: Record<string, { doc: Review; base: number | null }>;
  outbox: string[];
  checkpoint: number;
  conflicts: string[];
}

export class SimClient {
  state: ClientState;
  constructor(
    readonly baseUrl: string,
    readonly token: string,
    state?: ClientState,
  ) {
    // A copy: "restarting the browser" hands over the persisted state, not live objects.
    this.state = state ? (JSON.parse(JSON.stringify(state)) as ClientState) : { docs: {}, outbox: [], checkpoint: 0, conflicts: [] };
  }

  /** A local edit: saved at once, queued for the server (one transaction in the real client). */
  edit(doc: Review): void {
    const base = this.state.docs[doc.id]?.base ?? null;
    this.state.docs[doc.id] = { doc, base };
    if (!this.state.outbox.includes(doc.id)) this.state.outbox.push(doc.id);
  }

  async sync(fetchImpl: FetchLike, timeoutMs = 2_000): Promise<void> {
    const changes: SyncChange[] = this.state.outbox.map((id) => {
      const entry = this.state.docs[id]!;
      return { collection: 'reviews', id, baseRevision: entry.base, doc: entry.doc };
    });
    for (const batch of chunkChanges(changes)) {
      const { results } = await pushBatch(this.baseUrl, this.token, batch, fetchImpl, undefined, { timeoutMs });
      results.forEach((result, i) => {
        const sent = batch[i]!;
        const entry = this.state.docs[sent.id]!;
        if (result.status === 'accepted') {
          entry.base = result.revision;
        } else {
          // The sim keeps the server's copy; the real client asks the user.
          this.state.conflicts.push(sent.id);
          this.state.docs[sent.id] = { doc: result.current.doc as unknown as Review, base: result.current.revision };
        }
        // Still queued only if edited again while this push was on the wire.
        if (canonicalJson(this.state.docs[sent.id]!.doc) === canonicalJson(sent.doc) || result.status === 'conflict') {
          this.state.outbox = this.state.outbox.filter((id) => id !== sent.id);
        }
      });
    }
    for (;;) {
      const page = await pullSince(this.baseUrl, this.token, this.state.checkpoint, 500, fetchImpl, undefined, { timeoutMs });
      for (const d of page.docs) {
        if (d.collection !== 'reviews' || this.state.outbox.includes(d.id)) continue;
        this.state.docs[d.id] = { doc: d.doc as unknown as Review, base: d.revision };
      }
      this.state.checkpoint = page.checkpoint;
      if (!page.more) return;
    }
  }

  /** Retries retryable failures (no waiting: the tests are about outcomes, not timing). */
  async syncUntilDone(fetchImpl: FetchLike, maxAttempts = 10, timeoutMs = 2_000): Promise<SyncError[]> {
    const errors: SyncError[] = [];
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      try {
        await this.sync(fetchImpl, timeoutMs);
        return errors;
      } catch (error) {
        if (!(error instanceof SyncError) || !error.retryable) throw error;
        errors.push(error);
      }
    }
    throw new Error(`still failing after ${maxAttempts} attempts: ${errors.map((e) => e.kind).join(', ')}`);
  }
}

/** Fetch wrappers that fail the first `n` calls in one of the ways networks fail. */
export const faults = {
  /** Server down: a closed loopback port, a real ECONNREFUSED. */
  down(n: number, closedUrl: string, realUrl: string): FetchLike {
    let calls = 0;
    return (url, init) => fetch(++calls <= n ? url.replace(realUrl, closedUrl) : url, init);
  },
  status(codes: number[]): FetchLike {
    let calls = 0;
    return (url, init) => {
      const code = codes[calls++];
      return code ? Promise.resolve(new Response('{"error":"x","message":"injected"}', { status: code })) : fetch(url, init);
    };
  },
  hang(n: number): FetchLike {
    let calls = 0;
    return (url, init) =>
      ++calls <= n
        ? new Promise<Response>((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))))
        : fetch(url, init);
  },
  /** The server answers, the connection drops before the client reads it: committed, unseen. */
  lostAnswer(n: number, onlyPush = true): FetchLike {
    let lost = 0;
    return async (url, init) => {
      const response = await fetch(url, init);
      if ((!onlyPush || url.includes('/push')) && lost < n) {
        lost++;
        await response.arrayBuffer();
        throw new TypeError('fetch failed: other side closed');
      }
      return response;
    };
  },
};
