// The dashboard's coaching view: sessions held per agent per month against the rhythm, actions done by
// their due date, overdue actions, and the before/after figures of finished periods, for the filter's team.
import { OutcomeTable } from '@/components/coaching/OutcomeTable';
import { rhythmText } from '@/components/coaching/rhythm';
import { useI18n } from '@/components/i18n';
import { useLive } from '@/components/useLive';
import { coachingDashboard, coachingOverview } from '@/lib/coaching';
import { monthsBetween, type DashboardFilter, type FilterOptions } from '@/lib/dashboard';
import { formatDay, formatMonth } from '@/lib/i18n';
import { dayOf, emailKey, type Scorecard } from '@/lib/model';

/** What marks a month short of the rhythm, besides its colour; the same in both languages. */
const BELOW_MARK = '▼';

export function CoachingView({ filter, options, cards }: { filter: DashboardFilter; options: FilterOptions; cards: readonly Scorecard[] }) {
  const { t, lang } = useI18n();
  const today = dayOf(new Date());
  const members = filter.team ? new Set(options.teams.find((team) => team.name === filter.team)?.members.map(emailKey) ?? []) : null;
  const inScope = (agentId: string) => (filter.agent ? emailKey(agentId) === emailKey(filter.agent) : !members || members.has(emailKey(agentId)));
  // The latest finished periods of the agents in view, not of the whole profile.
  const data = useLive(() => coachingDashboard(cards, today, inScope), [cards, today, filter.team, filter.agent, options.teams], null);
  if (!data) return <p>{t('common.loading')}</p>;
  const months = monthsBetween(filter.from, filter.to);
  const rows = coachingOverview(
    data.sessions.filter((s) => inScope(s.agent.id)),
    data.actions.filter((a) => inScope(a.agent.id)),
    data.rhythms,
    months,
    today,
    // Every agent in view, coached or not: one never coached is what the view is for.
    options.agents.filter((a) => inScope(a.id)),
  );
  return (
    <section aria-labelledby="coaching-view-title" data-testid="coaching-view">
      <h2 id="coaching-view-title">{t('dashboard.coaching.title')}</h2>
      {rows.length === 0 ? (
        <p>{t('dashboard.coaching.empty')}</p>
      ) : (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('coaching.plan.agent')}</th>
                {months.map((m) => (
                  <th key={m} scope="col">
                    {formatMonth(lang, m)}
                  </th>
                ))}
                <th scope="col">{t('dashboard.coaching.doneByDue')}</th>
                <th scope="col">{t('dashboard.coaching.overdue')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.agent.id} data-agent={row.agent.id}>
                  <th scope="row">{row.agent.name || row.agent.id}</th>
                  {months.map((m) => {
                    const held = row.held[m] ?? 0;
                    // Not by colour alone: a mark to see (the note below is its key) and words to hear.
                    return row.below[m] ? (
                      <td key={m} class="below" title={rhythmText(t, row.rhythmDays)}>
                        {/* Before the number, so the numbers of a column stay aligned on the right. */}
                        <span class="mark" aria-hidden="true">
                          {BELOW_MARK}
                        </span>
                        {held}
                        <span class="visually-hidden"> {t('dashboard.coaching.belowRhythm')}</span>
                      </td>
                    ) : (
                      <td key={m} title={rhythmText(t, row.rhythmDays)}>
                        {held}
                      </td>
                    );
                  })}
                  <td>{t('dashboard.coaching.ofActions', { done: row.doneByDue, count: row.actions })}</td>
                  <td class={row.overdue > 0 ? 'below' : undefined}>{row.overdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="muted">
        <span class="mark" aria-hidden="true">
          {BELOW_MARK}
        </span>{' '}
        {t('dashboard.coaching.rhythmNote')}
      </p>
      {data.outcomes.map(({ session, figures }) => (
        <OutcomeTable
          key={session.id}
          rows={figures}
          title={t('dashboard.coaching.outcome', { name: session.agent.name || session.agent.id, from: formatDay(lang, session.period!.start, true), to: formatDay(lang, session.period!.end, true) })}
        />
      ))}
    </section>
  );
}
