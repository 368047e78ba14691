// The coach's plan: per agent of the team, the last session, the next due (overdue flagged), open actions,
// the rhythm, and scheduling (with a calendar file) or preparing a session.
import { useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { useLive } from '@/components/useLive';
import {
  coachingPlan,
  dayOf,
  DEFAULT_RHYTHM_DAYS,
  formTemplates,
  getRhythms,
  lastHeldSession,
  latestPublishedForm,
  newCoachingSession,
  openActionsOf,
  plannedSessionsOf,
  saveSession,
  setRhythm,
  type PlanRow,
} from '@/lib/coaching';
import { db } from '@/lib/db';
import { documentTeam, readRoster } from '@/lib/sync';
import { filterOptions } from '@/lib/dashboard';
import { formatDay } from '@/lib/i18n';
import type { CoachingAction, CoachingSession } from '@/lib/model/coaching';
import type { Person } from '@/lib/model/review';
import { downloadIcs } from './calendar';
import type { Who } from './main';

/** Rhythms offered per agent, in days. */
const RHYTHMS = [14, 21, 30, 42, 60];

export function newSessionId(): string {
  return `cs-${crypto.randomUUID()}`;
}

/** The agents a coach plans for: the roster's agents of their teams, or (without a backend) the agents reviews name. */
async function teamAgents(who: Who): Promise<Person[]> {
  if (who.roster) return who.roster.members.filter((m) => m.role === 'agent').map((m) => ({ id: m.email, name: m.name }));
  return (await filterOptions()).agents.map((a) => ({ id: a.id, name: a.name }));
}

/** Those agents and the agents of the coach's planned sessions, once each, without the coach, by name. */
function agentsOf(team: readonly Person[], sessions: readonly CoachingSession[], me: Person): Person[] {
  const people = new Map<string, Person>();
  for (const p of team) people.set(p.id.toLowerCase(), p);
  for (const s of sessions) if (!people.has(s.agent.id.toLowerCase())) people.set(s.agent.id.toLowerCase(), s.agent);
  people.delete(me.id.toLowerCase());
  return [...people.values()].sort((a, b) => (a.name || a.id).localeCompare(b.name || b.id));
}

export function PlanView({ who, me }: { who: Who; me: Person }) {
  const { t, lang } = useI18n();
  const today = dayOf(new Date());
  const data = useLive<{ rows: PlanRow[] } | null>(
    async () => {
      // Each agent's rows by the agent's indexes: the plan never reads the coach's whole history.
      const [planned, team] = await Promise.all([plannedSessionsOf(me.id), teamAgents(who)]);
      const agents = agentsOf(team, planned, me);
      const ids = agents.map((a) => a.id);
      const [held, actions, rhythms] = await Promise.all([
        Promise.all(ids.map((id) => lastHeldSession(id, null, me.id))),
        openActionsOf(ids),
        getRhythms(),
      ]);
      const sessions = [...held.filter((s) => s !== null), ...planned];
      return { rows: coachingPlan(agents, sessions, actions as CoachingAction[], rhythms, today) };
    },
    [me.id, who.roster],
    null,
  );
  if (!data) return <p>{t('common.loading')}</p>;
  return (
    <section aria-labelledby="plan-title">
      <h2 id="plan-title">{t('coaching.plan.title')}</h2>
      {!who.roster && <p class="muted">{t('coaching.plan.localOnly')}</p>}
      {data.rows.length === 0 ? (
        <p>{t('coaching.plan.empty')}</p>
      ) : (
        <table class="plan">
          <thead>
            <tr>
              <th scope="col">{t('coaching.plan.agent')}</th>
              <th scope="col">{t('coaching.plan.last')}</th>
              <th scope="col">{t('coaching.plan.next')}</th>
              <th scope="col">{t('coaching.plan.actions')}</th>
              <th scope="col">{t('coaching.plan.rhythm')}</th>
              <th scope="col">{t('coaching.plan.do')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <PlanRowView key={row.agent.id} row={row} me={me} lang={lang} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function PlanRowView({ row, me, lang }: { row: PlanRow; me: Person; lang: 'fi' | 'en' }) {
  const { t } = useI18n();
  const [when, setWhen] = useState('');
  const name = row.agent.name || row.agent.id;
  const open = async (scheduledFor: string | null): Promise<CoachingSession> => {
    const existing = row.planned;
    if (existing && scheduledFor === null) return existing;
    const form = (await latestPublishedForm(lang)) ?? formTemplates[lang === 'fi' ? 0 : 1]!;
    const session =
      existing && scheduledFor !== null
        ? { ...existing, scheduledFor, updatedAt: new Date().toISOString() }
        : newCoachingSession({ id: newSessionId(), team: documentTeam(await readRoster(db()), { subject: row.agent.id }), coach: me, agent: row.agent, form, scheduledFor, now: new Date() });
    await saveSession(session, [], null);
    return session;
  };
  return (
    <tr data-agent={row.agent.id}>
      <th scope="row">{name}</th>
      <td>{row.lastHeld?.heldAt ? formatDay(lang, dayOf(row.lastHeld.heldAt), true) : t('coaching.plan.never')}</td>
      <td data-testid="next-due">
        {formatDay(lang, row.nextDue, true)}
        {row.planned?.scheduledFor && <span class="muted"> · {t('coaching.plan.scheduled')}</span>}
        {row.overdue && <span class="chip overdue">{t('coaching.plan.overdue')}</span>}
      </td>
      <td class="num" data-testid="open-actions">
        {t('coaching.plan.openActions', { count: row.openActions })}
        {row.overdueActions > 0 && <span class="chip overdue">{t('coaching.plan.overdueActions', { count: row.overdueActions })}</span>}
      </td>
      <td>
        <select
          aria-label={t('coaching.plan.rhythmOf', { name })}
          value={String(row.rhythmDays)}
          onChange={(e) => void setRhythm(row.agent.id, Number(e.currentTarget.value) === DEFAULT_RHYTHM_DAYS ? null : Number(e.currentTarget.value))}
        >
          {RHYTHMS.map((days) => (
            <option key={days} value={String(days)}>
              {t(`coaching.rhythm.${days}` as 'coaching.rhythm.30')}
            </option>
          ))}
        </select>
      </td>
      <td>
        <div class="inline-controls">
          <button
            type="button"
            class="primary"
            aria-label={t('coaching.plan.prepareFor', { name })}
            onClick={async () => (location.hash = `#session/${encodeURIComponent((await open(null)).id)}`)}
          >
            {t('coaching.plan.prepare')}
          </button>
          <input type="datetime-local" aria-label={t('coaching.plan.when', { name })} value={when} onInput={(e) => setWhen(e.currentTarget.value)} />
          <button type="button" disabled={!when} aria-label={t('coaching.plan.scheduleFor', { name })} onClick={async () => void (await open(new Date(when).toISOString()))}>
            {t('coaching.plan.schedule')}
          </button>
          {row.planned?.scheduledFor && (
            <button type="button" onClick={() => downloadIcs(row.planned!, t)}>
              {t('coaching.plan.ics', { name })}
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
