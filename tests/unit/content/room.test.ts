// Making room for the open sidebar: which element is narrowed, by how much, and when the sidebar must end above the composer.
import { afterEach, describe, expect, it } from 'vitest';
import { createRoom } from '@/entrypoints/helpdesk.content/room';
import { DOCK_DEFAULT_WIDTH, DOCK_MIN_WIDTH, DOCK_RAIL_WIDTH, dockWidth } from '@/lib/model/dock';

const rect = (left: number, top: number, width: number, height: number): DOMRect =>
  ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) }) as DOMRect;

function page(viewport = 1280): { app: HTMLElement; send: HTMLElement } {
  document.body.innerHTML = '<div id="app"><button class="send">Send</button></div>';
  Object.defineProperty(document.documentElement, 'clientWidth', { configurable: true, value: viewport });
  const app = document.getElementById('app')!;
  app.getBoundingClientRect = () => rect(60, 0, viewport - 60, 720);
  return { app, send: document.querySelector<HTMLElement>('.send')! };
}

afterEach(() => {
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('style');
});

describe('making room for the sidebar', () => {
  it("narrows the adapter's main container so that it ends where the sidebar begins", () => {
    const { app, send } = page();
    send.getBoundingClientRect = () => rect(700, 680, 80, 30);
    const room = createRoom(document);
    expect(room.fit(400, ['#missing', '#app'], [send])).toEqual({ by: 'helpdesk', above: null });
    // 1280 − 400 − the container's own left edge (60).
    expect(app.style.getPropertyValue('max-width')).toBe('820px');
    expect(app.style.getPropertyPriority('max-width')).toBe('important');
    room.release();
    expect(app.style.getPropertyValue('max-width')).toBe('');
  });

  it("puts back the page's own inline max-width when the sidebar closes or moves on", () => {
    const { app } = page();
    document.documentElement.style.setProperty('max-width', '1200px');
    app.style.setProperty('max-width', '90rem', 'important');
    const room = createRoom(document);
    room.fit(400, undefined, []);
    expect(document.documentElement.style.getPropertyValue('max-width')).toBe('880px');
    room.fit(400, ['#app'], []);
    expect(document.documentElement.style.getPropertyValue('max-width')).toBe('1200px');
    expect(app.style.getPropertyValue('max-width')).toBe('820px');
    room.fit(380, ['#app'], []);
    room.release();
    expect(app.style.getPropertyValue('max-width')).toBe('90rem');
    expect(app.style.getPropertyPriority('max-width')).toBe('important');
  });

  it('narrows the whole page when the helpdesk names no container, or its container is not there', () => {
    const { app } = page();
    const room = createRoom(document);
    expect(room.fit(400, undefined, []).by).toBe('page');
    expect(document.documentElement.style.getPropertyValue('max-width')).toBe('880px');
    expect(room.fit(400, ['#gone'], []).by).toBe('page');
    // Moving to the container found later leaves nothing behind on the page.
    expect(room.fit(400, ['#app'], []).by).toBe('helpdesk');
    expect(document.documentElement.style.getPropertyValue('max-width')).toBe('');
    expect(app.style.getPropertyValue('max-width')).toBe('820px');
  });

  it('where the page could not make room, the sidebar ends above the highest of the composer and its send button', () => {
    const { send } = page();
    const editor = document.createElement('div');
    document.body.append(editor);
    editor.getBoundingClientRect = () => rect(400, 560, 800, 90);
    send.getBoundingClientRect = () => rect(1150, 660, 90, 30);
    const hidden = document.createElement('button');
    hidden.getBoundingClientRect = () => rect(0, 0, 0, 0);
    expect(createRoom(document).fit(400, ['#app'], [editor, send, hidden, null, undefined])).toEqual({ by: 'helpdesk', above: 560 });
  });
});

describe('the sidebar width on a page', () => {
  it.each([
    [undefined, 1920, DOCK_DEFAULT_WIDTH],
    [{ width: 520, collapsed: false }, 1920, 520],
    [{ width: 520, collapsed: true }, 1920, DOCK_RAIL_WIDTH],
    [{ width: 100, collapsed: false }, 1920, DOCK_MIN_WIDTH],
    [{ width: 1500, collapsed: false }, 1280, 768],
    [{ width: 'wide' }, 1280, DOCK_DEFAULT_WIDTH],
    [{ width: Number.NaN, collapsed: false }, 1280, DOCK_DEFAULT_WIDTH],
  ])('stored %j in a %i px viewport is %i px', (stored, viewport, expected) => {
    expect(dockWidth(stored, viewport)).toBe(expected);
  });
});
