// The running score while scoring: percentage, pass/fail against the card's own mark, critical fails.
import { formatPercent } from '@/lib/i18n';
import type { Scorecard } from '@/lib/model';
import type { ReviewScore } from '@/lib/scoring';
import { useI18n } from '../i18n';

export function ScoreSummary({ card, result }: { card: Scorecard; result: ReviewScore }) {
  const { t, lang } = useI18n();
  const mark = formatPercent(lang, card.passMark / 100);
  const failed = card.criteria.filter((c) => result.failedCritical.includes(c.id)).map((c) => c.title);
  const verdict = result.criticalFail
    ? { cls: 'bad', text: t('review.criticalFail', { criteria: failed.join(', ') }) }
    : result.passed === null
      ? null
      : result.passed
        ? { cls: 'good', text: t('review.pass', { mark }) }
        : { cls: 'bad', text: t('review.fail', { mark }) };
  return (
    <div class="score-summary" role="status" aria-live="polite" data-testid="score-summary">
      <span class="score-label">{t('review.score')}</span>
      <strong class="score-value" data-score={result.score ?? ''}>
        {result.score === null ? t('review.score.none') : formatPercent(lang, result.score)}
      </strong>
      {verdict && <span class={`verdict ${verdict.cls}`}>{verdict.text}</span>}
      <span class="muted progress">{t('review.progress', { done: result.rated + result.na, total: result.total })}</span>
    </div>
  );
}
