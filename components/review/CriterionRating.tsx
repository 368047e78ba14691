// One criterion as a radio group: level buttons with their described target, N/A, comment and marks.
import { useId, useState } from 'preact/hooks';
import type { Criterion, Rating } from '@/lib/model';
import type { RatingChoice } from '@/lib/review';
import type { ShownClarification } from '@/lib/calibration';
import { formatDateTime } from '@/lib/i18n';
import { useI18n } from '../i18n';

interface Props {
  criterion: Criterion;
  rating: Rating | undefined;
  /** The agent's own rating of this criterion in their self-check, if any. */
  selfRated?: number | null;
  /** Strength / development marks; null where the form has no findings (calibration). */
  marks: { strength: boolean; development: boolean } | null;
  /** Calibration's clarifications of this criterion, shown under the target-level text. */
  clarifications?: readonly ShownClarification[];
  nameOf?: (email: string) => string;
  onRate: (choice: RatingChoice, advance: boolean) => void;
  onComment: (text: string) => void;
  onMark: (mark: 'strength' | 'development') => void;
  /** Focus the previous (−1) or next (+1) criterion's group. */
  onMove: (delta: -1 | 1) => void;
  /** A coaching focus criterion of the reviewed agent (their period is on): marked, so feedback lands on it. */
  coachingFocus?: boolean;
}

export function CriterionRating({
  criterion,
  rating,
  selfRated = null,
  marks,
  clarifications = [],
  nameOf = (e) => e,
  onRate,
  onComment,
  onMark,
  onMove,
  coachingFocus = false,
}: Props) {
  const { t, lang } = useI18n();
  const [shown, setShown] = useState<number | 'na' | null>(null);
  const [commenting, setCommenting] = useState(false);
  // The denser layout shows the described target of the focused criterion only; others on demand.
  const [described, setDescribed] = useState(false);
  // Unique in the document: two forms may rate the same criterion side by side (two calibration sessions on one ticket).
  const base = `crit-${useId()}-${criterion.id}`;
  const titleId = base;
  const targetId = `${base}-target`;
  const selected: number | 'na' | null = rating?.na ? 'na' : (rating?.value ?? null);
  const options: (number | 'na')[] = [...criterion.levels.map((l) => l.value), ...(criterion.naAllowed ? (['na'] as const) : [])];
  // Roving tab stop: the chosen option, else the first.
  const tabStop = selected ?? options[0];

  const describe = (option: number | 'na' | null): string => {
    if (option === 'na') return t('review.na.long');
    if (option === null) return criterion.description;
    return criterion.levels.find((l) => l.value === option)?.target ?? '';
  };

  const focusOption = (group: HTMLElement, index: number): void => {
    const buttons = group.querySelectorAll<HTMLButtonElement>('[role="radio"]');
    buttons[Math.max(0, Math.min(buttons.length - 1, index))]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const group = event.currentTarget as HTMLElement;
    const current = options.indexOf((event.target as HTMLElement).dataset.option === 'na' ? 'na' : Number((event.target as HTMLElement).dataset.option));
    const key = event.key;
    if (/^[1-9]$/.test(key)) {
      const level = criterion.levels[Number(key) - 1];
      if (level) {
        event.preventDefault();
        onRate({ value: level.value }, true);
      }
    } else if (key === 'n' || key === 'N') {
      if (criterion.naAllowed) {
        event.preventDefault();
        onRate({ na: true }, true);
      }
    } else if (key === '0' || key === 'Backspace' || key === 'Delete') {
      event.preventDefault();
      onRate({ clear: true }, false);
    } else if (key === 'ArrowRight' || key === 'ArrowLeft') {
      event.preventDefault();
      const next = Math.max(0, Math.min(options.length - 1, current + (key === 'ArrowRight' ? 1 : -1)));
      const option = options[next];
      if (option !== undefined) onRate(option === 'na' ? { na: true } : { value: option }, false);
      focusOption(group, next);
    } else if (key === 'ArrowDown' || key === 'ArrowUp') {
      event.preventDefault();
      onMove(key === 'ArrowDown' ? 1 : -1);
    }
  };

  const isCritical = criterion.critical !== null;
  return (
    <div
      class={`criterion${selected === null ? '' : ' done'}${coachingFocus ? ' focus' : ''}${described ? ' described' : ''}`}
      data-criterion={criterion.id}
      data-focus={coachingFocus || undefined}
    >
      <div class="criterion-head">
        <span id={titleId} class="criterion-title">
          {criterion.title}
        </span>
        <span class="muted">{t('review.weight', { weight: criterion.weight })}</span>
        {coachingFocus && <span class="chip focus">{t('coaching.sidebar.focusChip')}</span>}
        {isCritical && (
          <span class="chip chip-critical" title={t('review.critical.help', { threshold: Math.round((criterion.critical?.threshold ?? 0) * 100) })}>
            {t('review.critical')}
          </span>
        )}
      </div>
      <button
        type="button"
        class="info-toggle"
        tabIndex={-1}
        aria-expanded={described}
        aria-controls={targetId}
        aria-label={t('review.describe', { criterion: criterion.title })}
        title={t('review.describe', { criterion: criterion.title })}
        onClick={() => setDescribed(!described)}
      >
        i
      </button>
      <div
        role="radiogroup"
        aria-labelledby={titleId}
        aria-describedby={targetId}
        class="levels"
        onKeyDown={onKeyDown}
        onMouseLeave={() => setShown(null)}
      >
        {options.map((option, index) => {
          const level = option === 'na' ? null : criterion.levels.find((l) => l.value === option);
          const checked = selected === option;
          return (
            <button
              key={String(option)}
              type="button"
              role="radio"
              aria-checked={checked}
              tabIndex={option === tabStop ? 0 : -1}
              data-option={String(option)}
              class={`level${option === 'na' ? ' level-na' : ''}`}
              onClick={() => onRate(option === 'na' ? { na: true } : { value: option }, false)}
              onFocus={() => setShown(option)}
              onBlur={() => setShown(null)}
              onMouseEnter={() => setShown(option)}
            >
              {level ? t('review.level', { position: index + 1, label: level.label }) : t('review.na')}
            </button>
          );
        })}
      </div>
      {selfRated !== null && (
        <p class="self-rated">
          {t('selfcheck.agentRated', {
            level: criterion.levels.find((l) => l.value === selfRated)?.label ?? String(selfRated + 1),
          })}
        </p>
      )}
      <p id={targetId} class="target" aria-live="polite">
        {describe(shown ?? selected)}
      </p>
      {clarifications.map((c) => (
        <p key={`${c.sessionId}|${c.at}`} class="clarification">
          <strong>{t('calibration.clarification.label')}:</strong> {c.text}{' '}
          <span class="muted">({t('calibration.clarification.meta', { who: nameOf(c.by), date: formatDateTime(lang, c.at) })})</span>
        </p>
      ))}
      <div class="criterion-tools">
        {marks && (
          <>
            <button type="button" class="small" aria-pressed={marks.strength} onClick={() => onMark('strength')}>
              {t('review.markStrength')}
            </button>
            <button type="button" class="small" aria-pressed={marks.development} onClick={() => onMark('development')}>
              {t('review.markDevelopment')}
            </button>
          </>
        )}
        {!commenting && !rating?.comment && (
          <button type="button" class="small" onClick={() => setCommenting(true)}>
            {t('review.addComment')}
          </button>
        )}
      </div>
      {(commenting || !!rating?.comment) && (
        <textarea
          class="comment"
          rows={2}
          aria-label={t('review.comment', { criterion: criterion.title })}
          value={rating?.comment ?? ''}
          onInput={(e) => onComment(e.currentTarget.value)}
          ref={(el) => {
            if (el && commenting && !rating?.comment) el.focus();
          }}
        />
      )}
    </div>
  );
}
