// Options: the team backend (address, token, host permission, test connection), sync status, "Sync now" and conflicts.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { errorText } from '@/components/errorText';
import { useI18n } from '@/components/i18n';
import { notSavedText } from '@/components/notSaved';
import { formatSyncTime, syncErrorKey } from '@/components/SyncStatus';
import { useLive } from '@/components/useLive';
import { db } from '@/lib/db';
import {
  backendConfigSchema,
  clearBackendConfig,
  fetchMe,
  getBackendConfig,
  readConflicts,
  resolveConflict,
  saveBackendConfig,
  statusView,
  SyncError,
  type SyncConflict,
} from '@/lib/sync';
import { remoteDb } from '@/lib/service';
import { canonicalJson, syncDocSchemas, type MeResponse } from '@/lib/model';
import { askForOrigin, useHeldOrigin } from './hostPermission';
import { InviteJoin, type Joined } from './InviteJoin';

type Notice = { kind: 'ok' | 'error'; text: string } | null;

/** Fields that differ between the two versions, as short text: what the user compares. */
function differences(conflict: SyncConflict): Array<{ field: string; mine: string; theirs: string }> {
  const fields = [...new Set([...Object.keys(conflict.mine), ...Object.keys(conflict.theirs)])].sort();
  const show = (value: unknown): string => {
    if (value === undefined) return '—';
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  };
  return fields
    .filter((f) => f !== 'revision' && canonicalJson(conflict.mine[f] ?? null) !== canonicalJson(conflict.theirs[f] ?? null))
    .map((field) => ({ field, mine: show(conflict.mine[field]), theirs: show(conflict.theirs[field]) }));
}

export function ConflictItem({ conflict, onResolved }: { conflict: SyncConflict; onResolved: () => void }) {
  const { t } = useI18n();
  const [failure, setFailure] = useState<string | null>(null);
  const label = t('sync.conflict.label', { collection: t(`sync.collection.${conflict.collection}`), id: conflict.id });
  // The server's copy from a newer release (a field this one does not know) cannot be taken here: it
  // would be stored without what this release does not know. After the upgrade it can.
  const newer = useMemo(() => !syncDocSchemas[conflict.collection].safeParse(conflict.theirs).success, [conflict]);
  const newerId = `conflict-newer-${conflict.collection}-${conflict.id}`;
  const choose = async (choice: 'mine' | 'theirs'): Promise<void> => {
    setFailure(null);
    try {
      await resolveConflict(db(), conflict.collection, conflict.id, choice);
      onResolved();
    } catch (error) {
      setFailure(notSavedText(t, { kind: 'conflictChoice', label }, error));
    }
  };
  return (
    <li class="conflict" aria-label={label}>
      <h4>{label}</h4>
      <table class="conflict-diff">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">{t('sync.conflict.mine')}</th>
            <th scope="col">{t('sync.conflict.theirs')}</th>
          </tr>
        </thead>
        <tbody>
          {differences(conflict).map((d) => (
            <tr key={d.field}>
              <th scope="row">{d.field}</th>
              <td data-side="mine">{d.mine}</td>
              <td data-side="theirs">{d.theirs}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="actions">
        <button type="button" onClick={() => void choose('mine')}>
          {t('sync.conflict.keepMine')}
        </button>
        <button type="button" disabled={newer} aria-describedby={newer ? newerId : undefined} onClick={() => void choose('theirs')}>
          {t('sync.conflict.takeTheirs')}
        </button>
      </div>
      {newer && (
        <p id={newerId} class="muted">
          {t('sync.conflict.newer')}
        </p>
      )}
      {failure && (
        <p role="alert" class="error-text">
          {failure}
        </p>
      )}
    </li>
  );
}

export function BackendSettings() {
  const { t, lang } = useI18n();
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const [me, setMe] = useState<MeResponse | null>(null);
  const [busy, setBusy] = useState<'test' | 'sync' | null>(null);
  /** Whether the host permission for the typed origin is held already (then Save asks nothing). */
  const granted = useHeldOrigin(url);
  const status = useLive(() => statusView(db()), [], null);
  const conflicts = useLive(() => readConflicts(db()), [], []);

  useEffect(() => {
    void getBackendConfig().then((config) => {
      if (!config) return;
      setUrl(config.url);
      setToken(config.token);
    });
  }, []);

  const syncNow = async (): Promise<void> => {
    setBusy('sync');
    try {
      // The background runs it, so it books retries and only one sync runs at a time.
      await remoteDb.syncNow();
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(t, error) });
    } finally {
      setBusy(null);
    }
  };

  const onSave = (event: Event): void => {
    event.preventDefault();
    const parsed = backendConfigSchema.safeParse({ url, token });
    if (!parsed.success) {
      const onUrl = parsed.error.issues.some((i) => i.path[0] === 'url');
      setNotice({ kind: 'error', text: t(onUrl ? 'sync.invalid.url' : 'sync.invalid.token') });
      return;
    }
    // Asked first thing in the click: the browser grants permission prompts only within a user gesture.
    void askForOrigin(parsed.data.url, granted).then(async (granted) => {
      if (!granted) {
        setNotice({ kind: 'error', text: t('sync.permission.denied', { origin: new URL(parsed.data.url).origin }) });
        return;
      }
      await saveBackendConfig(parsed.data);
      setUrl(parsed.data.url);
      setNotice({ kind: 'ok', text: t('sync.saved') });
      await syncNow();
    });
  };

  const onTest = async (): Promise<void> => {
    const parsed = backendConfigSchema.safeParse({ url, token });
    if (!parsed.success) {
      setNotice({ kind: 'error', text: t(parsed.error.issues.some((i) => i.path[0] === 'url') ? 'sync.invalid.url' : 'sync.invalid.token') });
      return;
    }
    setBusy('test');
    setMe(null);
    try {
      setMe(await fetchMe(parsed.data.url, parsed.data.token, (input, init) => fetch(input, init), undefined, { timeoutMs: 10_000 }));
      setNotice(null);
    } catch (error) {
      const kind = error instanceof SyncError ? error.kind : 'offline';
      setNotice({ kind: 'error', text: t(syncErrorKey(kind)) });
    } finally {
      setBusy(null);
    }
  };

  const onJoined = async (joined: Joined): Promise<void> => {
    setUrl(joined.url);
    setToken(joined.token);
    setMe(joined.me);
    setNotice({ kind: 'ok', text: t('invite.joined', { name: joined.me.user.name, email: joined.me.user.email }) });
    await syncNow();
  };

  const onRemove = async (): Promise<void> => {
    await clearBackendConfig();
    setUrl('');
    setToken('');
    setMe(null);
    setNotice({ kind: 'ok', text: t('sync.removed') });
  };

  return (
    <section class="panel" aria-labelledby="sync-title">
      <h2 id="sync-title">{t('sync.title')}</h2>
      <p class="muted">{t('sync.help')}</p>
      <form onSubmit={onSave}>
        <div class="row">
          <div>
            <label for="sync-url">{t('sync.url')}</label>
            <input
              id="sync-url"
              type="url"
              inputMode="url"
              autoComplete="off"
              placeholder="https://arvio.example.com"
              value={url}
              onInput={(e) => setUrl(e.currentTarget.value)}
              aria-describedby="sync-url-help"
            />
            <p id="sync-url-help" class="muted">{t('sync.url.help')}</p>
          </div>
          <div>
            <label for="sync-token">{t('sync.token')}</label>
            <input
              id="sync-token"
              type="password"
              autoComplete="off"
              value={token}
              onInput={(e) => setToken(e.currentTarget.value)}
              aria-describedby="sync-token-help"
            />
            <p id="sync-token-help" class="muted">{t('sync.token.help')}</p>
          </div>
        </div>
        <div class="actions">
          <button type="submit" class="primary">
            {t('sync.save')}
          </button>
          <button type="button" onClick={() => void onTest()} disabled={busy !== null}>
            {busy === 'test' ? t('sync.testing') : t('sync.test')}
          </button>
          {status?.connected && (
            <button type="button" onClick={() => void onRemove()}>
              {t('sync.remove')}
            </button>
          )}
        </div>
      </form>
      {!status?.connected && <InviteJoin onJoined={onJoined} onError={(text) => setNotice({ kind: 'error', text })} />}
      <div role="status" aria-live="polite" class="sync-notice">
        {notice && <p class={notice.kind === 'error' ? 'error-text' : 'status'}>{notice.text}</p>}
        {me && (
          <p data-testid="sync-me">
            {t('sync.me', { name: me.user.name, email: me.user.email, role: t(`sync.role.${me.user.role}`) })}
            {me.teams.length > 0 && ` ${t('sync.me.teams', { teams: me.teams.map((team) => team.name).join(', ') })}`}
          </p>
        )}
      </div>

      <h3>{t('sync.status.title')}</h3>
      {status && (
        <div data-testid="sync-status-details">
          {!status.connected ? (
            <p>{t('sync.status.off')}</p>
          ) : (
            <ul class="sync-facts">
              <li>
                {status.lastSuccessAt === null
                  ? t('sync.status.never')
                  : t('sync.status.lastSuccess', { time: formatSyncTime(status.lastSuccessAt, lang) })}
              </li>
              <li data-testid="sync-pending">
                {status.pendingCount > 0 ? t('sync.status.pending', { count: status.pendingCount }) : t('sync.status.upToDate')}
              </li>
              {status.conflictCount > 0 && <li>{t('sync.status.conflicts', { count: status.conflictCount })}</li>}
              {status.lastError && (
                <li class="error-text" data-testid="sync-error">
                  {t(syncErrorKey(status.lastError.kind))}
                  {status.nextAttemptAt !== null && ` ${t('sync.status.nextAttempt', { time: formatSyncTime(status.nextAttemptAt, lang) })}`}
                </li>
              )}
              {status.access && (
                <li data-testid="sync-access-changed">
                  {t('sync.status.accessChanged', { time: formatSyncTime(status.access.at, lang), count: status.access.removed })}
                </li>
              )}
              {status.refused.map((r) => (
                <li key={`${r.collection}:${r.id}`} class="error-text">
                  {t('sync.status.refused', { id: r.id, reason: r.reason })}
                </li>
              ))}
            </ul>
          )}
          {status.connected && (
            <button type="button" onClick={() => void syncNow()} disabled={busy !== null}>
              {busy === 'sync' ? t('sync.syncing') : t('sync.now')}
            </button>
          )}
        </div>
      )}

      {conflicts.length > 0 && (
        <>
          <h3>{t('sync.conflicts.title')}</h3>
          <p class="muted">{t('sync.conflicts.help')}</p>
          <ul class="conflicts">
            {conflicts.map((c) => (
              <ConflictItem key={`${c.collection}:${c.id}`} conflict={c} onResolved={() => void syncNow()} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
