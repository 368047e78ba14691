// The self-check vs reviewer gap per criterion, as a table (coaching material: where views differ most).
import { useI18n } from '@/components/i18n';
import { useLive } from '@/components/useLive';
import { selfCheckGap, type CriterionGap, type DashboardFilter } from '@/lib/dashboard';
import type { Scorecard } from '@/lib/model';
import { familyLabels } from '@/lib/scorecards';
import { useFormats } from './TeamView';

export function SelfCheckGap({ filter, cards }: { filter: DashboardFilter; cards: Scorecard[] }) {
  const { t } = useI18n();
  const f = useFormats();
  const gaps = useLive<CriterionGap[]>(
    () => selfCheckGap(filter, cards),
    [filter, cards],
    [],
  );
  if (gaps.length === 0) return null;
  // Per scorecard: with several cards in view, each criterion names its card.
  const ids = [...new Set(gaps.map((g) => g.scorecardId))];
  const cardLabels = ids.length > 1 ? familyLabels(ids, cards, (language) => t(`figures.language.${language}`)) : null;
  const titleOf = (gap: CriterionGap) => (cardLabels ? t('figures.criteria.ofCard', { title: gap.title, card: cardLabels.get(gap.scorecardId) ?? gap.scorecardName }) : gap.title);
  return (
    <section class="gap" aria-labelledby="gap-title">
      <h2 id="gap-title">{t('dashboard.gap.title')}</h2>
      <p class="muted">{t('dashboard.gap.help')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.gap.criterion')}</th>
            <th scope="col">{t('dashboard.gap.self')}</th>
            <th scope="col">{t('dashboard.gap.reviewer')}</th>
            <th scope="col">{t('dashboard.gap.difference')}</th>
            <th scope="col">{t('dashboard.gap.pairs')}</th>
          </tr>
        </thead>
        <tbody>
          {gaps.map((gap) => (
            <tr key={`${gap.scorecardId}/${gap.criterionId}`} data-scorecard={gap.scorecardId} data-criterion={gap.criterionId}>
              <th scope="row">{titleOf(gap)}</th>
              <td>{f.pct(gap.self)}</td>
              <td>{f.pct(gap.reviewer)}</td>
              <td>{f.pct(gap.self - gap.reviewer)}</td>
              <td>{f.num(gap.pairs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
