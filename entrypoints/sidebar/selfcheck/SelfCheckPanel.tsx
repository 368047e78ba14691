// The agent's pre-send self-check: automatic hints on the draft, and the card's self-checkable criteria.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { notSavedText } from '@/components/notSaved';
import type { CheckResult, Hint } from '@/lib/checks';
import { remoteDb as db } from '@/lib/service';
import { formatDay, type MessageKey } from '@/lib/i18n';
import { selfCheckId, ticketKey, type ComposerDraft, type Person, type Scorecard, type SelfCheck, type TicketRef } from '@/lib/model';
import { hintCounts, hintsFor, mergeRatings, selfCheckableCriteria, suggestedRatings } from '@/lib/review';
import { proposeScorecard } from '@/lib/scorecards';
import { documentTeam, type Roster } from '@/lib/sync';
import type { FocusNow } from '@/lib/coaching';
import { useRemote } from '../useRemote';
import { focusTitles, onFocus } from './useFocus';

interface Props {
  ticket: TicketRef;
  draft: ComposerDraft | null;
  result: CheckResult;
  agent: Person | null;
  /** The agent's coaching focus in force: shown first, its hints first, its criteria marked. */
  focus: FocusNow | null;
}

export function SelfCheckPanel({ ticket, draft, result, agent, focus }: Props) {
  const { t, lang } = useI18n();
  const cards = useRemote(() => db.listScorecards(), [], [] as Scorecard[]);
  // The roster proposes the self-check's team (the agent's first).
  const roster = useRemote(() => db.teamRoster(), [], null as Roster | null);
  const card = useMemo(() => proposeScorecard(cards, ticket.channel, lang), [cards, ticket.channel, lang]);
  const [chosen, setChosen] = useState<Map<string, number>>(new Map());
  const [keepText, setKeepText] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const suggested = useMemo(() => (card ? suggestedRatings(card, result.hints) : new Map<string, number>()), [card, result.hints]);
  const focusIds = new Set(focus?.focus.map((f) => f.criterionId) ?? []);
  const first = <T,>(items: readonly T[], on: (item: T) => boolean): T[] => [...items.filter(on), ...items.filter((i) => !on(i))];
  const writing = draft !== null && draft.mode === 'public' && draft.text.trim() !== '';

  // Saved as the agent rates: a self-check once made is not lost with a closed tab.
  useEffect(() => {
    if (!card || chosen.size === 0 || !agent) return;
    const key = ticketKey(ticket);
    const now = new Date().toISOString();
    const selfCheck: SelfCheck = {
      id: selfCheckId(key, agent.id),
      // The agent's own work, about nobody else: their first team.
      team: documentTeam(roster),
      ticket,
      ticketKey: key,
      agent,
      scorecardId: card.id,
      scorecardVersion: card.version,
      ratings: mergeRatings(card, suggested, chosen),
      hintCounts: hintCounts(result.hints),
      draftText: keepText && draft ? draft.text : null,
      createdAt: now,
      updatedAt: now,
      deleted: false,
    };
    db.saveSelfCheck(selfCheck).then(
      () => {
        setSaved(now);
        setProblem(null);
      },
      (error: unknown) => setProblem(notSavedText(t, { kind: 'selfCheck', ticketId: ticket.ticketId }, error)),
    );
    // Dependencies: saved on the agent's own changes only.
  }, [chosen, keepText]);

  return (
    <section class="selfcheck" aria-label={t('selfcheck.title')}>
      {focus && (
        <p class="notice focus-line" data-testid="coaching-focus">
          {t('coaching.sidebar.focus', { day: formatDay(lang, focus.until), criteria: focusTitles(focus, card, cards).join(', ') })}
        </p>
      )}
      <p class="muted">{t('selfcheck.private')}</p>
      {!draft ? (
        <p class="state">{t('selfcheck.noComposer')}</p>
      ) : draft.mode === 'internal' ? (
        <p class="state">{t('selfcheck.internal')}</p>
      ) : !writing ? (
        <p class="state">{t('selfcheck.empty')}</p>
      ) : (
        <HintList hints={first(result.hints, (h) => onFocus(h, focusIds))} text={draft.text} focusIds={focusIds} />
      )}
      {card && (
        <fieldset class="group">
          <legend>{t('selfcheck.criteria', { card: card.name })}</legend>
          {first(selfCheckableCriteria(card), (c) => focusIds.has(c.id)).map((criterion) => {
            const value = chosen.get(criterion.id) ?? (writing ? suggested.get(criterion.id) : undefined);
            const isSuggestion = !chosen.has(criterion.id) && value !== undefined;
            const against = hintsFor(criterion.id, result.hints);
            return (
              <div key={criterion.id} class={focusIds.has(criterion.id) ? 'criterion focus' : 'criterion'} data-criterion={criterion.id} data-focus={focusIds.has(criterion.id) || undefined}>
                <div class="criterion-head">
                  <span class="criterion-title" id={`self-${criterion.id}`}>
                    {criterion.title}
                  </span>
                  {focusIds.has(criterion.id) && <span class="chip focus">{t('coaching.sidebar.focusChip')}</span>}
                  {isSuggestion && <span class="chip">{t('selfcheck.suggested')}</span>}
                  {against.length > 0 && <span class="chip chip-critical">{t('selfcheck.hintCount', { count: against.length })}</span>}
                </div>
                <div role="radiogroup" aria-labelledby={`self-${criterion.id}`} class="levels">
                  {criterion.levels.map((level, index) => (
                    <button
                      key={level.value}
                      type="button"
                      role="radio"
                      class="level"
                      aria-checked={value === level.value}
                      title={level.target}
                      onClick={() => setChosen(new Map(chosen).set(criterion.id, level.value))}
                    >
                      {t('review.level', { position: index + 1, label: level.label })}
                    </button>
                  ))}
                </div>
              </div>
            );
          })}
        </fieldset>
      )}
      <label class="checkbox">
        <input type="checkbox" checked={keepText} onChange={(e) => setKeepText(e.currentTarget.checked)} />
        {t('selfcheck.keepText')}
      </label>
      {!agent && <p class="muted">{t('selfcheck.identityMissing')}</p>}
      <p role="status" class="status">
        {saved && !problem ? t('selfcheck.saved') : ''}
      </p>
      {problem && (
        <p class="not-saved" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

function HintList({ hints, text, focusIds }: { hints: Hint[]; text: string; focusIds: ReadonlySet<string> }) {
  const { t } = useI18n();
  if (hints.length === 0) return <p class="notice good">{t('selfcheck.noHints')}</p>;
  return (
    <ul class="hints" aria-label={t('selfcheck.hints')}>
      {hints.map((hint, index) => (
        <li key={`${hint.check}-${index}`} class={`hint severity-${hint.severity}`} data-check={hint.check} data-focus={onFocus(hint, focusIds) || undefined}>
          <span class="chip">{t(`selfcheck.criterion.${hint.criterion}`)}</span>{' '}
          {onFocus(hint, focusIds) && <span class="chip focus">{t('coaching.sidebar.focusChip')}</span>}{' '}
          {t(hint.messageKey as MessageKey, hint.params)}
          {hint.span && (
            // The offending words, quoted from the draft as text.
            <q class="hint-span">{excerpt(text, hint.span.start, hint.span.end)}</q>
          )}
        </li>
      ))}
    </ul>
  );
}

function excerpt(text: string, start: number, end: number): string {
  const piece = text.slice(start, end);
  return piece.length > 80 ? `${piece.slice(0, 77)}…` : piece;
}
