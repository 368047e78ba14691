// "Did it work?": each focus criterion before the period vs during and after it, with the ratings each side rests on.
import { useI18n } from '../i18n';
import { formatPercent } from '@/lib/i18n';
import type { BeforeAfter } from '@/lib/coaching';

export function OutcomeTable({ rows, title }: { rows: BeforeAfter[]; title?: string }) {
  const { t, lang } = useI18n();
  const side = (s: BeforeAfter['before']) =>
    s.mean === null ? (s.count === 0 ? t('coaching.outcome.none') : t('coaching.outcome.tooFew', { count: s.count })) : `${formatPercent(lang, s.mean)} (${t('coaching.ratings', { count: s.count })})`;
  return (
    <section class="card-box" aria-label={title ?? t('coaching.outcome.title')}>
      <h3>{title ?? t('coaching.outcome.title')}</h3>
      <table data-testid="outcome">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.criteria.criterion')}</th>
            <th scope="col">{t('coaching.outcome.before')}</th>
            <th scope="col">{t('coaching.outcome.after')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.focus.scorecardId} ${r.focus.criterionId}`} data-criterion={r.focus.criterionId}>
              <th scope="row">{r.title}</th>
              <td>{side(r.before)}</td>
              <td>{side(r.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
