// The coach's plan: per agent of the team, the last session, the next due (overdue flagged), open actions,
// the rhythm, and scheduling (with a calendar file) or preparing a session. Rows hold text and buttons only:
// scheduling and the rhythm are edited in one editor opened from a row (50 date-time inputs and selects
// cost more to lay out than the rest of the plan).
import { liveQuery } from 'dexie';
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText, reasonText } from '@/components/errorText';
import { useI18n } from '@/components/i18n';
import {
  coachingPlanOf,
  DEFAULT_RHYTHM_DAYS,
  formTemplates,
  latestPublishedForm,
  newCoachingSession,
  saveSession,
  setRhythm,
  type PlanRow,
} from '@/lib/coaching';
import { db } from '@/lib/db';
import { rhythmTeamOf } from '@/lib/teamSettings';
import { documentTeam, readRoster, type Roster } from '@/lib/sync';
import { formatDay } from '@/lib/i18n';
import { RHYTHMS, rhythmText } from '@/components/coaching/rhythm';
import { dayOf, emailKey, type CoachingSession, type Person, type Scorecard } from '@/lib/model';
import { downloadIcs } from './calendar';
import { startPreparing } from './preparing';
import { SessionPage } from './views';
import type { Who } from './main';

export function newSessionId(): string {
  return `cs-${crypto.randomUUID()}`;
}

/** The agents of the coach's teams in the roster; null without a backend (the plan then lists the agents reviews name). */
function rosterAgents(roster: Roster | null): Person[] | null {
  return roster ? roster.members.filter((m) => m.role === 'agent').map((m) => ({ id: m.email, name: m.name })) : null;
}

/** A coach's plan kept live (Dexie liveQuery) from the moment it is asked for, with whoever shows it. */
interface PlanFeed {
  key: string;
  /** The plan's rows, or why they could not be read. */
  rows: PlanRow[] | Error | null;
  listeners: Set<(rows: PlanRow[] | Error) => void>;
  stop(): void;
}
let feed: PlanFeed | null = null;

/**
 * Starts reading the plan (main.tsx calls this as soon as it knows who the user is, before the first
 * render; PlanView reuses the read already under way). The same coach and roster share one feed.
 */
export function startPlan(me: Person, roster: Roster | null): PlanFeed {
  const team = rosterAgents(roster);
  const key = JSON.stringify([me.id, team]);
  if (feed?.key === key) return feed;
  feed?.stop();
  const today = dayOf(new Date());
  const next: PlanFeed = { key, rows: null, listeners: new Set(), stop: () => undefined };
  const publish = (rows: PlanRow[] | Error): void => {
    next.rows = rows;
    for (const listener of next.listeners) listener(rows);
  };
  const subscription = liveQuery(() => coachingPlanOf(me, team, today)).subscribe({
    next: (rows) => publish(rows),
    error: (error: unknown) => publish(error instanceof Error ? error : new Error(String(error))),
  });
  next.stop = () => {
    subscription.unsubscribe();
    if (feed === next) feed = null;
  };
  feed = next;
  return next;
}

export function PlanView({ who, me }: { who: Who; me: Person }) {
  const { t, lang } = useI18n();
  const plan = startPlan(me, who.roster);
  const [rows, setRows] = useState<PlanRow[] | Error | null>(plan.rows);
  /** The agent whose scheduling editor is open, if any. */
  const [editing, setEditing] = useState<string | null>(null);
  const table = useRef<HTMLTableElement>(null);
  useEffect(() => {
    plan.listeners.add(setRows);
    if (plan.rows) setRows(plan.rows);
    return () => {
      plan.listeners.delete(setRows);
      // Off the plan (a session open), its queries stop following every autosave.
      if (plan.listeners.size === 0) plan.stop();
    };
  }, [plan]);
  // With the plan on screen, the code of the session its rows open loads (before "Prepare session" is pressed).
  const shown = Array.isArray(rows);
  useEffect(() => {
    if (shown) SessionPage.preload();
  }, [shown]);
  if (!rows) return <p>{t('common.loading')}</p>;
  if (rows instanceof Error) {
    return (
      <p class="not-saved" role="alert">
        {errorText(t, rows)}
      </p>
    );
  }
  /** Closes the editor and gives the focus back to the button that opened it. */
  const close = (agentId: string): void => {
    setEditing(null);
    for (const button of table.current?.querySelectorAll<HTMLButtonElement>('button[data-opens-editor]') ?? []) {
      if (button.dataset.opensEditor === agentId) button.focus();
    }
  };
  return (
    <section aria-labelledby="plan-title">
      <h2 id="plan-title">{t('coaching.plan.title')}</h2>
      {!who.roster && <p class="muted">{t('coaching.plan.localOnly')}</p>}
      {rows.length === 0 ? (
        <p>{t('coaching.plan.empty')}</p>
      ) : (
        <table class="plan" ref={table}>
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
            {rows.flatMap((row) => [
              <PlanRowView key={row.agent.id} row={row} me={me} cards={who.cards} lang={lang} editing={editing === row.agent.id} onEdit={() => setEditing(row.agent.id)} />,
              ...(editing === row.agent.id ? [<PlanEditor key={`${row.agent.id} editor`} row={row} me={me} roster={who.roster} lang={lang} onClose={() => close(row.agent.id)} />] : []),
            ])}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The session a row opens: the planned one, rescheduled when `scheduledFor` is given, else a new one on the newest published form. */
async function openSession(row: PlanRow, me: Person, lang: 'fi' | 'en', scheduledFor: string | null): Promise<CoachingSession> {
  const existing = row.planned;
  if (existing && scheduledFor === null) return existing;
  const form = (await latestPublishedForm(lang)) ?? formTemplates[lang === 'fi' ? 0 : 1]!;
  const session =
    existing && scheduledFor !== null
      ? { ...existing, scheduledFor, updatedAt: new Date().toISOString() }
      : newCoachingSession({ id: newSessionId(), team: documentTeam(await readRoster(db()), { subject: row.agent.id }), coach: me, agent: row.agent, form, scheduledFor, now: new Date() });
  await saveSession(session, [], null);
  return session;
}

function PlanRowView({ row, me, cards, lang, editing, onEdit }: { row: PlanRow; me: Person; cards: readonly Scorecard[]; lang: 'fi' | 'en'; editing: boolean; onEdit: () => void }) {
  const { t } = useI18n();
  const name = row.agent.name || row.agent.id;
  return (
    <tr data-agent={row.agent.id}>
      <th scope="row">{name}</th>
      <td data-testid="last-held">
        {row.lastHeld?.heldAt ? (
          <>
            <a href={`#session/${encodeURIComponent(row.lastHeld.id)}`} aria-label={t('coaching.plan.openLast', { name, day: formatDay(lang, dayOf(row.lastHeld.heldAt), true) })}>
              {formatDay(lang, dayOf(row.lastHeld.heldAt), true)}
            </a>
            {row.lastHeld.acknowledgedAt ? <span class="chip">{t('coaching.plan.acknowledged')}</span> : <span class="muted"> · {t('coaching.plan.notAcknowledged')}</span>}
            {/* The agent's last session may be another coach's: the rhythm is the agent's, whoever coaches. */}
            {emailKey(row.lastHeld.coach.id) !== emailKey(me.id) && <span class="muted"> · {t('coaching.plan.byCoach', { coach: row.lastHeld.coach.name || row.lastHeld.coach.id })}</span>}
          </>
        ) : (
          t('coaching.plan.never')
        )}
      </td>
      <td data-testid="next-due">
        {formatDay(lang, row.nextDue, true)}
        {row.planned?.scheduledFor && <span class="muted"> · {t('coaching.plan.scheduled')}</span>}
        {row.otherPlanned && <span class="muted"> · {t('coaching.plan.scheduledBy', { coach: row.otherPlanned.coach.name || row.otherPlanned.coach.id })}</span>}
        {row.overdue && <span class="chip overdue">{t('coaching.plan.overdue')}</span>}
      </td>
      <td class="num" data-testid="open-actions">
        {t('coaching.plan.openActions', { count: row.openActions })}
        {row.overdueActions > 0 && <span class="chip overdue">{t('coaching.plan.overdueActions', { count: row.overdueActions })}</span>}
      </td>
      <td>{rhythmText(t, row.rhythmDays)}</td>
      <td>
        <button
          type="button"
          class="primary"
          aria-label={t('coaching.plan.prepareFor', { name })}
          onClick={async () => {
            const session = await openSession(row, me, lang, null);
            startPreparing(session, cards, lang);
            location.hash = `#session/${encodeURIComponent(session.id)}`;
          }}
        >
          {t('coaching.plan.prepare')}
        </button>{' '}
        <button type="button" data-opens-editor={row.agent.id} aria-expanded={editing} aria-label={t('coaching.plan.openEditorFor', { name })} onClick={onEdit}>
          {t('coaching.plan.openEditor')}
        </button>
        {row.planned?.scheduledFor && (
          <>
            {' '}
            <button type="button" onClick={() => downloadIcs(row.planned!, t)}>
              {t('coaching.plan.ics', { name })}
            </button>
          </>
        )}
      </td>
    </tr>
  );
}

/** `datetime-local`'s value of an instant, in the browser's time zone. */
function localInput(iso: string): string {
  const at = new Date(iso);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** The one editor of the plan, under the row it was opened from: the next session's time and the agent's rhythm. */
function PlanEditor({ row, me, roster, lang, onClose }: { row: PlanRow; me: Person; roster: Roster | null; lang: 'fi' | 'en'; onClose: () => void }) {
  const { t } = useI18n();
  const name = row.agent.name || row.agent.id;
  const [when, setWhen] = useState(row.planned?.scheduledFor ? localInput(row.planned.scheduledFor) : '');
  const [failed, setFailed] = useState<string | null>(null);
  const onRhythm = (days: number): void => {
    // The team's rhythm with a backend (every lead of the team sees it), else this profile's.
    const team = rhythmTeamOf(roster, row.agent.id);
    setRhythm(row.agent.id, days === DEFAULT_RHYTHM_DAYS ? null : days, team === null ? null : { id: team, by: me }, new Date()).then(
      () => setFailed(null),
      (error: unknown) => setFailed(reasonText(t, error)),
    );
  };
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const schedule = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (!when) return;
    await openSession(row, me, lang, new Date(when).toISOString());
    onClose();
  };
  return (
    <tr class="plan-editor" data-editor-for={row.agent.id}>
      <td colSpan={6}>
        <form
          class="inline-controls"
          aria-label={t('coaching.plan.editorTitle', { name })}
          onSubmit={(e) => void schedule(e)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onClose();
          }}
        >
          <label>
            {t('coaching.plan.when', { name })}{' '}
            <input ref={input} type="datetime-local" value={when} onInput={(e) => setWhen(e.currentTarget.value)} />
          </label>
          <button type="submit" disabled={!when} aria-label={t('coaching.plan.scheduleFor', { name })}>
            {t('coaching.plan.schedule')}
          </button>
          <label>
            {t('coaching.plan.rhythmOf', { name })}{' '}
            <select
              value={String(row.rhythmDays)}
              onChange={(e) => onRhythm(Number(e.currentTarget.value))}
            >
              {RHYTHMS.map((days) => (
                <option key={days} value={String(days)}>
                  {t(`coaching.rhythm.${days}` as 'coaching.rhythm.30')}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={onClose}>
            {t('coaching.plan.close')}
          </button>
          {failed !== null && (
            <p class="not-saved" role="alert">
              {t('common.error', { message: failed })}
            </p>
          )}
        </form>
      </td>
    </tr>
  );
}
