// A runtime port as the background sees it, with the other end's doings (send, close) as methods.
import type { RelayPort } from '@/lib/messaging';

export class FakePort implements RelayPort {
  /** What was relayed to this end; the background's word on docking is kept apart, in `docks`. */
  readonly sent: unknown[] = [];
  /** Each `{ type: 'dock' }` this end was told, in order: whether it is a docked sidebar. */
  readonly docks: boolean[] = [];
  closedByUs = false;
  private readonly messageListeners: ((message: unknown) => void)[] = [];
  private readonly disconnectListeners: (() => void)[] = [];

  constructor(
    readonly name: string,
    readonly sender: RelayPort['sender'] = {},
  ) {}

  postMessage(message: unknown): void {
    if (this.closedByUs) throw new Error('Attempt to postMessage on disconnected port');
    // What crosses a port is a copy.
    const copy = structuredClone(message) as { type?: unknown; docked?: boolean };
    if (copy?.type === 'dock') this.docks.push(copy.docked === true);
    else this.sent.push(copy);
  }
  disconnect(): void {
    this.closedByUs = true;
  }
  readonly onMessage = { addListener: (listener: (message: unknown) => void) => void this.messageListeners.push(listener) };
  readonly onDisconnect = { addListener: (listener: () => void) => void this.disconnectListeners.push(listener) };

  /** The other end sends. */
  receive(message: unknown): void {
    for (const listener of this.messageListeners) listener(message);
  }
  /** The other end went away (navigation, a stopped worker). */
  drop(): void {
    for (const listener of this.disconnectListeners) listener();
  }
  types(): string[] {
    return this.sent.map((m) => (m as { type: string }).type);
  }
}
