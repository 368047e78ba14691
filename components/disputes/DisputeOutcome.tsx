// A dispute as the agent and the resolver read it: its status, each disputed criterion with the agent's
// reason and the answer, the resolver's comment, and whom the review concerns now.
import { useI18n } from '@/components/i18n';
import { formatDateTime } from '@/lib/i18n';
import type { Dispute, Scorecard } from '@/lib/model';
import { levelText } from '@/components/review/levels';

export function DisputeOutcome({ dispute, card }: { dispute: Dispute; card: Scorecard | undefined }) {
  const { t, lang } = useI18n();
  const criterion = (id: string) => card?.criteria.find((c) => c.id === id);
  const answers = new Map((dispute.resolution?.items ?? []).map((a) => [a.criterionId, a]));
  return (
    <section class={`dispute-outcome status-${dispute.status}`} aria-label={t('disputes.outcome.label')} data-dispute={dispute.id}>
      <p>
        <strong class="dispute-status">{t(`disputes.status.${dispute.status}`)}</strong>
      </p>
      {dispute.items.length === 0 && (
        <p>
          {t(dispute.wrongAgent ? 'disputes.outcome.wrongAgent' : 'disputes.outcome.whole')} — {t('disputes.outcome.agentReason', { reason: dispute.reason })}
        </p>
      )}
      {dispute.items.length > 0 && (
        <ul class="dispute-items">
          {dispute.items.map((item) => {
            const c = criterion(item.criterionId);
            const answer = answers.get(item.criterionId);
            return (
              <li key={item.criterionId} data-criterion={item.criterionId}>
                <strong>{c?.title ?? item.criterionId}</strong>: {t('disputes.outcome.agentReason', { reason: item.reason })}
                {item.proposed && <span class="muted"> · {t('disputes.outcome.proposed', { level: levelText(t, c, item.proposed.value, item.proposed.na) })}</span>}
                {answer?.outcome === 'accepted' && (
                  <p class="dispute-answer good">
                    {t('disputes.outcome.accepted', { level: levelText(t, c, answer.value, answer.na) })}
                    {answer.reason && ` — ${answer.reason}`}
                  </p>
                )}
                {answer?.outcome === 'rejected' && <p class="dispute-answer bad">{t('disputes.outcome.rejected', { reason: answer.reason })}</p>}
              </li>
            );
          })}
        </ul>
      )}
      {dispute.resolution && (
        <>
          {dispute.resolution.comment && <p>{t('disputes.outcome.comment', { comment: dispute.resolution.comment })}</p>}
          {dispute.resolution.rightAgent && <p>{t('disputes.outcome.movedTo', { name: dispute.resolution.rightAgent.name || dispute.resolution.rightAgent.id })}</p>}
          <p class="muted">{t('disputes.outcome.by', { name: dispute.resolution.by.name || dispute.resolution.by.id, date: formatDateTime(lang, dispute.resolution.at) })}</p>
        </>
      )}
    </section>
  );
}
