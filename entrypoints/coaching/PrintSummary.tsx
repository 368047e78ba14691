// One page for the agent: what was agreed in a session (never the coach's private notes), ready to print.
import { useEffect } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { useLive } from '@/components/useLive';
import { actionsOfSession, getForm, getSession, titleOf } from '@/lib/coaching';
import { formatDateTime, formatDay } from '@/lib/i18n';
import type { CoachingAction, CoachingForm, CoachingSession } from '@/lib/model';
import { FormAnswers } from './FormAnswers';
import type { Who } from './main';

export function PrintSummary({ id, who }: { id: string; who: Who }) {
  const { t, lang } = useI18n();
  const data = useLive<{ session: CoachingSession | undefined; actions: CoachingAction[]; form: CoachingForm | undefined } | null>(
    async () => {
      const session = await getSession(id);
      const [actions, form] = await Promise.all([actionsOfSession(id), session ? getForm(session.formId, session.formVersion) : undefined]);
      return { session, actions, form };
    },
    [id],
    null,
  );
  useEffect(() => {
    document.title = `${t('coaching.print.title')} – Arvio`;
  }, [t]);
  if (!data) return <p>{t('common.loading')}</p>;
  const { session, actions, form } = data;
  if (!session) return <p>{t('coaching.session.missing')}</p>;
  // On paper (style.css, @media print): one A4 sheet — small type, the form's sections in two columns
  // without their boxes, no block split over a page break.
  return (
    <main class="print-summary coaching">
      <p class="no-print">
        <button type="button" class="primary" onClick={() => window.print()}>
          {t('coaching.print.print')}
        </button>
      </p>
      <h1>{t('coaching.print.heading', { agent: session.agent.name || session.agent.id })}</h1>
      <p class="meta">
        {session.heldAt ? t('coaching.session.heldAt', { at: formatDateTime(lang, session.heldAt) }) : t(`coaching.status.${session.status}`)} ·{' '}
        {t('coaching.print.coach', { coach: session.coach.name || session.coach.id })}
      </p>
      {session.period && (
        <p class="focus">
          <strong>{t('coaching.focus.until', { day: formatDay(lang, session.period.end), criteria: session.focus.map((f) => titleOf(f, who.cards)).join(', ') })}</strong>
        </p>
      )}
      {form && (
        <div class="answers">
          <FormAnswers form={form} answers={session.answers} />
        </div>
      )}
      <section class="actions" aria-labelledby="print-actions">
        <h2 id="print-actions">{t('coaching.actions.title')}</h2>
        <ul>
          {actions.map((a) => (
            <li key={a.id}>
              {a.text} · {a.assignee === 'agent' ? t('coaching.actions.byYou') : t('coaching.actions.byCoach')} · {formatDay(lang, a.due, true)} ·{' '}
              {t(`coaching.actionStatus.${a.status}`)}
            </li>
          ))}
        </ul>
      </section>
      {session.acknowledgedAt && (
        <p class="acknowledged">
          {t('coaching.session.acknowledged', { at: formatDateTime(lang, session.acknowledgedAt) })}
          {session.agentComment && (
            <>
              {' · '}
              <strong>{t('coaching.session.agentComment')}:</strong> {session.agentComment}
            </>
          )}
        </p>
      )}
    </main>
  );
}
