// A review's dispute as its agent sees it, wherever the review is shown: the outcome and its reasons,
// or "Dispute this review" (the form) while the window is open, or why it cannot be disputed.
import { useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { whyNoDispute, windowEnds } from '@/lib/disputes';
import { formatDateTime } from '@/lib/i18n';
import type { Dispute, Person, Review, Scorecard } from '@/lib/model';
import { DisputeForm } from './DisputeForm';
import { DisputeOutcome } from './DisputeOutcome';

interface Props {
  review: Review;
  me: Person;
  card: Scorecard | undefined;
  dispute: Dispute | undefined;
  /** The window of the review's team (its settings). */
  windowDays: number;
  onSend: (dispute: Dispute) => Promise<unknown>;
}

export function DisputeSection({ review, me, card, dispute, windowDays, onSend }: Props) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  if (dispute) {
    return (
      <>
        {sent && <p role="status">{t('disputes.form.sent')}</p>}
        <DisputeOutcome dispute={dispute} card={card} />
      </>
    );
  }
  const why = whyNoDispute(review, me.id, dispute, new Date(), windowDays);
  const until = windowEnds(review, windowDays);
  if (why === 'windowClosed') {
    return <p class="muted dispute-closed">{t('teamSettings.windowClosed', { days: windowDays, date: formatDateTime(lang, until.toISOString()) })}</p>;
  }
  if (why !== null) return null;
  if (!open) {
    return (
      <button type="button" class="small" aria-expanded={false} onClick={() => setOpen(true)}>
        {t('disputes.open')}
      </button>
    );
  }
  return (
    <DisputeForm
      review={review}
      card={card}
      agent={me}
      until={until}
      onSend={async (d) => {
        await onSend(d);
        setSent(true);
        setOpen(false);
      }}
      onCancel={() => setOpen(false)}
    />
  );
}
