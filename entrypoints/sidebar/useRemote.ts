// Data for the sidebar from the background's database service, refreshed when the database changes.
import { useEffect, useState } from 'preact/hooks';
import { onRemoteChange } from '@/lib/service';

export function useRemote<T>(query: () => Promise<T>, deps: readonly unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    let live = true;
    const load = (): void => {
      query().then(
        (next) => {
          if (live) setValue(next);
        },
        () => undefined,
      );
    };
    load();
    const stop = onRemoteChange(load);
    // Changes made elsewhere (the options page) show when the reviewer comes back to the sidebar.
    window.addEventListener('focus', load);
    return () => {
      live = false;
      stop();
      window.removeEventListener('focus', load);
    };
    // Dependencies: the caller names the dependencies.
  }, deps);
  return value;
}
