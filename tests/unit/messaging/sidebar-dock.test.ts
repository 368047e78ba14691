// The sidebar's side of docking: it waits for the background's word, shows data only once docked, and a call
// refused in the moment the worker restarts goes again when its page docks it again.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { connectToPage } from '@/entrypoints/sidebar/connection';
import { NotDockedError } from '@/lib/service';
import { remoteDb } from '@/lib/service/remote';
import { SIDEBAR_PORT_PREFIX } from '@/lib/model/messages';
import { FakePort } from './fake-port';

const S1 = '6f2c1d0e-1111-4a4a-9b9b-000000000001';

/** The sidebar's port as the background holds it: `receive` is the background posting to the sidebar. */
function backgroundEnd() {
  const ports: FakePort[] = [];
  vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(((info: { name: string }) => {
    const port = new FakePort(info.name);
    ports.push(port);
    return port;
  }) as unknown as typeof fakeBrowser.runtime.connect);
  return ports;
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('a sidebar frame learns whether it is docked', () => {
  it('waits for the background, and stays docked once it was, through a worker restart', () => {
    const ports = backgroundEnd();
    const connection = connectToPage(S1);
    const heard: boolean[] = [];
    connection.onDock((docked) => heard.push(docked));
    expect(ports.map((p) => p.name)).toEqual([SIDEBAR_PORT_PREFIX + S1]);
    expect(connection.docked()).toBeNull();
    ports[0]!.receive({ type: 'dock', docked: true });
    expect(connection.docked()).toBe(true);
    // The worker restarted and this port came back before the page's: a moment's "no" is not taken.
    ports[0]!.receive({ type: 'dock', docked: false });
    expect(connection.docked()).toBe(true);
    expect(heard).toEqual([true]);
  });

  it('is undocked for good when the background refuses it, and at once without a session in its address', () => {
    const ports = backgroundEnd();
    const refused = connectToPage(S1);
    ports[0]!.receive({ type: 'dock', docked: false });
    expect(refused.docked()).toBe(false);
    // A frame the page made with a bare sidebar.html: nothing to ask, nothing asked.
    const bare = connectToPage('');
    expect(bare.docked()).toBe(false);
    expect(ports).toHaveLength(1);
  });

  it('sends a refused call again once the page docks the sidebar again, and only once', async () => {
    const ports = backgroundEnd();
    connectToPage(S1);
    const refusal = { ok: false, error: 'Arvio opens from the helpdesk page', quota: false, refused: true };
    const replies: unknown[] = [refusal, { ok: true, value: [] }];
    // The background's answers in turn, then refusals.
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => replies.shift() ?? refusal) as never);
    const listed = remoteDb.listScorecards();
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    ports[0]!.receive({ type: 'dock', docked: true });
    await expect(listed).resolves.toEqual([]);
    expect(send).toHaveBeenCalledTimes(2);

    vi.useFakeTimers();
    const again = remoteDb.listScorecards();
    const failed = expect(again).rejects.toBeInstanceOf(NotDockedError);
    await vi.advanceTimersByTimeAsync(5000);
    await failed;
  });
});
