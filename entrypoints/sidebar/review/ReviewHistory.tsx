// Earlier reviews of this ticket, each shown against the scorecard version it was scored with.
import { useState } from 'preact/hooks';
import { DisputeOutcome } from '@/components/disputes/DisputeOutcome';
import { DisputeSection } from '@/components/disputes/DisputeSection';
import { useI18n } from '@/components/i18n';
import { formatDateTime, formatPercent } from '@/lib/i18n';
import { emailKey, type Dispute, type Person, type Review, type Scorecard } from '@/lib/model';
import { windowDaysOf, type TeamSettings } from '@/lib/teamSettings';

/** The reviews' disputes, and what the agent needs to open one. */
export interface HistoryDisputes {
  me: Person | null;
  disputes: readonly Dispute[];
  /** The settings of the user's teams: each review's dispute window is its team's. */
  settings: readonly TeamSettings[];
  onDispute: (dispute: Dispute) => Promise<unknown>;
}

interface Props {
  reviews: Review[];
  cards: Scorecard[];
  onEdit: (review: Review) => void;
  onDelete: (review: Review) => void;
  disputes: HistoryDisputes;
}

export function ReviewHistory({ reviews, cards, onEdit, onDelete, disputes }: Props) {
  const { t } = useI18n();
  if (reviews.length === 0) return <p class="state">{t('history.empty')}</p>;
  return (
    <ol class="history">
      {reviews.map((review) => (
        <HistoryItem
          key={review.id}
          review={review}
          card={cards.find((c) => c.id === review.scorecardId && c.version === review.scorecardVersion)}
          onEdit={onEdit}
          onDelete={onDelete}
          disputes={disputes}
        />
      ))}
    </ol>
  );
}

function HistoryItem({
  review,
  card,
  onEdit,
  onDelete,
  disputes,
}: {
  review: Review;
  card: Scorecard | undefined;
  onEdit: (review: Review) => void;
  onDelete: (review: Review) => void;
  disputes: HistoryDisputes;
}) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const { me } = disputes;
  const byMe = me === null || emailKey(review.reviewer.id) === emailKey(me.id);
  const mine = me !== null && emailKey(review.reviewee.id) === emailKey(me.id) && !byMe;
  const dispute = disputes.disputes.find((d) => d.reviewId === review.id);
  const score = review.score === null ? t('review.score.none') : formatPercent(lang, review.score);
  return (
    <li class="history-item">
      <article aria-label={t('history.by', { reviewee: review.reviewee.name, reviewer: review.reviewer.name })}>
        <header class="history-head">
          <strong class={review.criticalFail || review.passed === false ? 'bad' : 'good'}>{score}</strong>
          <span>{t('history.by', { reviewee: review.reviewee.name, reviewer: review.reviewer.name })}</span>
        </header>
        <p class="muted">
          {formatDateTime(lang, review.updatedAt)}
          {review.revision > 1 && ` · ${t('history.revision', { revision: review.revision })}`}
          {review.dispute && ` · ${t('disputes.history.applied')}`}
          {card && ` · ${t('history.card', { name: card.name, version: card.version })}`}
        </p>
        <div class="actions">
          <button type="button" class="small" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t('history.hide') : t('history.show')}
          </button>
          {/* A review is its reviewer's to change (the server refuses anyone else): others read it, the agent may dispute it. */}
          {byMe && (
            <>
              <button type="button" class="small" onClick={() => onEdit(review)}>
                {t('history.edit')}
              </button>
              <button
                type="button"
                class="small"
                onClick={() => {
                  if (window.confirm(t('history.delete.confirm'))) onDelete(review);
                }}
              >
                {t('history.delete')}
              </button>
            </>
          )}
        </div>
        {open && <ReviewDetails review={review} card={card} />}
        {mine && me ? (
          <DisputeSection review={review} me={me} card={card} dispute={dispute} windowDays={windowDaysOf(disputes.settings, review.team)} onSend={disputes.onDispute} />
        ) : (
          dispute && <DisputeOutcome dispute={dispute} card={card} />
        )}
      </article>
    </li>
  );
}

function ReviewDetails({ review, card }: { review: Review; card: Scorecard | undefined }) {
  const { t } = useI18n();
  if (!card) return <p class="muted">{t('history.cardMissing')}</p>;
  const ratings = new Map(review.ratings.map((r) => [r.criterionId, r]));
  return (
    <div class="review-details">
      <dl>
        {card.criteria.map((criterion) => {
          const rating = ratings.get(criterion.id);
          const level = criterion.levels.find((l) => l.value === rating?.value);
          return (
            <div key={criterion.id} class="detail-row">
              <dt>{criterion.title}</dt>
              <dd>
                {rating?.na ? t('review.na') : level ? level.label : t('history.notRated')}
                {level && <span class="muted"> — {level.target}</span>}
                {rating?.comment && <p class="comment-text">{rating.comment}</p>}
              </dd>
            </div>
          );
        })}
      </dl>
      {review.strengths && (
        <>
          <h3>{t('review.strengths')}</h3>
          <p class="comment-text">{review.strengths}</p>
        </>
      )}
      {review.developmentAreas && (
        <>
          <h3>{t('review.developmentAreas')}</h3>
          <p class="comment-text">{review.developmentAreas}</p>
        </>
      )}
      {review.feedback && (
        <>
          <h3>{t('review.feedback')}</h3>
          <p class="comment-text">{review.feedback}</p>
        </>
      )}
      <p class="muted">{t('history.time', { minutes: Math.round(review.activeMs / 6000) / 10 })}</p>
    </div>
  );
}
