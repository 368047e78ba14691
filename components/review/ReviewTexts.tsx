// A review's written texts, each under its label, rendered as text: what went well, what to develop,
// and the encouraging feedback where the reader is the agent it was written to.
import { useI18n } from '@/components/i18n';
import type { Review } from '@/lib/model';

export function ReviewTexts({ review, feedback = false }: { review: Pick<Review, 'strengths' | 'developmentAreas' | 'feedback'>; feedback?: boolean }) {
  const { t } = useI18n();
  const texts = [
    ['review.strengths', review.strengths],
    ['review.developmentAreas', review.developmentAreas],
    ...(feedback ? [['review.feedback', review.feedback] as const] : []),
  ] as const;
  return (
    <>
      {texts.map(
        ([label, text]) =>
          text && (
            <p key={label}>
              <strong>{t(label)}:</strong> {text}
            </p>
          ),
      )}
    </>
  );
}
