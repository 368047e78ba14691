// The sidebar's own size on this helpdesk site: read from and written to storage.local, where the content script follows it.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DOCK_DEFAULT_WIDTH, dockSizeKey, dockSizeSchema, type DockSize } from '@/lib/model';

const initial: DockSize = { width: DOCK_DEFAULT_WIDTH, collapsed: false };

/** `origin`: the helpdesk page's origin (null before a ticket is known: nothing is kept then). */
export function useDockSize(origin: string | null): [DockSize, (next: DockSize) => void] {
  const [size, setSize] = useState<DockSize>(initial);
  useEffect(() => {
    if (!origin) return;
    const key = dockSizeKey(origin);
    const take = (raw: unknown): void => {
      const parsed = dockSizeSchema.safeParse(raw);
      setSize(parsed.success ? parsed.data : initial);
    };
    void browser.storage.local.get(key).then((got) => take(got[key]), () => undefined);
    // Another tab of the same site resized its sidebar: this one follows, as its page does.
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
      if (area === 'local' && key in changes) take(changes[key]?.newValue);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [origin]);
  const save = (next: DockSize): void => {
    setSize(next);
    if (origin) void browser.storage.local.set({ [dockSizeKey(origin)]: next });
  };
  return [size, save];
}

/** The helpdesk site a ticket was read on. */
export function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}
