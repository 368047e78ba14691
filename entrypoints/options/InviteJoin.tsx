// Options: "I have an invite" — the invite link is exchanged for this browser's own token, and Arvio connects.
import { useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { parseInviteLink, redeemInvite, saveBackendConfig, SyncError } from '@/lib/sync';
import type { MeResponse } from '@/lib/model';
import { askForOrigin, useHeldOrigin } from './hostPermission';

export interface Joined {
  url: string;
  token: string;
  me: MeResponse;
}

export function InviteJoin({ onJoined, onError }: { onJoined: (joined: Joined) => Promise<void>; onError: (text: string) => void }) {
  const { t } = useI18n();
  const [link, setLink] = useState('');
  const [busy, setBusy] = useState(false);
  const parsed = parseInviteLink(link);
  const held = useHeldOrigin(parsed?.url ?? '');

  const onSubmit = (event: Event): void => {
    event.preventDefault();
    if (!parsed) {
      onError(t('invite.invalid'));
      return;
    }
    // First thing in the click: a permission prompt opens only within the user's gesture.
    void askForOrigin(parsed.url, held).then(async (granted) => {
      if (!granted) {
        onError(t('sync.permission.denied', { origin: new URL(parsed.url).origin }));
        return;
      }
      setBusy(true);
      try {
        const { token, me } = await redeemInvite(parsed.url, parsed.code);
        await saveBackendConfig({ url: parsed.url, token });
        setLink('');
        await onJoined({ url: parsed.url, token, me });
      } catch (error) {
        const status = error instanceof SyncError ? error.status : null;
        onError(status === 410 ? t('invite.used') : status === 404 ? t('invite.unknown') : t('sync.error.offline'));
      } finally {
        setBusy(false);
      }
    });
  };

  return (
    <details class="invite-join">
      <summary>{t('invite.title')}</summary>
      <p class="muted" id="invite-help">
        {t('invite.help')}
      </p>
      <form onSubmit={onSubmit}>
        <label for="invite-link">{t('invite.link')}</label>
        <input
          id="invite-link"
          type="text"
          autoComplete="off"
          spellcheck={false}
          placeholder="https://arvio.example.com/invite#arvinv_…"
          value={link}
          onInput={(e) => setLink(e.currentTarget.value)}
          aria-describedby="invite-help"
        />
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('invite.joining') : t('invite.join')}
          </button>
        </div>
      </form>
    </details>
  );
}
