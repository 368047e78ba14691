// Where Arvio's data lives, how much space it takes, and whether the browser may clear it.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useI18n } from '@/components/i18n';
import { readStorageStatus, type StorageStatus } from '@/lib/db';
import { formatBytes } from '@/lib/i18n';

export function StorageSettings() {
  const { t, lang } = useI18n();
  const [status, setStatus] = useState<StorageStatus | null>(null);

  useEffect(() => {
    let live = true;
    void readStorageStatus(navigator.storage, () => browser.permissions.contains({ permissions: ['unlimitedStorage'] })).then(
      (read) => {
        if (live) setStatus(read);
      },
    );
    return () => {
      live = false;
    };
  }, []);

  return (
    <section class="panel storage" aria-labelledby="storage-title">
      <h2 id="storage-title">{t('storage.title')}</h2>
      <p class="muted">{t('storage.where')}</p>
      {status && (
        <ul class="storage-facts" data-testid="storage-status" data-protection={status.protection}>
          <li class={status.protection === 'none' ? 'error-text' : undefined}>
            {status.protection === 'unlimited'
              ? t('storage.protected.unlimited')
              : status.protection === 'persistent'
                ? t('storage.protected.persistent')
                : t('storage.unprotected')}
          </li>
          <li>{status.usage === null ? t('storage.usage.unknown') : t('storage.usage', { size: formatBytes(lang, status.usage) })}</li>
        </ul>
      )}
    </section>
  );
}
