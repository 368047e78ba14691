// One line of sync status for the sidebar: local only, synced at, waiting, conflicts, or the last error in plain words;
// and, for a day, what left this browser when what the user may read changed.
import { useI18n } from '@/components/i18n';
import { formatDateTime, formatTime, type MessageKey } from '@/lib/i18n';
import type { Language } from '@/lib/model';
import type { SyncStatusView } from '@/lib/sync';

/** When a sync happened or will: the time alone today, else the date too. */
export function formatSyncTime(at: number, lang: Language): string {
  const date = new Date(at);
  return new Date().toDateString() === date.toDateString() ? formatTime(lang, date) : formatDateTime(lang, date.toISOString());
}

export function syncErrorKey(kind: NonNullable<SyncStatusView['lastError']>['kind']): MessageKey {
  return `sync.error.${kind}`;
}

const ACCESS_NOTICE_MS = 24 * 60 * 60 * 1000;

/** `status` null while loading: nothing is shown rather than a guess. */
export function SyncStatus({ status }: { status: SyncStatusView | null }) {
  const { t, lang } = useI18n();
  if (!status) return null;
  let text: string;
  let tone: 'muted' | 'warn' | 'ok' = 'muted';
  if (!status.connected) {
    text = t('sync.line.off');
  } else if (status.conflictCount > 0) {
    text = t('sync.line.conflicts', { count: status.conflictCount });
    tone = 'warn';
  } else if (status.lastError && status.lastError.kind !== 'aborted') {
    text = t('sync.line.error', { message: t(syncErrorKey(status.lastError.kind)) });
    tone = 'warn';
  } else if (status.pendingCount > 0) {
    text = t('sync.line.pending', { count: status.pendingCount });
  } else if (status.lastSuccessAt !== null) {
    text = t('sync.line.ok', { time: formatSyncTime(status.lastSuccessAt, lang) });
    tone = 'ok';
  } else {
    text = t('sync.status.never');
  }
  // Items that left this browser with a change of what the user may read are said here for a day
  // (the settings say it until the next change): a list in the sidebar may be shorter than it was.
  const left = status.access && status.access.removed > 0 && Date.now() - status.access.at < ACCESS_NOTICE_MS ? status.access : null;
  return (
    <>
      <p class={`sync-status sync-status-${tone}`} role="status" aria-live="polite" data-testid="sync-status">
        {text}
      </p>
      {left && (
        <p class="sync-status sync-status-warn" data-testid="sync-access-changed">
          {t('sync.status.accessChanged', { time: formatSyncTime(left.at, lang), count: left.removed })}
        </p>
      )}
    </>
  );
}
