// Language and the reviewer's own identity (used as the reviewer while there is no team backend).
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { notSavedText } from '@/components/notSaved';
import { getSettings, saveSettings } from '@/lib/db';
import { settingsSchema, type Settings } from '@/lib/model';

export function GeneralSettings() {
  const { t } = useI18n();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<'idle' | 'saved' | 'invalid'>('idle');
  const [problem, setProblem] = useState<string | null>(null);
  const failed = (error: unknown): void => setProblem(notSavedText(t, { kind: 'settings' }, error));

  useEffect(() => {
    void getSettings().then(setSettings);
  }, []);
  if (!settings) return <p role="status">{t('common.loading')}</p>;

  const update = (next: Settings): void => {
    setSettings(next);
    setStatus('idle');
  };
  const onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (!settingsSchema.safeParse(settings).success) {
      setStatus('invalid');
      return;
    }
    // Other sections save their own parts: write onto the latest stored settings.
    try {
      const latest = await getSettings();
      await saveSettings({ ...latest, language: settings.language, identity: settings.identity });
    } catch (error) {
      failed(error);
      return;
    }
    setProblem(null);
    setStatus('saved');
  };

  return (
    <form class="panel" onSubmit={onSubmit} aria-labelledby="general-title">
      <h2 id="general-title" class="visually-hidden">{t('options.language.legend')}</h2>
      <fieldset>
        <legend>{t('options.language.legend')}</legend>
        <label for="language">{t('options.language.label')}</label>
        <select
          id="language"
          value={settings.language}
          onChange={(e) => {
            const next = { ...settings, language: (e.currentTarget as HTMLSelectElement).value as Settings['language'] };
            update(next);
            // Language takes effect at once, like in any app's settings.
            getSettings()
              .then((latest) => saveSettings({ ...latest, language: next.language }))
              .catch(failed);
          }}
        >
          <option value="auto">{t('options.language.auto')}</option>
          <option value="fi">{t('options.language.fi')}</option>
          <option value="en">{t('options.language.en')}</option>
        </select>
      </fieldset>
      <fieldset>
        <legend>{t('options.identity.legend')}</legend>
        <p class="muted">{t('options.identity.help')}</p>
        <div class="row">
          <div>
            <label for="identity-name">{t('options.identity.name')}</label>
            <input
              id="identity-name"
              type="text"
              autoComplete="name"
              value={settings.identity.name}
              onInput={(e) => update({ ...settings, identity: { ...settings.identity, name: e.currentTarget.value } })}
            />
          </div>
          <div>
            <label for="identity-email">{t('options.identity.email')}</label>
            <input
              id="identity-email"
              type="email"
              autoComplete="email"
              aria-invalid={status === 'invalid'}
              aria-describedby={status === 'invalid' ? 'identity-email-error' : undefined}
              value={settings.identity.email}
              onInput={(e) => update({ ...settings, identity: { ...settings.identity, email: e.currentTarget.value.trim() } })}
            />
            {status === 'invalid' && (
              <p id="identity-email-error" class="error-text">
                {t('options.identity.invalidEmail')}
              </p>
            )}
          </div>
        </div>
      </fieldset>
      <div class="actions">
        <button type="submit" class="primary">
          {t('common.save')}
        </button>
        <span role="status" class="status">
          {status === 'saved' ? t('common.saved') : ''}
        </span>
      </div>
      {problem && (
        <p class="not-saved" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
