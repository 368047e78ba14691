// "My reviews": an agent's own reviews with feedback, own trend, and acknowledging a review (it syncs).
import { useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { useLive } from '@/components/useLive';
import { ReviewTexts } from '@/components/review/ReviewTexts';
import { acknowledgeReview, agentReviews, dashboardData, type DashboardData, type DashboardFilter } from '@/lib/dashboard';
import { formatDateTime, formatPercent } from '@/lib/i18n';
import type { Review, Scorecard } from '@/lib/model';
import { Kpis, TrendChart } from './TeamView';
import { ReviewDispute } from './disputes/ReviewDispute';
import type { Me } from './disputes/useMe';

export function MyReviews({ agentId, me, filter, cards }: { agentId: string | null; me: Me | null; filter: DashboardFilter; cards: readonly Scorecard[] }) {
  const { t, lang } = useI18n();
  const reviews = useLive<Review[] | null>(() => (agentId ? agentReviews(agentId, 50) : Promise.resolve([])), [agentId], null);
  const mine = { ...filter, agent: agentId, reviewer: null };
  const trend = useLive<DashboardData | null>(() => (agentId ? dashboardData(mine, cards) : Promise.resolve(null)), [agentId, JSON.stringify(mine), cards], null);
  const [busy, setBusy] = useState<string | null>(null);
  if (!agentId) return <p class="muted">{t('dashboard.mine.noIdentity')}</p>;
  return (
    <div class="mine">
      <p class="muted">
        {t('dashboard.mine.who')} <strong>{agentId}</strong>
      </p>
      {trend && <Kpis data={trend} />}
      {trend && <TrendChart data={trend} filter={filter} title={t('dashboard.mine.trend')} />}
      {reviews && reviews.length === 0 && <p>{t('dashboard.mine.empty')}</p>}
      <ul class="review-list">
        {(reviews ?? []).map((r) => (
          <li key={r.id} class="review-card" data-review={r.id}>
            <header>
              <strong>{r.score === null ? t('dashboard.none') : formatPercent(lang, r.score)}</strong>{' '}
              <span class="muted">
                {formatDateTime(lang, r.createdAt)} · {t('dashboard.mine.reviewedBy', { name: r.reviewer.name || r.reviewer.id })} ·{' '}
                {t('dashboard.mine.ticket', { id: r.ticket.ticketId })}
                {r.dispute && ` · ${t('disputes.history.applied')}`}
              </span>
            </header>
            <ReviewTexts review={r} feedback />
            {r.acknowledgedAt ? (
              <p class="acknowledged">{t('dashboard.mine.acknowledged', { at: formatDateTime(lang, r.acknowledgedAt) })}</p>
            ) : (
              <button
                type="button"
                class="primary"
                disabled={busy === r.id}
                onClick={async () => {
                  setBusy(r.id);
                  try {
                    await acknowledgeReview(r.id, new Date());
                  } finally {
                    setBusy(null);
                  }
                }}
              >
                {t('dashboard.mine.acknowledge')}
              </button>
            )}
            {me && <ReviewDispute review={r} me={me.person} card={cards.find((c) => c.id === r.scorecardId && c.version === r.scorecardVersion)} />}
          </li>
        ))}
      </ul>
    </div>
  );
}
