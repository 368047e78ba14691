// Alt+Shift+A in the page, for when the browser left the command unbound: it opens the sidebar, yet text being written into the helpdesk (macOS's Option+Shift+A is "Å") stays the writer's.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listenForShortcut } from '@/entrypoints/helpdesk.content/shortcut';

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  document.body.replaceChildren();
});

function listen() {
  const toggled = vi.fn();
  stops.push(listenForShortcut(window, toggled));
  return toggled;
}

/** Alt+Shift+A at the key's position, as the platform reports what it types (`key`). */
function press(target: EventTarget, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, code: 'KeyA', altKey: true, shiftKey: true, bubbles: true, cancelable: true, composed: true, ...init });
  target.dispatchEvent(event);
  return event;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, parent: Node = document.body): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  parent.appendChild(made);
  return made;
}

describe('the in-page Alt+Shift+A', () => {
  it('opens the sidebar from the page, and keeps the keys from the page', () => {
    const toggled = listen();
    const event = press(element('button'), 'A');
    expect(toggled).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(true);
    // Outside a text field Option+Shift+A types nothing on a Mac either.
    press(document.body, 'Å');
    expect(toggled).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['the reply composer (contenteditable)', () => element('p', {}, element('div', { contenteditable: 'true' }))],
    ['a textarea', () => element('textarea')],
    ['a search field', () => element('input', { type: 'search' })],
    [
      'an editor inside a web component’s shadow root',
      () => {
        const host = document.createElement('rich-editor');
        document.body.append(host);
        const root = host.attachShadow({ mode: 'open' });
        return element('div', { contenteditable: '' }, root);
      },
    ],
  ])('leaves Option+Shift+A typing "Å" in %s to the writer', async (_, target) => {
    const toggled = listen();
    const event = press(target(), 'Å');
    expect(toggled).not.toHaveBeenCalled();
    expect(event.defaultPrevented).toBe(false);
  });

  it('while writing a reply, where Alt+Shift+A types nothing (Windows, Linux), still opens Arvio, as the bound command does', () => {
    const toggled = listen();
    const event = press(element('div', { contenteditable: 'true' }), 'A');
    expect(toggled).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(true);
  });

  it('leaves the keys alone while an input method composes, and in a read-only field takes them', () => {
    const toggled = listen();
    expect(press(element('textarea'), 'Process', { isComposing: true }).defaultPrevented).toBe(false);
    expect(press(element('textarea', { readonly: '' }), 'Å').defaultPrevented).toBe(true);
    expect(toggled).toHaveBeenCalledTimes(1);
  });

  it('listens no more once torn down', () => {
    const toggled = listen();
    press(document.body, 'A');
    expect(toggled).toHaveBeenCalledTimes(1);
    stops.splice(0).forEach((stop) => stop());
    press(document.body, 'A');
    expect(toggled).toHaveBeenCalledTimes(1);
  });
});
