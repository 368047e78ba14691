// The dock's keyboard focus: the user's toggle moves it, a restored or repeated state never does.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDock, type Dock } from '@/entrypoints/helpdesk.content/dock';
import { contentStrings } from '@/lib/i18n/content';

let dock: Dock | null = null;
afterEach(() => {
  dock?.destroy();
  dock = null;
  vi.restoreAllMocks();
});

function setup() {
  const focused = vi.spyOn(HTMLIFrameElement.prototype, 'focus');
  dock = createDock(document, 'about:blank', contentStrings('en'), () => undefined, () => undefined, () => undefined);
  return { dock, focused };
}

describe('the sidebar dock', () => {
  it('opening by the user puts the keyboard in the sidebar, and closing gives it back to the toggle', () => {
    const { dock, focused } = setup();
    dock.setOpen(true, true);
    expect(focused).toHaveBeenCalledTimes(1);
    dock.setOpen(false, true);
    const toggle = document.querySelector('arvio-dock')?.shadowRoot?.querySelector('button.toggle');
    expect(document.querySelector('arvio-dock')?.shadowRoot?.activeElement).toBe(toggle);
  });

  it('announcing the same open state again does not pull the keyboard out of the sidebar', () => {
    const { dock, focused } = setup();
    dock.setOpen(true, true);
    dock.setOpen(true);
    dock.setOpen(true, true);
    expect(focused).toHaveBeenCalledTimes(1);
  });

  it('a restored open state shows the sidebar without taking focus from the page', () => {
    const { dock, focused } = setup();
    dock.setOpen(true);
    expect(dock.open).toBe(true);
    expect(document.querySelector('arvio-dock')?.hasAttribute('data-open')).toBe(true);
    expect(focused).not.toHaveBeenCalled();
  });
});
