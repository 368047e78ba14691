// The content script's controller: follows ticket switches, fails soft, and leaves nothing behind.
import { describe, expect, it, vi } from 'vitest';
import { startController, SETTLE_MS, type ControllerDeps } from '@/entrypoints/helpdesk.content/controller';
import type { HelpdeskAdapter } from '@/lib/helpdesks/types';
import type { TicketSnapshot } from '@/lib/model/ticket';

/** A toy helpdesk: the ticket id is the URL's last path part; one message per ticket. */
function toyAdapter(observers: { live: number }, failOn?: string): HelpdeskAdapter {
  return {
    id: 'toy',
    matches: (url) => url.pathname.startsWith('/tickets/'),
    context(doc, url) {
      const id = url.pathname.split('/')[2];
      if (!id) return null;
      return { ticketId: id, url: url.href, subject: `Ticket ${id}`, channel: 'email', root: doc.body };
    },
    extract(ctx) {
      if (ctx.ticketId === failOn) throw new Error('markup changed');
      return {
        messages: [{ id: `${ctx.ticketId}-1`, role: 'customer', author: 'Asiakas', at: null, text: 'Hei' }],
        source: 'dom',
        diagnostics: { matched: {}, counts: {}, notes: [] },
      };
    },
    composer: () => null,
    observe(doc, onChange) {
      observers.live += 1;
      const observer = new MutationObserver(onChange);
      observer.observe(doc.body, { childList: true, subtree: true });
      return () => {
        observers.live -= 1;
        observer.disconnect();
      };
    },
  };
}

function setup(failOn?: string, onTicketPresence?: (present: boolean) => void) {
  vi.useFakeTimers();
  const observers = { live: 0 };
  const adapter = toyAdapter(observers, failOn);
  let url = new URL('http://127.0.0.1/tickets/1');
  const published: TicketSnapshot[] = [];
  const presence: boolean[] = [];
  const deps: ControllerDeps = {
    doc: document,
    location: () => url,
    pickAdapter: (u) => (adapter.matches(u, document) ? adapter : null),
    publish: (s) => published.push(s),
    onTicketPresence: (p) => {
      onTicketPresence?.(p);
      presence.push(p);
    },
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (id) => window.clearTimeout(id),
  };
  const controller = startController(deps);
  const navigate = async (path: string) => {
    url = new URL(path, url);
    document.body.append(document.createElement('div')); // the SPA re-renders
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 1);
  };
  return { controller, observers, published, presence, navigate };
}

describe('content script controller', () => {
  it('publishes the ticket, follows a switch to another ticket, and says when there is none', async () => {
    const { controller, published, presence, navigate } = setup();
    expect(published.at(-1)).toMatchObject({ state: 'ticket', ticket: { ticketId: '1', helpdesk: 'toy' } });
    await navigate('/tickets/2');
    expect(published.at(-1)).toMatchObject({ state: 'ticket', ticket: { ticketId: '2' } });
    await navigate('/dashboard');
    expect(published.at(-1)).toEqual({ state: 'none' });
    expect(presence).toEqual([true, false]);
    controller.destroy();
    vi.useRealTimers();
  });

  it('does not republish an unchanged ticket on unrelated mutations', async () => {
    const { controller, published, navigate } = setup();
    const before = published.length;
    await navigate('/tickets/1');
    await navigate('/tickets/1');
    expect(published.length).toBe(before);
    controller.destroy();
    vi.useRealTimers();
  });

  it('keeps one observer and no timers after 50 switches, and none after destroy', async () => {
    const { controller, observers, published, navigate } = setup();
    for (let i = 0; i < 50; i += 1) await navigate(`/tickets/${100 + i}`);
    expect(published.at(-1)).toMatchObject({ ticket: { ticketId: '149' } });
    expect(observers.live).toBe(1);
    expect(controller.resources()).toBe(1);
    controller.destroy();
    expect(observers.live).toBe(0);
    expect(controller.resources()).toBe(0);
    vi.useRealTimers();
  });

  it('turns an adapter error into an error snapshot instead of throwing into the host page', async () => {
    const { controller, published, navigate } = setup('13');
    await navigate('/tickets/13');
    expect(published.at(-1)).toMatchObject({ state: 'error', message: 'markup changed' });
    await navigate('/tickets/14');
    expect(published.at(-1)).toMatchObject({ state: 'ticket', ticket: { ticketId: '14' } });
    controller.destroy();
    vi.useRealTimers();
  });

  it('keeps reading the page when showing the dock throws (a plain-http page without crypto.randomUUID), and shows it at the next ticket', async () => {
    let broken = true;
    // As the dock did on a plain-http helpdesk, where crypto.randomUUID is undefined.
    const { controller, published, presence, navigate } = setup(undefined, () => {
      if (broken) throw new TypeError('crypto.randomUUID is not a function');
    });
    expect(published.at(-1)).toMatchObject({ state: 'ticket', ticket: { ticketId: '1' } });
    await navigate('/tickets/2');
    expect(published.at(-1)).toMatchObject({ state: 'ticket', ticket: { ticketId: '2' } });
    broken = false;
    await navigate('/tickets/3');
    expect(presence).toEqual([true]);
    controller.destroy();
    vi.useRealTimers();
  });
});
