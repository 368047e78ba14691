// The reviewer or a lead answers a dispute: each disputed criterion accepted with its new rating or
// rejected with a reason; a whole-review dispute accepted or rejected (a wrong agent: naming the right one).
import { useState } from 'preact/hooks';
import { errorText } from '@/components/errorText';
import { useI18n } from '@/components/i18n';
import { resolve } from '@/lib/disputes';
import type { Dispute, Person, ResolutionItem, Review, Scorecard } from '@/lib/model';
import { levelText, NA, parseChoice } from '@/components/review/levels';

interface Answer {
  outcome: 'accepted' | 'rejected' | null;
  /** The <select> value of the new rating. */
  rating: string;
  reason: string;
}

interface Props {
  dispute: Dispute;
  review: Review;
  card: Scorecard | undefined;
  me: Person;
  /** Whom a wrong-agent dispute may name instead (the roster's agents). */
  agents: readonly Person[];
  onResolve: (resolved: Dispute) => Promise<unknown>;
}

export function ResolveForm({ dispute, review, card, me, agents, onResolve }: Props) {
  const { t } = useI18n();
  const ratings = new Map(review.ratings.map((r) => [r.criterionId, r]));
  const [answers, setAnswers] = useState<Record<string, Answer>>(() =>
    Object.fromEntries(
      dispute.items.map((item) => {
        const proposed = item.proposed ?? ratings.get(item.criterionId) ?? null;
        const rating = proposed === null ? '' : proposed.na ? NA : proposed.value === null ? '' : String(proposed.value);
        return [item.criterionId, { outcome: null, rating, reason: '' }];
      }),
    ),
  );
  const [whole, setWhole] = useState<'accepted' | 'rejected' | null>(null);
  const [comment, setComment] = useState('');
  const [rightAgent, setRightAgent] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const others = agents.filter((a) => a.id.toLowerCase() !== dispute.agent.id);

  const send = async (event: Event): Promise<void> => {
    event.preventDefault();
    const items: ResolutionItem[] = [];
    for (const item of dispute.items) {
      const a = answers[item.criterionId]!;
      const rating = parseChoice(a.rating);
      if (a.outcome === null || (a.outcome === 'accepted' && rating === null)) return setProblem(t('disputes.resolve.needAnswers'));
      if (a.outcome === 'rejected' && a.reason.trim() === '') return setProblem(t('disputes.resolve.needReason'));
      items.push(
        a.outcome === 'accepted'
          ? { outcome: 'accepted', criterionId: item.criterionId, value: rating!.value, na: rating!.na, reason: a.reason.trim() }
          : { outcome: 'rejected', criterionId: item.criterionId, reason: a.reason.trim() },
      );
    }
    if (dispute.items.length === 0 && whole === null) return setProblem(t('disputes.resolve.needAnswers'));
    if (whole === 'rejected' && comment.trim() === '') return setProblem(t('disputes.resolve.needReason'));
    const right = others.find((a) => a.id === rightAgent) ?? null;
    if (dispute.wrongAgent && whole === 'accepted' && !right) return setProblem(t('disputes.resolve.needRightAgent'));
    setBusy(true);
    try {
      await onResolve(resolve(dispute, { by: me, now: new Date(), answers: items, wholeAccepted: whole === 'accepted', comment, rightAgent: right }));
      setProblem(null);
    } catch (error) {
      setProblem(errorText(t, error));
    } finally {
      setBusy(false);
    }
  };

  const criterion = (id: string) => card?.criteria.find((c) => c.id === id);
  return (
    <form class="resolve-form" aria-label={t('disputes.resolve.title', { agent: dispute.agent.name || dispute.agent.id })} onSubmit={(e) => void send(e)}>
      {dispute.items.map((item) => {
        const c = criterion(item.criterionId);
        const a = answers[item.criterionId]!;
        const set = (patch: Partial<Answer>) => setAnswers({ ...answers, [item.criterionId]: { ...a, ...patch } });
        const current = ratings.get(item.criterionId);
        return (
          <fieldset key={item.criterionId} data-criterion={item.criterionId}>
            <legend>{c?.title ?? item.criterionId}</legend>
            <p class="muted">
              {t('disputes.form.current', { level: levelText(t, c, current?.value ?? null, current?.na ?? false) })} · {t('disputes.outcome.agentReason', { reason: item.reason })}
            </p>
            {(['accepted', 'rejected'] as const).map((outcome) => (
              <label key={outcome} class="choice">
                <input type="radio" name={`answer-${item.criterionId}`} checked={a.outcome === outcome} onChange={() => set({ outcome })} />{' '}
                {t(outcome === 'accepted' ? 'disputes.resolve.accept' : 'disputes.resolve.reject')}
              </label>
            ))}
            {a.outcome === 'accepted' && (
              <label class="field">
                {t('disputes.resolve.newRating')}
                <select value={a.rating} onChange={(e) => set({ rating: (e.currentTarget as HTMLSelectElement).value })}>
                  <option value="" disabled>
                    —
                  </option>
                  {c?.levels.map((level) => (
                    <option key={level.value} value={String(level.value)}>
                      {level.label}
                    </option>
                  ))}
                  {c?.naAllowed && <option value={NA}>{t('review.na')}</option>}
                </select>
              </label>
            )}
            {a.outcome !== null && (
              <label class="field">
                {t('disputes.resolve.reason')}
                <textarea maxLength={5000} required={a.outcome === 'rejected'} value={a.reason} onInput={(e) => set({ reason: (e.currentTarget as HTMLTextAreaElement).value })} />
              </label>
            )}
          </fieldset>
        );
      })}
      {dispute.items.length === 0 && (
        <fieldset>
          <legend>{t(dispute.wrongAgent ? 'disputes.outcome.wrongAgent' : 'disputes.outcome.whole')}</legend>
          <p class="muted">{t('disputes.outcome.agentReason', { reason: dispute.reason })}</p>
          {(['accepted', 'rejected'] as const).map((outcome) => (
            <label key={outcome} class="choice">
              <input type="radio" name={`whole-${dispute.id}`} checked={whole === outcome} onChange={() => setWhole(outcome)} />{' '}
              {t(outcome === 'accepted' ? 'disputes.resolve.accept' : 'disputes.resolve.reject')}
            </label>
          ))}
          {dispute.wrongAgent && whole === 'accepted' && (
            <label class="field">
              {t('disputes.resolve.rightAgent')}
              <select value={rightAgent} onChange={(e) => setRightAgent((e.currentTarget as HTMLSelectElement).value)}>
                <option value="">—</option>
                {others.map((agent) => (
                  <option key={agent.id} value={agent.id}>
                    {agent.name ? `${agent.name} (${agent.id})` : agent.id}
                  </option>
                ))}
              </select>
            </label>
          )}
        </fieldset>
      )}
      <label class="field">
        {t('disputes.resolve.comment')}
        <textarea maxLength={5000} value={comment} onInput={(e) => setComment((e.currentTarget as HTMLTextAreaElement).value)} />
      </label>
      {problem && (
        <p class="not-saved" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" class="primary" disabled={busy}>
        {t('disputes.resolve.send')}
      </button>
    </form>
  );
}
