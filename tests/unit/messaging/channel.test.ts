// The content script's and the sidebar's port to the background: back after the worker stops, patient when refused.
import { describe, expect, it, vi } from 'vitest';
import { openChannel, SETTLED_MS } from '@/lib/messaging/channel';
import { FakePort } from './fake-port';

function setup() {
  let clock = 0;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  const ports: FakePort[] = [];
  const opened = vi.fn();
  const received: unknown[] = [];
  let refuse = false;
  const channel = openChannel({
    connect: () => {
      if (refuse) throw new Error('Extension context invalidated.');
      const port = new FakePort('arvio-page:x');
      ports.push(port);
      return port;
    },
    onMessage: (message) => received.push(message),
    onOpen: (c) => {
      opened();
      c.post({ type: 'hello' });
    },
    setTimeout: (fn, ms) => {
      timers.push({ at: clock + ms, fn, id: nextId });
      return nextId++;
    },
    clearTimeout: (id) => {
      const index = timers.findIndex((t) => t.id === id);
      if (index >= 0) timers.splice(index, 1);
    },
    now: () => clock,
  });
  const advance = (ms: number) => {
    clock += ms;
    for (const timer of timers.filter((t) => t.at <= clock)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.fn();
    }
  };
  return { channel, ports, opened, received, advance, timers, refuseFromNowOn: () => (refuse = true) };
}

describe('a channel to the background', () => {
  it('comes back at once when the idle worker stops, and sends its state again', () => {
    const { channel, ports, opened, advance } = setup();
    expect(ports[0]!.sent).toEqual([{ type: 'hello' }]);
    advance(SETTLED_MS + 30_000);
    ports[0]!.drop();
    advance(0);
    expect(ports).toHaveLength(2);
    expect(opened).toHaveBeenCalledTimes(2);
    channel.post({ type: 'draft' });
    expect(ports[1]!.sent).toEqual([{ type: 'hello' }, { type: 'draft' }]);
  });

  it('backs off when a port is closed as soon as it opens (refused), doubling up to a limit', () => {
    const { ports, advance } = setup();
    const delays: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const before = ports.length;
      ports.at(-1)!.drop();
      let waited = 0;
      while (ports.length === before) {
        advance(50);
        waited += 50;
      }
      delays.push(waited);
    }
    expect(delays.slice(0, 4)).toEqual([100, 200, 400, 800]);
    expect(Math.max(...delays)).toBe(30_000);
  });

  it('hears only its current port, and posts on a new one when the old was closed under it', () => {
    const { channel, ports, received } = setup();
    const first = ports[0]!;
    first.closedByUs = true; // gone, but onDisconnect has not fired yet
    channel.post({ type: 'hints', count: 1 });
    expect(ports).toHaveLength(2);
    expect(ports[1]!.sent).toEqual([{ type: 'hello' }, { type: 'hints', count: 1 }]);
    first.receive({ type: 'stale' });
    ports[1]!.receive({ type: 'attached' });
    expect(received).toEqual([{ type: 'attached' }]);
  });

  it('stays closed once closed, and gives up when the extension is gone', () => {
    const first = setup();
    first.channel.close();
    expect(first.ports[0]!.closedByUs).toBe(true);
    first.ports[0]!.drop();
    first.advance(60_000);
    first.channel.post({ type: 'close' });
    expect(first.ports).toHaveLength(1);

    const second = setup();
    second.refuseFromNowOn();
    second.ports[0]!.drop();
    second.advance(60_000);
    second.channel.post({ type: 'close' });
    expect(second.ports).toHaveLength(1);
    expect(second.timers).toEqual([]);
  });
});
