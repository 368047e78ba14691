// A component whose code loads when it is first shown: views a page does not open with stay out of its first load.
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from './i18n';

export interface Lazy<P> {
  (props: P): JSX.Element;
  /** Starts loading the code now (a page whose link opens this view, before its first render); loads once. */
  preload(): void;
}

/**
 * `load` runs once, on `preload()` or the first render of the returned component (a dynamic `import()`:
 * the bundler puts the module in a chunk of its own). Until it resolves the component shows "Loading…";
 * a chunk that fails to load says so, and the next render tries again.
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): Lazy<P> {
  let loading: Promise<ComponentType<P>> | null = null;
  let loaded: ComponentType<P> | null = null;
  const start = (): Promise<ComponentType<P>> => (loading ??= load().then((c) => (loaded = c)));
  function Lazy(props: P) {
    const { t } = useI18n();
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [error, setError] = useState<string | null>(null);
    useEffect(() => {
      if (component) return;
      let live = true;
      start().then(
        (c) => live && setComponent(() => c),
        (e: unknown) => {
          loading = null;
          if (live) setError(e instanceof Error ? e.message : String(e));
        },
      );
      return () => {
        live = false;
      };
    }, [component]);
    if (error !== null) return <p class="error-text" role="alert">{t('common.error', { message: error })}</p>;
    if (!component) return <p>{t('common.loading')}</p>;
    const Component = component;
    return <Component {...props} />;
  }
  // A failed preload is told by the component when it is shown (and the next render tries again).
  Lazy.preload = (): void => void start().catch(() => undefined);
  return Lazy;
}
