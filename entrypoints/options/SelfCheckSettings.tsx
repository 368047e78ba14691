// The agents' self-check: which automatic checks run, the team's own blame phrases, the language.
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { notSavedText } from '@/components/notSaved';
import { CHECK_IDS } from '@/lib/checks';
import { getSettings, saveSettings } from '@/lib/db';
import type { MessageKey } from '@/lib/i18n';
import type { SelfCheckSettings as Prefs, Settings } from '@/lib/model';

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export function SelfCheckSettings() {
  const { t } = useI18n();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [phrases, setPhrases] = useState({ fi: '', en: '' });
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void getSettings().then((loaded) => {
      setSettings(loaded);
      setPhrases({ fi: loaded.selfCheck.blamePhrases.fi.join('\n'), en: loaded.selfCheck.blamePhrases.en.join('\n') });
    });
  }, []);
  if (!settings) return null;
  const prefs = settings.selfCheck;
  const update = (next: Prefs): void => {
    setSettings({ ...settings, selfCheck: next });
    setSaved(false);
  };

  return (
    <form
      class="panel"
      aria-labelledby="selfcheck-settings-title"
      onSubmit={async (event) => {
        event.preventDefault();
        // Other settings may have changed in another section meanwhile: save onto the latest.
        try {
          const latest = await getSettings();
          await saveSettings({
            ...latest,
            selfCheck: { ...prefs, blamePhrases: { fi: lines(phrases.fi), en: lines(phrases.en) } },
          });
        } catch (error) {
          setProblem(notSavedText(t, { kind: 'settings' }, error));
          return;
        }
        setProblem(null);
        setSaved(true);
      }}
    >
      <h2 id="selfcheck-settings-title">{t('options.selfcheck.title')}</h2>
      <p class="muted">{t('options.selfcheck.help')}</p>
      <fieldset>
        <legend>{t('options.selfcheck.checks')}</legend>
        {CHECK_IDS.map((id) => (
          <label key={id} class="checkbox">
            <input
              type="checkbox"
              checked={!prefs.disabled.includes(id)}
              onChange={(e) =>
                update({
                  ...prefs,
                  disabled: e.currentTarget.checked ? prefs.disabled.filter((d) => d !== id) : [...prefs.disabled, id],
                })
              }
            />
            {t(`options.selfcheck.check.${id}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('options.selfcheck.phrases')}</legend>
        <p class="muted">{t('options.selfcheck.phrasesHelp')}</p>
        <div class="row">
          <div>
            <label for="phrases-fi">{t('options.language.fi')}</label>
            <textarea id="phrases-fi" rows={4} value={phrases.fi} onInput={(e) => setPhrases({ ...phrases, fi: e.currentTarget.value })} />
          </div>
          <div>
            <label for="phrases-en">{t('options.language.en')}</label>
            <textarea id="phrases-en" rows={4} value={phrases.en} onInput={(e) => setPhrases({ ...phrases, en: e.currentTarget.value })} />
          </div>
        </div>
      </fieldset>
      <label for="selfcheck-language">{t('options.selfcheck.language')}</label>
      <select
        id="selfcheck-language"
        value={prefs.language}
        onChange={(e) => update({ ...prefs, language: e.currentTarget.value as Prefs['language'] })}
      >
        <option value="auto">{t('options.selfcheck.language.auto')}</option>
        <option value="fi">{t('options.language.fi')}</option>
        <option value="en">{t('options.language.en')}</option>
      </select>
      <div class="actions">
        <button type="submit" class="primary">
          {t('common.save')}
        </button>
        <span role="status" class="status">
          {saved ? t('common.saved') : ''}
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
