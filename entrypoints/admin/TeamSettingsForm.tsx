// A team's settings on the administration page, for a lead of the team (or an admin): the dispute
// window and the reviewers allowed to start calibration. Saved locally and synced like every document.
import { useState } from 'preact/hooks';
import { reasonText } from '@/components/errorText';
import { useI18n } from '@/components/i18n';
import { emailKey, type ManagedMember, type Person } from '@/lib/model';
import { DEFAULT_WINDOW_DAYS, MAX_WINDOW_DAYS, MIN_WINDOW_DAYS, newTeamSettings, type TeamSettings } from '@/lib/teamSettings';

interface Props {
  team: { id: string; name: string; members: readonly ManagedMember[] };
  /** The team's settings as this profile holds them (undefined: none saved yet). */
  stored: TeamSettings | undefined;
  me: Person;
  onSave: (settings: TeamSettings) => Promise<unknown>;
}

export function TeamSettingsForm({ team, stored, me, onSave }: Props) {
  const { t } = useI18n();
  const [days, setDays] = useState<string | null>(null);
  const [starters, setStarters] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const id = (field: string) => `settings-${field}-${team.id}`;
  const shownDays = days ?? String(stored?.disputeWindowDays ?? DEFAULT_WINDOW_DAYS);
  const chosen = starters ?? stored?.calibrationStarters ?? [];
  const reviewers = team.members.filter((m) => m.role === 'reviewer');

  const onSubmit = (event: Event): void => {
    event.preventDefault();
    try {
      // The coaching rhythms are the plan's to edit: kept as stored.
      const settings = newTeamSettings({
        team: team.id,
        disputeWindowDays: Number(shownDays),
        calibrationStarters: chosen,
        coachingRhythms: stored?.coachingRhythms ?? [],
        by: me,
        now: new Date(),
      });
      onSave(settings).then(
        () => {
          setDays(null);
          setStarters(null);
          setNotice({ ok: true, text: t('teamSettings.saved', { team: team.name }) });
        },
        (error: unknown) => setNotice({ ok: false, text: t('teamSettings.notSaved', { message: reasonText(t, error) }) }),
      );
    } catch (error) {
      setNotice({ ok: false, text: t('teamSettings.notSaved', { message: reasonText(t, error) }) });
    }
  };

  return (
    <form class="team-settings" onSubmit={onSubmit} aria-labelledby={id('title')}>
      <h3 id={id('title')}>{t('teamSettings.title')}</h3>
      <label for={id('window')}>{t('teamSettings.window')}</label>
      <input
        id={id('window')}
        type="number"
        required
        min={MIN_WINDOW_DAYS}
        max={MAX_WINDOW_DAYS}
        step={1}
        aria-describedby={id('window-help')}
        value={shownDays}
        onInput={(e) => {
          setDays(e.currentTarget.value);
          setNotice(null);
        }}
      />
      <p id={id('window-help')} class="muted">
        {t('teamSettings.window.help', { min: MIN_WINDOW_DAYS, max: MAX_WINDOW_DAYS })}
      </p>
      <fieldset aria-describedby={id('starters-help')}>
        <legend>{t('teamSettings.starters')}</legend>
        <p id={id('starters-help')} class="muted">
          {t('teamSettings.starters.help')}
        </p>
        {reviewers.length === 0 && <p class="muted">{t('teamSettings.starters.none')}</p>}
        {reviewers.map((m) => {
          const email = emailKey(m.email);
          return (
            <label class="checkbox" key={email}>
              <input
                type="checkbox"
                checked={chosen.includes(email)}
                onChange={(e) => {
                  setStarters(e.currentTarget.checked ? [...chosen, email] : chosen.filter((x) => x !== email));
                  setNotice(null);
                }}
              />
              {m.name ? `${m.name} (${email})` : email}
            </label>
          );
        })}
      </fieldset>
      <div class="actions">
        <button type="submit" class="primary">
          {t('teamSettings.save', { team: team.name })}
        </button>
      </div>
      {notice && (
        <p class={notice.ok ? 'status' : 'error-text'} role={notice.ok ? 'status' : 'alert'}>
          {notice.text}
        </p>
      )}
    </form>
  );
}
