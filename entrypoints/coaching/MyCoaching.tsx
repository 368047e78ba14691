// "My coaching": the agent's sessions with the shared form content and pinned evidence, the agreed
// actions (marked done with a comment), acknowledging a session, and its printable summary.
import { useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { notSavedText } from '@/components/notSaved';
import { useLive } from '@/components/useLive';
import { acknowledgeSession, actionsOfAgent, getForm, markActionDone, sessionsOfAgent, titleOf } from '@/lib/coaching';
import { getReview } from '@/lib/db';
import { formatDateTime, formatDay, formatPercent } from '@/lib/i18n';
import { dayOf, type CoachingAction, type CoachingForm, type CoachingSession, type Person, type Review } from '@/lib/model';
import { FormAnswers } from './FormAnswers';
import type { Who } from './main';

export function MyCoaching({ who }: { who: Who }) {
  const { t } = useI18n();
  // The agent's coaching lives on the team backend: a profile without one has nobody's sessions to show.
  if (!who.roster || !who.me) return <p class="notice" data-testid="needs-backend">{t('coaching.mine.needsBackend')}</p>;
  return <Mine me={who.me} who={who} />;
}

function Mine({ me, who }: { me: Person; who: Who }) {
  const { t, lang } = useI18n();
  const sessions = useLive<CoachingSession[] | null>(() => sessionsOfAgent(me.id), [me.id], null);
  const actions = useLive<CoachingAction[] | null>(() => actionsOfAgent(me.id), [me.id], null);
  if (!sessions || !actions) return <p>{t('common.loading')}</p>;
  const held = sessions.filter((s) => s.status === 'held');
  const next = sessions.filter((s) => s.status === 'planned' && s.scheduledFor && s.scheduledFor >= new Date().toISOString()).at(-1);
  return (
    <section aria-labelledby="mine-title">
      <h2 id="mine-title">{t('coaching.mine.title')}</h2>
      {next?.scheduledFor && <p>{t('coaching.mine.next', { at: formatDateTime(lang, next.scheduledFor), coach: next.coach.name || next.coach.id })}</p>}
      <section class="card-box" aria-labelledby="my-actions-title">
        <h3 id="my-actions-title">{t('coaching.mine.actions')}</h3>
        {actions.length === 0 ? <p>{t('coaching.actions.none')}</p> : <ActionList actions={actions} me={me} />}
      </section>
      {held.length === 0 && <p>{t('coaching.mine.empty')}</p>}
      {held.map((s) => (
        <SessionCard key={s.id} session={s} actions={actions.filter((a) => a.sessionId === s.id)} who={who} />
      ))}
    </section>
  );
}

function ActionList({ actions, me }: { actions: CoachingAction[]; me: Person }) {
  const { t, lang } = useI18n();
  const [comments, setComments] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const today = dayOf(new Date());
  return (
    <>
      <ul class="actions" data-testid="my-actions">
        {actions.map((a) => (
          <li key={a.id} data-action={a.id} data-status={a.status}>
            <strong>{a.text}</strong> · {t('coaching.actions.dueOn', { day: formatDay(lang, a.due, true) })} ·{' '}
            {a.assignee === 'agent' ? t('coaching.actions.byYou') : t('coaching.actions.byCoach')} · {t(`coaching.actionStatus.${a.status}`)}
            {a.status === 'open' && a.due < today && <span class="chip overdue">{t('coaching.plan.overdue')}</span>}
            {a.status === 'done' && a.doneComment && <span> · {t('coaching.actions.doneComment', { comment: a.doneComment })}</span>}
            {a.status === 'open' && (
              <span class="inline-controls">
                <input
                  type="text"
                  aria-label={t('coaching.mine.doneComment', { text: a.text })}
                  value={comments[a.id] ?? ''}
                  onInput={(e) => setComments({ ...comments, [a.id]: e.currentTarget.value })}
                />
                <button
                  type="button"
                  aria-label={t('coaching.mine.markDoneOf', { text: a.text })}
                  onClick={() =>
                    markActionDone(a.id, me, comments[a.id] ?? '', new Date()).then(
                      () => setProblem(null),
                      (error: unknown) => setProblem(notSavedText(t, { kind: 'coaching', agent: me.name || me.id }, error)),
                    )
                  }
                >
                  {t('coaching.mine.markDone')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {problem && (
        <p class="not-saved" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}

function SessionCard({ session, actions, who }: { session: CoachingSession; actions: CoachingAction[]; who: Who }) {
  const { t, lang } = useI18n();
  const form = useLive<CoachingForm | null>(async () => (await getForm(session.formId, session.formVersion)) ?? null, [session.formId, session.formVersion], null);
  const pinned = useLive<Review[]>(
    async () => (await Promise.all([...new Set(session.evidence.map((e) => e.reviewId))].map((id) => getReview(id)))).filter((r): r is Review => r !== undefined),
    [JSON.stringify(session.evidence)],
    [],
  );
  const [comment, setComment] = useState(session.agentComment);
  return (
    <article class="card-box" data-session={session.id} aria-labelledby={`s-${session.id}`}>
      <h3 id={`s-${session.id}`}>{t('coaching.mine.session', { at: formatDateTime(lang, session.heldAt!), coach: session.coach.name || session.coach.id })}</h3>
      {session.period && (
        <p data-testid="focus">
          {t('coaching.focus.until', { day: formatDay(lang, session.period.end), criteria: session.focus.map((f) => titleOf(f, who.cards)).join(', ') })}
        </p>
      )}
      {form && <FormAnswers form={form} answers={session.answers} />}
      {pinned.length > 0 && (
        <>
          <h4>{t('coaching.mine.evidence')}</h4>
          <ul>
            {pinned.map((r) => (
              <li key={r.id}>
                {t('dashboard.mine.ticket', { id: r.ticket.ticketId })} · {r.score === null ? t('dashboard.none') : formatPercent(lang, r.score)}
                {session.evidence
                  .filter((e) => e.kind === 'rating' && e.reviewId === r.id)
                  .map((e) => (e.kind === 'rating' ? ` · ${titleOf({ scorecardId: r.scorecardId, criterionId: e.criterionId }, who.cards)}` : ''))}
                {r.strengths && ` · ${t('review.strengths')}: ${r.strengths}`}
                {r.developmentAreas && ` · ${t('review.developmentAreas')}: ${r.developmentAreas}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {actions.length > 0 && (
        <>
          <h4>{t('coaching.actions.title')}</h4>
          <ul>
            {actions.map((a) => (
              <li key={a.id}>
                {a.text} · {formatDay(lang, a.due, true)} · {t(`coaching.actionStatus.${a.status}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      {session.acknowledgedAt ? (
        <p class="acknowledged">{t('coaching.session.acknowledged', { at: formatDateTime(lang, session.acknowledgedAt) })}</p>
      ) : (
        <div class="inline-controls">
          <label>
            {t('coaching.mine.ackComment')} <input type="text" value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
          </label>
          <button type="button" class="primary" onClick={() => void acknowledgeSession(session.id, comment, new Date())}>
            {t('coaching.mine.acknowledge')}
          </button>
        </div>
      )}
      <p>
        <a href={`#print/${encodeURIComponent(session.id)}`} target="_blank" rel="noopener">
          {t('coaching.mine.print')}
        </a>
      </p>
    </article>
  );
}
