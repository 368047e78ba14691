// A failure in the user's words: a Finnish user reads Finnish for every failure Arvio knows, on every page.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { errorText, reasonText } from '@/components/errorText';
import { I18nProvider } from '@/components/i18n';
import { DisputeForm } from '@/components/disputes/DisputeForm';
import { ExportPanel } from '@/entrypoints/dashboard/ExportPanel';
import { App } from '@/entrypoints/sidebar/App';
import type { Connection, PageState } from '@/entrypoints/sidebar/connection';
import { BACKEND_KEY, DisputeStateError, ensureBuiltInScorecards, openDispute, StorageFullError, submitReview, type DisputeStateReason } from '@/lib/db';
import { createGenericAdapter } from '@/lib/helpdesks/generic/adapter';
import { newDispute } from '@/lib/disputes';
import { translator } from '@/lib/i18n';
import type { Extraction, TicketSnapshot } from '@/lib/model';
import { handleDbRequest, NoAnswerError, NotDockedError, remoteDb } from '@/lib/service';
import { SyncError } from '@/lib/sync';
import { CARDS, makeReview, rng } from '../db/factory';
import { freshDb } from '../db/fresh';

const fi = translator('fi');
const en = translator('en');

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('reasonText', () => {
  it.each<[string, unknown, string]>([
    ['a full storage', new StorageFullError('QuotaExceededError'), 'selaimen tallennustila Arviolle on täynnä.'],
    ['a sidebar not docked by Arvio', new NotDockedError('Arvio opens from the helpdesk page'), 'Arvio avautuu asiakaspalvelujärjestelmän sivulta'],
    ['a background that did not answer', new NoAnswerError('openDispute'), 'Arvion taustaprosessi ei vastannut.'],
    ['a team backend out of reach', new SyncError('offline', 'TypeError: Failed to fetch'), 'Palvelimeen ei saada yhteyttä.'],
  ])('says %s in Finnish, not in the error’s English', (_kind, error, finnish) => {
    const text = reasonText(fi, error);
    expect(text).toContain(finnish);
    expect(text).not.toContain((error as Error).message);
  });

  it.each<[DisputeStateReason, string, string]>([
    ['disputedAlready', 'Tämä arviointi on jo kiistetty.', 'This review has been disputed already.'],
    ['noOutcome', 'Ratkaisulla täytyy olla lopputulos.', 'A resolution needs an outcome.'],
    ['noSuchDispute', 'Tätä kiistaa ei enää ole tällä tietokoneella.', 'This dispute is no longer on this computer.'],
    ['resolvedAlready', 'Tämä kiista on jo ratkaistu.', 'This dispute has been resolved already.'],
    ['reviewGone', 'Kiistettyä arviointia ei enää ole tällä tietokoneella.', 'The disputed review is no longer on this computer.'],
    ['scorecardMissing', 'Arvioinnin arviointilomaketta ei ole tällä tietokoneella.', "The review's scorecard is not on this computer."],
    ['notResolved', 'Vain ratkaistun kiistan voi avata uudelleen.', 'Only a resolved dispute can be reopened.'],
  ])('names the dispute refusal %s in the user’s language', (reason, finnish, english) => {
    const error = new DisputeStateError(reason, 'technical words');
    expect(errorText(fi, error)).toBe(`Jokin meni vikaan: ${finnish}`);
    expect(errorText(en, error)).toBe(`Something went wrong: ${english}`);
  });

  it('keeps the message of a failure nobody foresaw: the only detail there is for whoever helps', () => {
    expect(errorText(fi, new Error('chunk missing'))).toBe('Jokin meni vikaan: chunk missing');
  });
});

describe('a refusal crossing the database service', () => {
  beforeEach(async () => {
    freshDb('error-text');
    await ensureBuiltInScorecards();
    serveDatabase();
  });

  it('an agent disputes a review again from the sidebar and reads in Finnish that it is disputed already', async () => {
    const card = CARDS[0]!;
    const agent = { id: 'mikko@example.com', name: 'Mikko' };
    const review = await submitReview({ ...makeReview({ id: 'r-1', random: rng(7), card, createdAt: '2026-03-01T09:00:00.000Z' }), reviewee: agent }, null);
    await openDispute(newDispute({ review, agent, wrongAgent: false, reason: 'Not my ticket', items: [], now: new Date() }));
    await expect(remoteDb.openDispute(newDispute({ review, agent, wrongAgent: false, reason: 'Again', items: [], now: new Date() }))).rejects.toMatchObject({
      reason: 'disputedAlready',
    });

    render(
      <I18nProvider fixed="fi">
        <DisputeForm review={review} card={undefined} agent={agent} until={new Date(Date.now() + 86_400_000)} onSend={(d) => remoteDb.openDispute(d)} onCancel={() => {}} />
      </I18nProvider>,
    );
    fireEvent.input(screen.getByRole('textbox'), { target: { value: 'Tämä ei ollut minun tikettini' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lähetä kiista' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Jokin meni vikaan: Tämä arviointi on jo kiistetty.');
  });

  it('a sidebar call the background never answers is said in Finnish', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    const error: unknown = await remoteDb.listScorecards().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoAnswerError);
    expect(errorText(fi, error)).toBe('Jokin meni vikaan: Arvion taustaprosessi ei vastannut. Yritä uudelleen; jos sama toistuu, lataa sivu uudelleen.');
  });
});

/** Requests the service is still answering: awaited before a test's database closes. */
const answering = new Set<Promise<unknown>>();

/** The background's database service, as entrypoints/background.ts registers it. */
function serveDatabase(): void {
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    const answer = handleDbRequest(message, () => {}).then((reply) => reply && sendResponse(reply));
    answering.add(answer);
    void answer.finally(() => answering.delete(answer));
    return true;
  });
}

/** The sidebar's page connection, showing one snapshot. */
function showing(snapshot: TicketSnapshot): Connection {
  const state: PageState = { snapshot, draft: null, layout: null };
  return {
    docked: () => true,
    onDock: () => () => {},
    subscribe: () => () => {},
    onShow: () => () => {},
    onPageReport: () => () => {},
    latest: () => state,
    send: () => {},
    openSettings: () => {},
  };
}

describe('the sidebar when the page gives no conversation', () => {
  beforeEach(() => {
    freshDb('error-text-sidebar');
    serveDatabase();
  });
  afterEach(async () => {
    cleanup();
    // The sidebar's reads still under way finish before the database closes.
    while (answering.size > 0) await Promise.allSettled([...answering]);
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

  it('says in Finnish that the page could not be read, the content script’s English kept as detail', async () => {
    render(
      <I18nProvider fixed="fi">
        <App connection={showing({ state: 'error', ticket: null, message: 'answer holds something that is not a comment' })} />
      </I18nProvider>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('p')!.textContent).toBe('Lataa sivu uudelleen. Jos tämä toistuu, kerro tiiminvetäjälle tai ylläpitäjälle ja liitä mukaan alla oleva tieto.');
    expect(alert.textContent).not.toContain('Jokin meni vikaan: answer');
    expect(alert.textContent).toContain('Tekninen tieto: answer holds something that is not a comment');
  });

  it.each([
    ['no region picked yet', null, 'Tällä sivustolla ei ole vielä valittu keskustelua'],
    ['the picked region gone from the page', '#gone', 'Valitsemaasi keskustelua ei enää löydy tältä sivulta: valitse se uudelleen'],
  ])('on a site Arvio does not know, says %s in Finnish', async (_case, region, finnish) => {
    const adapter = createGenericAdapter({ region: () => region, manual: () => null });
    const url = new URL('https://forum.example.com/thread/7');
    const ctx = adapter.context(document, url)!;
    const extraction = adapter.extract(ctx) as Extraction;
    const ticket = { helpdesk: 'generic', ticketId: ctx.ticketId, url: ctx.url, subject: ctx.subject, channel: ctx.channel };
    render(
      <I18nProvider fixed="fi">
        <App connection={showing({ state: 'ticket', ticket, extraction })} />
      </I18nProvider>,
    );
    expect((await screen.findByRole('heading', { level: 2, name: finnish })).textContent).toBe(finnish);
    expect(screen.queryByText('Tiketti löytyi, mutta viestejä ei voitu lukea')).toBeNull();
  });
});

describe('a lead’s export from the team backend', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says in Finnish that the backend gave no export, its status kept as detail', async () => {
    const database = freshDb('error-text-export');
    await database.settings.put({ key: BACKEND_KEY, value: { url: 'https://arvio.example.com', token: 'arv_test' } });
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502 })));
    render(
      <I18nProvider fixed="fi">
        <ExportPanel />
      </I18nProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Lataa tiimin JSON' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Tiimin palvelin ei antanut vientiä. Yritä myöhemmin uudelleen; jos se ei onnistu, kerro ylläpitäjälle. (HTTP 502)',
    );
  });
});
