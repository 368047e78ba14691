// The sidebar shows data only once Arvio's content script has docked it; a frame any other page made says where Arvio opens, and nothing more.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import type { Connection } from '../connection';

export function Docked({ connection, children }: { connection: Connection; children: ComponentChildren }) {
  const { t } = useI18n();
  const [docked, setDocked] = useState(connection.docked());
  useEffect(() => {
    setDocked(connection.docked());
    return connection.onDock(setDocked);
  }, [connection]);
  // Until the background answers (a moment): nothing, neither data nor a warning.
  if (docked === null) return null;
  if (docked) return <>{children}</>;
  return (
    <main aria-label={t('sidebar.title')} class="sidebar">
      <section class="body state undocked" role="status">
        <h1>{t('undocked.title')}</h1>
        <p>{t('undocked.body')}</p>
      </section>
    </main>
  );
}
