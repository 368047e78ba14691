// The small hint counter by the composer, in a closed shadow root; it sits above the editor, never over it.
export interface Badge {
  /** `rightEdge`: the x the badge must stay left of (the open sidebar's edge). */
  /** `focus`: how many of the hints touch the agent's coaching focus (marked ◎). */
  show(anchor: Element, count: number, focus: number, label: string, rightEdge: number): void;
  hide(): void;
  destroy(): void;
}

const STYLE = `
:host { all: initial; position: fixed; z-index: 2147483645; }
button {
  display: inline-flex; align-items: center; gap: 4px; height: 22px; padding: 0 8px; border-radius: 11px;
  border: 1px solid #1f5f4a; background: #1f7a5c; color: #fff; font: 600 12px/1 system-ui, sans-serif;
  cursor: pointer; box-shadow: 0 1px 3px rgba(0,0,0,.25);
}
button.clear { background: #fff; color: #1f5f4a; }
button:focus-visible { outline: 3px solid #f2b600; outline-offset: 1px; }
`;

export function createBadge(doc: Document, onOpen: () => void): Badge {
  const host = doc.createElement('arvio-badge');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const button = doc.createElement('button');
  button.type = 'button';
  button.addEventListener('click', onOpen);
  shadow.append(style, button);
  let attached = false;

  return {
    show(anchor, count, focus, label, rightEdge) {
      // One layout read per debounced draft, not per keystroke.
      const rect = anchor.getBoundingClientRect();
      // Just above the editor's top-right corner: outside the text and away from the send button below.
      host.style.top = `${Math.max(0, rect.top - 26)}px`;
      host.style.left = `${Math.max(0, Math.min(rect.right, rightEdge - 8) - 90)}px`;
      button.textContent = count > 0 ? `Arvio · ${count}${focus > 0 ? ' ◎' : ''}` : 'Arvio ✓';
      button.className = count > 0 ? '' : 'clear';
      button.setAttribute('aria-label', label);
      // The count is mirrored on the host for tests and assistive tooling; the closed root stays closed.
      host.dataset.count = String(count);
      host.dataset.focus = String(focus);
      if (!attached) {
        doc.documentElement.append(host);
        attached = true;
      }
    },
    hide() {
      host.remove();
      attached = false;
    },
    destroy() {
      button.removeEventListener('click', onOpen);
      host.remove();
    },
  };
}
