// The scoring form: criteria by group, free-text findings, the running score and submit — all by keyboard.
import { useEffect, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { ReviewDraft, Scorecard, SelfCheck } from '@/lib/model';
import type { ShownClarification } from '@/lib/calibration';
import { comment, formOrder, rate, toggleMark, type RatingChoice } from '@/lib/review';
import { scoreReview } from '@/lib/scoring';
import { useI18n } from '../i18n';
import { CriterionRating } from './CriterionRating';
import { ScoreSummary } from './ScoreSummary';

interface Props {
  card: Scorecard;
  draft: ReviewDraft;
  onChange: (draft: ReviewDraft) => void;
  onSubmit: () => void;
  /** Why submitting is not possible yet, in words; null when it is. */
  blocker: string | null;
  submitLabel: string;
  /** Put the keyboard on the first unrated criterion when the form appears (after "Start review"). */
  focusFirst?: boolean;
  /** The reviewed agent's own self-check of this ticket: shown beside each criterion (the gap is coaching material). */
  selfCheck?: SelfCheck | null;
  /** The reviewed agent's coaching focus criteria in force (ids): marked on the form. */
  coachingFocus?: ReadonlySet<string>;
  /** Strengths, development areas and feedback (a review's); calibration scoring has ratings only. */
  findings?: boolean;
  /** Clarifications agreed in calibration, per criterion, shown under its target-level text. */
  clarifications?: Readonly<Record<string, readonly ShownClarification[]>>;
  /** A person's name for an e-mail (who wrote a clarification). */
  nameOf?: (email: string) => string;
}

export function ReviewForm({
  card,
  draft,
  onChange,
  onSubmit,
  blocker,
  submitLabel,
  focusFirst = false,
  selfCheck = null,
  findings = true,
  clarifications = {},
  nameOf = (email) => email,
  coachingFocus,
}: Props) {
  const { t } = useI18n();
  const root = useRef<HTMLFormElement>(null);
  const result = useMemo(() => scoreReview(card, draft.ratings), [card, draft.ratings]);
  const ratingOf = useMemo(() => new Map(draft.ratings.map((r) => [r.criterionId, r])), [draft.ratings]);
  const ordered = useMemo(() => formOrder(card), [card]);
  const missing = result.total - result.rated - result.na;
  const reason = missing > 0 ? t('review.incomplete', { missing }) : blocker;

  // The sticky submit bar's height, for the page's scroll padding that keeps focus from moving under it
  // (the sidebar's style.css). One review form is on a page at a time.
  const bar = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = bar.current;
    if (!element) return;
    const page = document.documentElement.style;
    const measure = (): void => {
      page.setProperty('--submit-bar-height', `${element.offsetHeight}px`);
      // A bar that grew (the score, what is still missing) may now cover the control in focus.
      const focused = document.activeElement;
      if (focused instanceof HTMLElement && root.current?.contains(focused) && !element.contains(focused)) focused.scrollIntoView({ block: 'nearest' });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => {
      observer.disconnect();
      page.removeProperty('--submit-bar-height');
    };
  }, []);

  const focusCriterion = (index: number): void => {
    const groups = root.current?.querySelectorAll<HTMLElement>('[role="radiogroup"]');
    if (!groups) return;
    const group = groups[index];
    if (!group) {
      (root.current?.querySelector<HTMLElement>('textarea[name="strengths"]') ?? root.current?.querySelector<HTMLElement>('button[type="submit"]'))?.focus();
      return;
    }
    (group.querySelector<HTMLElement>('[tabindex="0"]') ?? group.querySelector<HTMLElement>('[role="radio"]'))?.focus();
  };

  useEffect(() => {
    if (!focusFirst) return;
    const first = ordered.findIndex((c) => {
      const rating = ratingOf.get(c.id);
      return !rating || (rating.value === null && !rating.na);
    });
    focusCriterion(Math.max(0, first));
    // Dependencies: only when the form first appears.
  }, []);

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (!reason) onSubmit();
    }
  };

  const marked = (ids: string[]): string =>
    card.criteria.filter((c) => ids.includes(c.id)).map((c) => c.title).join(', ');

  return (
    <form
      ref={root}
      class="review-form"
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason) onSubmit();
      }}
    >
      {card.groups.map((group) => {
        const criteria = card.criteria.filter((c) => c.groupId === group.id);
        if (criteria.length === 0) return null;
        return (
          <fieldset key={group.id} class="group">
            <legend>{group.title}</legend>
            {criteria.map((criterion) => {
              const index = ordered.indexOf(criterion);
              return (
                <CriterionRating
                  key={criterion.id}
                  criterion={criterion}
                  rating={ratingOf.get(criterion.id)}
                  selfRated={selfCheck?.ratings.find((r) => r.criterionId === criterion.id)?.value ?? null}
                  coachingFocus={coachingFocus?.has(criterion.id) ?? false}
                  marks={
                    findings
                      ? { strength: draft.strengthCriteria.includes(criterion.id), development: draft.developmentCriteria.includes(criterion.id) }
                      : null
                  }
                  clarifications={clarifications[criterion.id] ?? []}
                  nameOf={nameOf}
                  onRate={(choice: RatingChoice, advance) => {
                    onChange(rate(draft, criterion.id, choice));
                    if (advance) focusCriterion(index + 1);
                  }}
                  onComment={(text) => onChange(comment(draft, criterion.id, text))}
                  onMark={(mark) => onChange(toggleMark(draft, criterion.id, mark))}
                  onMove={(delta) => focusCriterion(Math.max(0, index + delta))}
                />
              );
            })}
          </fieldset>
        );
      })}
      {findings && (
      <fieldset class="group findings">
        <legend>{t('review.feedback')}</legend>
        <label for="strengths">{t('review.strengths')}</label>
        {draft.strengthCriteria.length > 0 && <p class="muted">{t('review.marked', { criteria: marked(draft.strengthCriteria) })}</p>}
        <textarea id="strengths" name="strengths" rows={2} value={draft.strengths} onInput={(e) => onChange({ ...draft, strengths: e.currentTarget.value })} />
        <label for="development">{t('review.developmentAreas')}</label>
        {draft.developmentCriteria.length > 0 && (
          <p class="muted">{t('review.marked', { criteria: marked(draft.developmentCriteria) })}</p>
        )}
        <textarea
          id="development"
          name="developmentAreas"
          rows={2}
          value={draft.developmentAreas}
          onInput={(e) => onChange({ ...draft, developmentAreas: e.currentTarget.value })}
        />
        <label for="feedback">{t('review.feedback')}</label>
        <p class="muted" id="feedback-help">
          {t('review.feedback.help')}
        </p>
        <textarea
          id="feedback"
          name="feedback"
          rows={3}
          aria-describedby="feedback-help"
          value={draft.feedback}
          onInput={(e) => onChange({ ...draft, feedback: e.currentTarget.value })}
        />
      </fieldset>
      )}
      <div class="submit-bar" ref={bar}>
        <ScoreSummary card={card} result={result} />
        {reason && (
          <p class="muted" id="submit-blocker">
            {reason}
          </p>
        )}
        <button type="submit" class="primary" aria-disabled={reason ? 'true' : undefined} aria-describedby={reason ? 'submit-blocker' : undefined}>
          {submitLabel}
        </button>
      </div>
      <details class="shortcuts">
        <summary>{t('review.shortcuts')}</summary>
        <ul>
          <li>{t('review.shortcuts.digits')}</li>
          <li>{t('review.shortcuts.na')}</li>
          <li>{t('review.shortcuts.clear')}</li>
          <li>{t('review.shortcuts.levels')}</li>
          <li>{t('review.shortcuts.criteria')}</li>
          <li>{t('review.shortcuts.submit')}</li>
        </ul>
      </details>
    </form>
  );
}
