// The reviewed agent disputes a review: single criteria (each with a reason and an optional proposed
// rating), the whole review, or "not about me". Used in the dashboard's My reviews and the sidebar's history.
import { useState } from 'preact/hooks';
import { errorText } from '@/components/errorText';
import { useI18n } from '@/components/i18n';
import { newDispute } from '@/lib/disputes';
import { formatDateTime } from '@/lib/i18n';
import type { Dispute, DisputeItem, Person, Review, Scorecard } from '@/lib/model';
import { levelText, NA, parseChoice } from '@/components/review/levels';

type Scope = 'criteria' | 'whole' | 'wrongAgent';

interface Props {
  review: Review;
  card: Scorecard | undefined;
  agent: Person;
  /** When the window to dispute closes. */
  until: Date;
  onSend: (dispute: Dispute) => Promise<unknown>;
  onCancel: () => void;
}

export function DisputeForm({ review, card, agent, until, onSend, onCancel }: Props) {
  const { t, lang } = useI18n();
  const [scope, setScope] = useState<Scope>(card ? 'criteria' : 'whole');
  const [reason, setReason] = useState('');
  const [picked, setPicked] = useState<Record<string, { reason: string; proposed: string }>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ratings = new Map(review.ratings.map((r) => [r.criterionId, r]));

  const send = async (event: Event): Promise<void> => {
    event.preventDefault();
    const items: DisputeItem[] =
      scope === 'criteria'
        ? Object.entries(picked).map(([criterionId, p]) => ({ criterionId, reason: p.reason.trim(), proposed: parseChoice(p.proposed) }))
        : [];
    if (scope === 'criteria' && items.length === 0) return setProblem(t('disputes.form.needCriterion'));
    if (items.some((i) => i.reason === '')) return setProblem(t('disputes.form.needReason'));
    if (scope !== 'criteria' && reason.trim() === '') return setProblem(t('disputes.form.needWholeReason'));
    setBusy(true);
    try {
      await onSend(newDispute({ review, agent, wrongAgent: scope === 'wrongAgent', reason: scope === 'criteria' ? '' : reason, items, now: new Date() }));
      setProblem(null);
    } catch (error) {
      setProblem(errorText(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="dispute-form" aria-label={t('disputes.form.title')} onSubmit={(e) => void send(e)}>
      <p class="muted">{t('disputes.form.window', { date: formatDateTime(lang, until.toISOString()) })}</p>
      <fieldset>
        <legend>{t('disputes.form.scope')}</legend>
        {(['criteria', 'whole', 'wrongAgent'] as const).map((s) => (
          <label key={s} class="choice">
            <input type="radio" name={`scope-${review.id}`} checked={scope === s} disabled={s === 'criteria' && !card} onChange={() => setScope(s)} />{' '}
            {t(`disputes.form.scope.${s}`)}
          </label>
        ))}
      </fieldset>
      {scope === 'criteria' &&
        card?.criteria.map((criterion) => {
          const mine = picked[criterion.id];
          const rating = ratings.get(criterion.id);
          return (
            <div key={criterion.id} class="dispute-item">
              <label class="choice">
                <input
                  type="checkbox"
                  checked={mine !== undefined}
                  onChange={(e) => {
                    const next = { ...picked };
                    if ((e.currentTarget as HTMLInputElement).checked) next[criterion.id] = { reason: '', proposed: '' };
                    else delete next[criterion.id];
                    setPicked(next);
                  }}
                />{' '}
                {t('disputes.form.criterion', { criterion: criterion.title })}
              </label>{' '}
              <span class="muted">{t('disputes.form.current', { level: levelText(t, criterion, rating?.value ?? null, rating?.na ?? false) })}</span>
              {mine && (
                <>
                  <label class="field">
                    {t('disputes.form.itemReason', { criterion: criterion.title })}
                    <textarea
                      required
                      maxLength={5000}
                      value={mine.reason}
                      onInput={(e) => setPicked({ ...picked, [criterion.id]: { ...mine, reason: (e.currentTarget as HTMLTextAreaElement).value } })}
                    />
                  </label>
                  <label class="field">
                    {t('disputes.form.proposed', { criterion: criterion.title })}
                    <select
                      value={mine.proposed}
                      onChange={(e) => setPicked({ ...picked, [criterion.id]: { ...mine, proposed: (e.currentTarget as HTMLSelectElement).value } })}
                    >
                      <option value="">{t('disputes.form.proposed.none')}</option>
                      {criterion.levels.map((level) => (
                        <option key={level.value} value={String(level.value)}>
                          {level.label}
                        </option>
                      ))}
                      {criterion.naAllowed && <option value={NA}>{t('review.na')}</option>}
                    </select>
                  </label>
                </>
              )}
            </div>
          );
        })}
      {scope !== 'criteria' && (
        <label class="field">
          {t('disputes.form.reason')}
          <textarea required maxLength={5000} value={reason} onInput={(e) => setReason((e.currentTarget as HTMLTextAreaElement).value)} />
        </label>
      )}
      {problem && (
        <p class="not-saved" role="alert">
          {problem}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {t('disputes.form.send')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
