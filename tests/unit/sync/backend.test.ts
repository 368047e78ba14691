// The backend settings: a valid address and token, the host permission, and a new server starting afresh.
import { describe, expect } from 'vitest';
import { saveScorecard, submitReview } from '@/lib/db';
import { clearBackendConfig, getBackendConfig, originCovered, runSync, saveBackendConfig } from '@/lib/sync';
import { scorecard } from '../../../server/tests/helpers/docs';
import { BACKEND, FakeServer, it, mine } from './testbed';

describe('the backend settings', () => {
  it('require HTTPS except on this machine, and a token', async () => {
    await expect(saveBackendConfig({ url: 'http://arvio.example.com', token: 't' })).rejects.toThrow(/https/);
    await expect(saveBackendConfig({ url: 'https://arvio.example.com', token: ' ' })).rejects.toThrow(/token/);
    for (const url of ['http://localhost:8787', 'http://127.0.0.1:8787/', 'http://[::1]:8787', 'https://arvio.example.com/api/']) {
      await saveBackendConfig({ url, token: 'arv_x' });
      expect((await getBackendConfig())?.url).toBe(url.replace(/\/$/, ''));
    }
  });
});

describe('the backend host permission', () => {
  it('counts an origin as granted when a listed match pattern covers it', () => {
    const granted = ['*://*.zendesk.com/agent/*', 'http://127.0.0.1/*', 'http://localhost/*'];
    expect(originCovered('http://127.0.0.1:8787', granted)).toBe(true);
    expect(originCovered('http://localhost:3000', granted)).toBe(true);
    expect(originCovered('https://acme.zendesk.com', granted)).toBe(true);
    expect(originCovered('https://arvio.example.com', granted)).toBe(false);
    expect(originCovered('https://127.0.0.1:8787', granted)).toBe(false);
    expect(originCovered('https://arvio.example.com', ['https://arvio.example.com/*'])).toBe(true);
    expect(originCovered('https://arvio.example.com:8443', ['https://arvio.example.com:443/*'])).toBe(false);
  });
});

describe('connecting to a server', () => {
  it('a first backend gets everything written before it, each shareable document once', async ({ database, server }) => {
    await clearBackendConfig(database);
    await submitReview(mine('r1', { feedback: 'first' }), null);
    await submitReview(mine('r1', { feedback: 'second' }), null);
    await saveScorecard(scorecard('pub', 1));
    await saveScorecard(scorecard('draft', 1, { status: 'draft', publishedAt: null }));
    // Without a backend nothing is queued for one.
    expect(await database.outbox.count()).toBe(0);

    await saveBackendConfig(BACKEND);

    const queued = await database.outbox.toArray();
    expect(queued.map((row) => `${row.collection}:${row.docId}`).sort()).toEqual(['reviews:r1', 'scorecards:pub@1']);
    expect(await runSync(database, BACKEND, server.fetch)).toMatchObject({ result: 'ok', pushed: 2 });
    expect(server.docs.get('reviews:r1')?.doc.feedback).toBe('second');
  });
});

describe('switching to another server', () => {
  it('starts afresh there: everything local is queued again, checkpoint and revisions forgotten', async ({ database, server }) => {
    await saveBackendConfig(BACKEND);
    await submitReview(mine('r1'), null);
    await saveScorecard(scorecard('pub', 1));
    await runSync(database, BACKEND, server.fetch);
    expect(await database.outbox.count()).toBe(0);

    await saveBackendConfig({ ...BACKEND, token: 'arv_other' }); // same server: nothing changes
    expect(await database.outbox.count()).toBe(0);
    const other = new FakeServer();
    const elsewhere = { url: 'https://other.example.com', token: 'arv_x' };
    await saveBackendConfig(elsewhere);
    expect(await database.syncState.count()).toBe(0);
    const outcome = await runSync(database, elsewhere, other.fetch);
    expect(outcome).toMatchObject({ result: 'ok', pushed: 2, conflicts: 0 });
    expect([...other.docs.keys()].sort()).toEqual(['reviews:r1', 'scorecards:pub@1']);
  });
});
