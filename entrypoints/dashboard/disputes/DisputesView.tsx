// The dashboard's Disputes view: what waits for the reviewer or lead (with its age) and its resolution,
// resolved disputes (a lead reopens), and the dispute figures with their exports. (The dispute window is
// a team setting: the administration page's.)
import { useState } from 'preact/hooks';
import { downloadBlob } from '@/components/download';
import { DisputeOutcome } from '@/components/disputes/DisputeOutcome';
import { ResolveForm } from '@/components/disputes/ResolveForm';
import { useI18n } from '@/components/i18n';
import { useLive } from '@/components/useLive';
import type { DashboardFilter } from '@/lib/dashboard';
import { getReview, listDisputes, reopenDispute, resolveDispute } from '@/lib/db';
import { ageDays, disputeFigures, disputesWaiting, reopen } from '@/lib/disputes';
import { disputeFiguresCsv, disputeFiguresJson } from '@/lib/export';
import { formatAge, formatPercent } from '@/lib/i18n';
import { dayOf, leadsTeam, monthOf, type Dispute, type Review, type Scorecard } from '@/lib/model';
import { personOf } from '@/lib/sync';
import type { Me } from './useMe';

interface Props {
  me: Me;
  filter: DashboardFilter;
  cards: readonly Scorecard[];
}

const cardOf = (cards: readonly Scorecard[], review: Review | undefined) =>
  review ? cards.find((c) => c.id === review.scorecardId && c.version === review.scorecardVersion) : undefined;

export function DisputesView({ me, filter, cards }: Props) {
  const { t } = useI18n();
  const disputes = useLive<Dispute[] | null>(listDisputes, [], null);
  // Said here, not in the resolved item: that leaves the waiting list as it is resolved.
  const [resolvedNow, setResolvedNow] = useState(false);
  if (disputes === null) return <p>{t('common.loading')}</p>;
  const waiting = disputesWaiting(disputes, me);
  const resolved = disputes.filter((d) => d.status !== 'open');
  // The period is the filter's months, by when a dispute was opened.
  const inPeriod = disputes.filter((d) => monthOf(d.openedAt) >= filter.from && monthOf(d.openedAt) <= filter.to);
  return (
    <div class="disputes">
      <section aria-labelledby="disputes-waiting">
        <h2 id="disputes-waiting">{t('disputes.waiting.title', { count: waiting.length })}</h2>
        {resolvedNow && <p role="status">{t('disputes.resolve.done')}</p>}
        {waiting.length === 0 && <p class="muted">{t('disputes.waiting.empty')}</p>}
        <ul class="dispute-list">
          {waiting.map((d) => (
            <WaitingDispute key={d.id} dispute={d} me={me} cards={cards} onResolved={() => setResolvedNow(true)} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="disputes-resolved">
        <h2 id="disputes-resolved">{t('disputes.resolved.title')}</h2>
        {resolved.length === 0 && <p class="muted">{t('disputes.resolved.empty')}</p>}
        <ul class="dispute-list">
          {resolved.map((d) => (
            <ResolvedDispute key={d.id} dispute={d} lead={leadsTeam(me, d.team)} cards={cards} />
          ))}
        </ul>
      </section>
      <Figures disputes={inPeriod} cards={cards} filter={filter} />
    </div>
  );
}

function WaitingDispute({ dispute, me, cards, onResolved }: { dispute: Dispute; me: Me; cards: readonly Scorecard[]; onResolved: () => void }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const review = useLive<Review | undefined | null>(() => getReview(dispute.reviewId), [dispute.reviewId], null);
  const agents = me.members.filter((m) => m.role === 'agent').map(personOf);
  return (
    <li class="dispute-card" data-dispute={dispute.id}>
      <header>
        <strong>{t('disputes.waiting.item', { agent: dispute.agent.name || dispute.agent.id, ticket: review?.ticket.ticketId ?? '?' })}</strong>{' '}
        <span class="muted dispute-age">{t('disputes.age', { age: formatAge(t, lang, ageDays(dispute, new Date())) })}</span>{' '}
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t('disputes.resolve')}
        </button>
      </header>
      {open && review === undefined && <p class="muted">{t('disputes.reviewGone')}</p>}
      {open && review && (
        <ResolveForm
          dispute={dispute}
          review={review}
          card={cardOf(cards, review)}
          me={me.person}
          agents={agents}
          onResolve={async (resolved) => {
            await resolveDispute(resolved, new Date());
            onResolved();
          }}
        />
      )}
    </li>
  );
}

function ResolvedDispute({ dispute, lead, cards }: { dispute: Dispute; lead: boolean; cards: readonly Scorecard[] }) {
  const { t } = useI18n();
  const review = useLive<Review | undefined | null>(() => getReview(dispute.reviewId), [dispute.reviewId], null);
  return (
    <li class="dispute-card" data-dispute={dispute.id}>
      <p>
        <strong>{t('disputes.waiting.item', { agent: dispute.agent.name || dispute.agent.id, ticket: review?.ticket.ticketId ?? '?' })}</strong>
      </p>
      <DisputeOutcome dispute={dispute} card={cardOf(cards, review ?? undefined)} />
      {lead && (
        <button type="button" onClick={() => void reopenDispute(reopen(dispute, new Date()))}>
          {t('disputes.reopen')}
        </button>
      )}
    </li>
  );
}

function Figures({ disputes, cards, filter }: { disputes: Dispute[]; cards: readonly Scorecard[]; filter: DashboardFilter }) {
  const { t, lang } = useI18n();
  const figures = disputeFigures(disputes);
  const title = (id: string) => cards.find((c) => c.criteria.some((x) => x.id === id))?.criteria.find((x) => x.id === id)?.title ?? id;
  // Hours to one decimal; the dictionary's placeholders format numbers by locale ("12,5").
  const hours = (h: number): number => Math.round(h * 10) / 10;
  const stamp = dayOf(new Date());
  return (
    <section aria-labelledby="disputes-figures" class="dispute-figures">
      <h2 id="disputes-figures">{t('disputes.figures.title')}</h2>
      {figures.total === 0 && <p class="muted">{t('disputes.figures.empty')}</p>}
      {figures.total > 0 && (
        <>
          <table class="dispute-reviewers">
            <caption>{t('disputes.figures.perReviewer')}</caption>
            <thead>
              <tr>
                {(['reviewer', 'opened', 'open', 'accepted', 'partially', 'rejected'] as const).map((k) => (
                  <th key={k} scope="col">
                    {t(`disputes.figures.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {figures.perReviewer.map((r) => (
                <tr key={r.reviewer.id}>
                  <th scope="row">{r.reviewer.name || r.reviewer.id}</th>
                  <td>{r.opened}</td>
                  <td>{r.open}</td>
                  <td>{r.accepted}</td>
                  <td>{r.partially}</td>
                  <td>{r.rejected}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table class="dispute-criteria">
            <caption>{t('disputes.figures.perCriterion')}</caption>
            <thead>
              <tr>
                {(['criterion', 'answered', 'overturned', 'share'] as const).map((k) => (
                  <th key={k} scope="col">
                    {t(`disputes.figures.${k}`)}
                  </th>
                ))}
                <th scope="col">
                  <span class="visually-hidden">{t('disputes.figures.calibrateColumn')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {figures.perCriterion.map((c) => (
                <tr key={c.criterionId} data-criterion={c.criterionId}>
                  <th scope="row">{title(c.criterionId)}</th>
                  <td>{c.answered}</td>
                  <td>{c.overturned}</td>
                  <td class="share">{formatPercent(lang, c.share, 0)}</td>
                  <td>
                    {/* The calibration screen takes the criterion to calibrate from the address. */}
                    <a href={`/dashboard.html#calibration?criterion=${encodeURIComponent(c.criterionId)}`}>{t('disputes.figures.calibrate')}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="resolve-time">
            {figures.resolveHours.median === null
              ? t('disputes.figures.resolveTime.none')
              : t('disputes.figures.resolveTime', { median: hours(figures.resolveHours.median), mean: hours(figures.resolveHours.mean ?? 0) })}
          </p>
          <div class="actions">
            <button
              type="button"
              onClick={() => downloadBlob(new Blob([disputeFiguresCsv(figures, lang === 'fi' ? ';' : ',')], { type: 'text/csv;charset=utf-8' }), `arvio-disputes-${stamp}.csv`)}
            >
              {t('disputes.figures.csv')}
            </button>
            <button
              type="button"
              onClick={() =>
                downloadBlob(new Blob([disputeFiguresJson(figures, { from: filter.from, to: filter.to })], { type: 'application/json' }), `arvio-disputes-${stamp}.json`)
              }
            >
              {t('disputes.figures.json')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
