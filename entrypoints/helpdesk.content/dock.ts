// The sidebar's dock on the host page: a toggle button (shown while the sidebar is closed) and the sidebar iframe, inside a shadow root.
import type { ContentKey } from '@/lib/i18n';

export interface Dock {
  readonly open: boolean;
  /**
   * Shows or hides the sidebar. `moveFocus` is for the user's own toggle: the keyboard goes into the
   * sidebar on open and back to the toggle on close. A restored or re-announced state never moves
   * focus — the agent may be typing in the host page, and a second focus() on the frame pulls the
   * keyboard out of the sidebar.
   */
  setOpen(open: boolean, moveFocus?: boolean): void;
  /** The sidebar iframe, created on first open and kept so its state survives toggling. */
  frame(): HTMLIFrameElement | null;
  setStrings(strings: Record<ContentKey, string>): void;
  /** The sidebar's width, and the height it must end at where the page could not make room (null: full height). */
  place(width: number, above: number | null): void;
  destroy(): void;
}

export const DOCK_TAG = 'arvio-dock';

const STYLE = `
:host { all: initial; }
.toggle {
  position: fixed; right: 0; top: 50%; transform: translateY(-50%); z-index: 2147483646;
  width: 28px; height: 72px; border: 1px solid #1f5f4a; border-right: none; border-radius: 8px 0 0 8px;
  background: #1f7a5c; color: #fff; font: 600 13px/1 system-ui, sans-serif; cursor: pointer;
  writing-mode: vertical-rl; padding: 0; box-shadow: -1px 1px 4px rgba(0,0,0,.2);
}
.toggle:focus-visible { outline: 3px solid #f2b600; outline-offset: 1px; }
:host([data-open]) .toggle { display: none; }
iframe {
  position: fixed; top: 0; right: 0; width: var(--w, 400px); height: var(--h, 100vh); z-index: 2147483646;
  border: none; background: #fff;
  display: none; color-scheme: light;
}
.grip {
  position: fixed; top: 0; right: calc(var(--w, 400px) - 6px); width: 6px; height: var(--h, 100vh); z-index: 2147483647;
  cursor: ew-resize; touch-action: none; display: none;
}
.grip:hover { background: rgba(31,122,92,.3); }
:host([data-open]) iframe, :host([data-open]) .grip { display: block; }
`;

export function createDock(
  doc: Document,
  sidebarUrl: string,
  strings: Record<ContentKey, string>,
  onToggle: () => void,
  onFrameLoad: (frame: HTMLIFrameElement) => void,
  /** The sidebar's left edge dragged to make it this wide; `done` once the pointer is released. */
  onDrag: (width: number, done: boolean) => void,
): Dock {
  const host = doc.createElement(DOCK_TAG);
  // Open (not closed) so assistive tech and our e2e tests reach the button; the host page can reach
  // any DOM it owns anyway, and the iframe's contents stay out of its reach either way.
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const toggle = doc.createElement('button');
  toggle.type = 'button';
  toggle.className = 'toggle';
  toggle.textContent = 'Arvio';
  toggle.addEventListener('click', onToggle);
  // The mouse's grip on the sidebar's left edge, in the page: a drag there is the page's own, so it
  // goes on over the frame (the keyboard's handle is the sidebar's own separator under it).
  const grip = doc.createElement('div');
  grip.className = 'grip';
  // Where in the grip it was taken: the edge moves with the pointer, without a jump.
  let grab = 0;
  const drag = (event: PointerEvent, done = false): void => {
    if (grip.hasPointerCapture(event.pointerId)) onDrag(doc.documentElement.clientWidth - event.clientX + grab, done);
  };
  grip.onpointerdown = (event) => {
    event.preventDefault();
    grab = event.clientX - grip.getBoundingClientRect().left;
    grip.setPointerCapture(event.pointerId);
  };
  grip.onpointermove = (event) => drag(event);
  grip.onpointerup = (event) => drag(event, true);
  shadow.append(style, toggle, grip);
  doc.documentElement.append(host);

  let open = false;
  let iframe: HTMLIFrameElement | null = null;
  let loaded = false;
  let focusOnLoad = false;
  let current = strings;

  const label = (): void => {
    // Shown only while the sidebar is closed (the sidebar closes itself): it always opens.
    toggle.setAttribute('aria-label', current['content.toggle.open']);
    toggle.setAttribute('aria-expanded', String(open));
    iframe?.setAttribute('title', current['content.frame.title']);
  };

  const ensureFrame = (): HTMLIFrameElement => {
    if (iframe) return iframe;
    const frame = doc.createElement('iframe');
    frame.src = sidebarUrl;
    frame.setAttribute('allow', '');
    frame.addEventListener('load', () => {
      loaded = true;
      // The sidebar's document commits in the extension's process, which hands focus back to the
      // page: a frame opened by the user before it had loaded takes the keyboard again now.
      // The frame element is still the page's focused element then, so focus() alone would do nothing.
      if (focusOnLoad && open) frame.contentWindow?.focus();
      focusOnLoad = false;
      onFrameLoad(frame);
    });
    shadow.append(frame);
    iframe = frame;
    return frame;
  };

  label();
  // Load the sidebar hidden once the page is idle, so opening it shows a ready ticket at once.
  const idle = (globalThis as { requestIdleCallback?: (fn: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
  const prewarm = idle ? idle(() => ensureFrame(), { timeout: 3000 }) : null;
  return {
    get open() {
      return open;
    },
    setOpen(next, moveFocus = false) {
      if (next) ensureFrame();
      if (next === open) return;
      open = next;
      host.toggleAttribute('data-open', open);
      label();
      focusOnLoad = open && moveFocus && !loaded;
      if (!moveFocus) return;
      if (!open) {
        toggle.focus();
        return;
      }
      iframe?.focus();
      // Firefox does not move focus into the frame from within the content script's key event handler
      // (the Alt+Shift+A that opened it): once more when that is done.
      if (iframe && shadow.activeElement !== iframe) {
        setTimeout(() => {
          if (open && iframe && shadow.activeElement !== iframe) iframe.focus();
        }, 0);
      }
    },
    frame: () => iframe,
    place(width, above) {
      host.style.setProperty('--w', `${width}px`);
      host.style.setProperty('--h', above === null ? '100vh' : `${above}px`);
    },
    setStrings(next) {
      current = next;
      label();
    },
    destroy() {
      if (prewarm !== null) (globalThis as { cancelIdleCallback?: (id: number) => void }).cancelIdleCallback?.(prewarm);
      toggle.removeEventListener('click', onToggle);
      host.remove();
      iframe = null;
    },
  };
}
