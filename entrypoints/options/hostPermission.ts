// Host access to the team backend's origin: known ahead of the click, because a permission prompt opens only within it.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { backendConfigSchema, backendOriginPattern, originCovered } from '@/lib/sync';

/** The origin pattern of `url` when its access is held already (then nothing needs asking), else null. */
export function useHeldOrigin(url: string): string | null {
  const [granted, setGranted] = useState<string | null>(null);
  useEffect(() => {
    const parsed = backendConfigSchema.shape.url.safeParse(url);
    if (!parsed.success) return;
    const pattern = backendOriginPattern(parsed.data);
    void Promise.all([browser.permissions.contains({ origins: [pattern] }), browser.permissions.getAll()])
      .then(([held, all]) => setGranted(held || originCovered(new URL(parsed.data).origin, all.origins ?? []) ? pattern : null))
      .catch(() => setGranted(null));
  }, [url]);
  return granted;
}

/** Asks for access to the backend's origin unless held: call first thing in the click, before anything awaits. */
export function askForOrigin(url: string, held: string | null): Promise<boolean> {
  const pattern = backendOriginPattern(url);
  return (held === pattern ? Promise.resolve(true) : browser.permissions.request({ origins: [pattern] })).catch(() => false);
}
