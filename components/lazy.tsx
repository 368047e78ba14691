// A component whose code loads when it is first shown: views a page does not open with stay out of its first load.
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from './i18n';

/**
 * `load` runs once, on the first render of the returned component (a dynamic `import()`: the bundler
 * puts the module in a chunk of its own). Until it resolves the component shows "Loading…"; a chunk
 * that fails to load says so, and the next render tries again.
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): (props: P) => JSX.Element {
  let loading: Promise<ComponentType<P>> | null = null;
  let loaded: ComponentType<P> | null = null;
  return function Lazy(props: P) {
    const { t } = useI18n();
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [error, setError] = useState<string | null>(null);
    useEffect(() => {
      if (component) return;
      let live = true;
      loading ??= load().then((c) => (loaded = c));
      loading.then(
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
  };
}
