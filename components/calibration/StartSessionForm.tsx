// Starting a calibration session: scorecard version, participants from the roster, deadline, facilitator, reveal mode.
import { useState } from 'preact/hooks';
import { newCalibrationSession } from '@/lib/calibration';
import { formatDateTime } from '@/lib/i18n';
import { DAY_MS, type CalibrationSession, type RevealMode, type RosterMember, type Scorecard, type TicketRef } from '@/lib/model';
import type { Roster } from '@/lib/sync';
import { calibrationStartTeams, type TeamSettings } from '@/lib/teamSettings';
import { reasonText } from '../errorText';
import { useI18n } from '../i18n';

interface Props {
  roster: Roster;
  /** The settings of the user's teams: who besides leads may start a session. */
  settings: readonly TeamSettings[];
  cards: readonly Scorecard[];
  /** The tickets of the session (the one in view, or those the dashboard's links name); null: not valid yet. */
  tickets: readonly TicketRef[] | null;
  /** More fields before the rest (the dashboard's ticket links). */
  children?: preact.ComponentChildren;
  onStart: (session: CalibrationSession) => Promise<void>;
}

/** A date as `<input type="datetime-local">` wants it, in local time. */
function localInput(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function StartSessionForm({ roster, settings, cards, tickets, children, onStart }: Props) {
  const { t, lang } = useI18n();
  const me = roster.me.email.toLowerCase();
  // The teams where the caller may start one (a lead, or a reviewer the lead allows): a session belongs to one of them.
  const teams = calibrationStartTeams(roster, settings);
  const published = cards.filter((c) => c.status === 'published');
  const [title, setTitle] = useState(() => t('calibration.start.defaultName', { date: formatDateTime(lang, new Date().toISOString()) }));
  const [team, setTeam] = useState(teams[0]?.id ?? '');
  const [cardKey, setCardKey] = useState(published[0] ? `${published[0].id}@${published[0].version}` : '');
  const [participants, setParticipants] = useState<string[]>([]);
  const [facilitator, setFacilitator] = useState(me);
  const [deadline, setDeadline] = useState(() => localInput(new Date(Date.now() + 2 * DAY_MS)));
  const [hideAgent, setHideAgent] = useState(true);
  const [namesShown, setNamesShown] = useState(true);
  const [revealMode, setRevealMode] = useState<RevealMode>('facilitator-reveals');
  const [problem, setProblem] = useState<string | null>(null);

  const card = published.find((c) => `${c.id}@${c.version}` === cardKey);
  // Reviewers and leads of the chosen team (the server refuses anyone else in its session).
  const inTeam = (m: RosterMember, id: string): boolean => {
    const name = teams.find((x) => x.id === id)?.name;
    return name === undefined || m.teams === undefined || m.teams.includes(name);
  };
  const people = roster.members.filter((m) => m.role !== 'agent' && inTeam(m, team));
  const chooseTeam = (id: string): void => {
    setTeam(id);
    const stays = new Set(roster.members.filter((m) => inTeam(m, id)).map((m) => m.email.toLowerCase()));
    setParticipants((chosen) => chosen.filter((p) => stays.has(p)));
    if (!stays.has(facilitator)) setFacilitator(me);
  };

  const submit = async (): Promise<void> => {
    if (participants.length < 2) return setProblem(t('calibration.start.tooFew'));
    if (!card || !tickets || tickets.length === 0) return;
    const session = newCalibrationSession(
      {
        id: crypto.randomUUID(),
        team,
        title: title.trim(),
        startedBy: me,
        facilitator,
        card,
        tickets,
        participants,
        deadline: new Date(deadline),
        hideAgent,
        namesShown,
        revealMode,
      },
      new Date(),
    );
    try {
      await onStart(session);
      setProblem(null);
    } catch (error) {
      setProblem(t('calibration.notSaved', { message: reasonText(t, error) }));
    }
  };

  return (
    <form
      class="start-calibration"
      aria-label={t('calibration.start.title')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{t('calibration.start.title')}</h3>
      {children}
      <label for="cal-title">{t('calibration.start.name')}</label>
      <input id="cal-title" type="text" maxLength={200} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      {teams.length > 1 && (
        <>
          <label for="cal-team">{t('calibration.start.team')}</label>
          <select id="cal-team" value={team} onChange={(e) => chooseTeam(e.currentTarget.value)}>
            {teams.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </>
      )}
      <label for="cal-card">{t('calibration.start.scorecard')}</label>
      <select id="cal-card" value={cardKey} onChange={(e) => setCardKey(e.currentTarget.value)}>
        {published.map((c) => (
          <option key={`${c.id}@${c.version}`} value={`${c.id}@${c.version}`}>
            {t('review.scorecard.option', { name: c.name, version: c.version })}
          </option>
        ))}
      </select>
      <fieldset>
        <legend>{t('calibration.start.participants')}</legend>
        {people.map((m) => {
          const email = m.email.toLowerCase();
          return (
            <label class="checkbox" key={email}>
              <input
                type="checkbox"
                checked={participants.includes(email)}
                onChange={(e) => setParticipants(e.currentTarget.checked ? [...participants, email] : participants.filter((p) => p !== email))}
              />
              {t('sync.reviewee.option', { name: m.name, email })}
            </label>
          );
        })}
      </fieldset>
      <label for="cal-facilitator">{t('calibration.start.facilitator')}</label>
      <select id="cal-facilitator" value={facilitator} onChange={(e) => setFacilitator(e.currentTarget.value)}>
        {people.map((m) => (
          <option key={m.email} value={m.email.toLowerCase()}>
            {t('sync.reviewee.option', { name: m.name, email: m.email.toLowerCase() })}
          </option>
        ))}
      </select>
      <label for="cal-deadline">{t('calibration.start.deadline')}</label>
      <input id="cal-deadline" type="datetime-local" required value={deadline} onInput={(e) => setDeadline(e.currentTarget.value)} />
      <label class="checkbox">
        <input type="checkbox" checked={hideAgent} onChange={(e) => setHideAgent(e.currentTarget.checked)} />
        {t('calibration.start.hideAgent')}
      </label>
      <label class="checkbox">
        <input type="checkbox" checked={namesShown} onChange={(e) => setNamesShown(e.currentTarget.checked)} />
        {t('calibration.start.namesShown')}
      </label>
      <fieldset>
        <legend>{t('calibration.start.reveal')}</legend>
        {(['after-own-submit', 'facilitator-reveals'] as const).map((mode) => (
          <label class="checkbox" key={mode}>
            <input type="radio" name="cal-reveal" checked={revealMode === mode} onChange={() => setRevealMode(mode)} />
            {t(mode === 'after-own-submit' ? 'calibration.start.reveal.own' : 'calibration.start.reveal.facilitator')}
          </label>
        ))}
      </fieldset>
      {problem && (
        <p class="not-saved" role="alert">
          {problem}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={!card || !tickets || tickets.length === 0}>
          {t('calibration.start.submit')}
        </button>
      </div>
    </form>
  );
}
