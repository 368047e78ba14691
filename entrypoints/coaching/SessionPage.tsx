// Preparing and holding a session: the agent's evidence since the last session, the previous actions,
// the form, focus criteria for a period, agreed actions and private notes, saved as the coach types.
import { useEffect, useRef, useState } from 'preact/hooks';
import { reasonText } from '@/components/errorText';
import { useI18n } from '@/components/i18n';
import { notSavedText } from '@/components/notSaved';
import { useAutosave } from '@/components/useAutosave';
import { useLive } from '@/components/useLive';
import { levelText } from '@/components/review/levels';
import { ReviewTexts } from '@/components/review/ReviewTexts';
import {
  actionsOfSession,
  addDays,
  DEFAULT_PERIOD_WEEKS,
  evidenceReviews,
  getForm,
  getNotes,
  getSession,
  MAX_FOCUS,
  newCoachingAction,
  newCoachingNotes,
  PERIOD_WEEKS,
  periodOf,
  SHOWN_REVIEWS,
  prepareSession,
  saveSession,
  sessionOutcome,
  titleOf,
  weeksOf,
  withAgentPart,
  withCompletion,
  type BeforeAfter,
  type Evidence,
} from '@/lib/coaching';
import { listedVersions } from '@/lib/db';
import { formatDay, formatDateTime, formatPercent } from '@/lib/i18n';
import { dayOf, emailKey, seriesOf, type CoachingAction, type CoachingAnswer, type CoachingForm, type CoachingSession, type EvidenceRef, type FocusCriterion, type Person, type Review, type Scorecard } from '@/lib/model';
import { downloadIcs } from './calendar';
import { OutcomeTable } from '@/components/coaching/OutcomeTable';
import { FormAnswers } from './FormAnswers';
import { takePrepared, type Prepared } from './preparing';
import type { Who } from './main';

interface Editing {
  session: CoachingSession;
  actions: CoachingAction[];
  notes: string;
}


export function SessionPage({ id, who, me }: { id: string; who: Who; me: Person }) {
  const { t, lang } = useI18n();
  const [editing, setEditing] = useState<Editing | null | undefined>(undefined);
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const cardsRead = who.cards.length > 0;
  useEffect(() => {
    let current = true;
    const read = getSession(id);
    void Promise.all([read, actionsOfSession(id), getNotes(id)]).then(([session, actions, notes]) =>
      setEditing(session ? { session, actions, notes: notes?.text ?? '' } : null),
    );
    // The evidence: the read the plan's click started, else read as soon as the session names its agent, beside the session's own reads.
    const readHere = () => read.then((session) => (session ? prepareSession(session, who.cards, dayOf(new Date()), lang) : null));
    const early = takePrepared(id);
    const evidence = early ? early.catch(readHere) : cardsRead ? readHere() : null;
    void evidence?.then((p) => current && p && setPrepared(p));
    return () => {
      current = false;
    };
  }, [id, cardsRead]);
  if (editing === undefined) return <p>{t('common.loading')}</p>;
  if (editing === null) return <p>{t('coaching.session.missing')}</p>;
  return <SessionEditor initial={editing} evidence={prepared} who={who} me={me} />;
}

function SessionEditor({ initial, evidence, who, me }: { initial: Editing; evidence: Prepared | null; who: Who; me: Person }) {
  const { t, lang } = useI18n();
  const [state, setState] = useState<Editing>(initial);
  const [weeks, setWeeks] = useState(initial.session.period ? weeksOf(initial.session.period) : DEFAULT_PERIOD_WEEKS);
  const [saved, setSaved] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<BeforeAfter[] | null>(null);
  const { session, actions, notes } = state;
  const today = dayOf(new Date());
  const form = useLive<CoachingForm | null | undefined>(async () => (await getForm(session.formId, session.formVersion)) ?? null, [session.formId, session.formVersion], undefined);
  const coach = emailKey(session.coach.id) === emailKey(me.id);

  useEffect(() => {
    if (session.status === 'held' && session.period && session.period.end < today && who.cards.length > 0) {
      // A failed read leaves the figures out; the session itself is unaffected.
      void sessionOutcome(session, who.cards, today).then(setOutcome, () => setOutcome(null));
    }
  }, [session.status, session.period?.end, who.cards.length]);

  // The agent's part as it arrives (an acknowledgement, an action marked done, synced in while the
  // page is open) is shown here; saveSession keeps it whatever this page saves.
  const stored = useLive(async () => ({ session: await getSession(session.id), actions: await actionsOfSession(session.id) }), [session.id], null);
  useEffect(() => {
    if (!stored) return;
    const byId = new Map(stored.actions.map((a) => [a.id, a]));
    setState((s) => ({ ...s, session: withAgentPart(s.session, stored.session), actions: s.actions.map((a) => withCompletion(a, byId.get(a.id))) }));
  }, [stored]);

  /** The private notes' text as last saved: a save writes them only when they changed. */
  const savedNotes = useRef(initial.notes);
  // Leaving the session (another view, the tab closed) saves what is still waiting, rather than dropping it.
  const autosave = useAutosave<Editing>(async (next) => {
    const notesDoc = coach && next.notes !== savedNotes.current ? newCoachingNotes(next.session, next.notes, new Date()) : null;
    try {
      await saveSession(next.session, next.actions, notesDoc);
    } catch (error) {
      setProblem(notSavedText(t, { kind: 'coaching', agent: next.session.agent.name || next.session.agent.id }, error));
      throw error;
    }
    if (notesDoc) savedNotes.current = notesDoc.text;
    setSaved(new Date().toISOString());
    setProblem(null);
  });
  /** An edit, saved after a pause in typing; `delay` 0 for a deliberate step (holding the session). */
  const update = (change: (s: Editing) => Editing, delay?: number): void => {
    setState((current) => {
      const next = change(current);
      const at = new Date().toISOString();
      const stamped = { ...next, session: next.session === current.session ? next.session : { ...next.session, updatedAt: at } };
      autosave.edit(stamped, delay);
      return stamped;
    });
  };
  const setSession = (patch: Partial<CoachingSession>, delay?: number) => update((s) => ({ ...s, session: { ...s.session, ...patch } }), delay);
  const setAnswer = (answer: CoachingAnswer) =>
    setSession({ answers: [...session.answers.filter((a) => a.fieldId !== answer.fieldId), answer] });
  const togglePin = (ref: EvidenceRef) => {
    const key = JSON.stringify(ref);
    const pinned = session.evidence.some((e) => JSON.stringify(e) === key);
    setSession({ evidence: pinned ? session.evidence.filter((e) => JSON.stringify(e) !== key) : [...session.evidence, ref] });
  };
  const setAction = (actionId: string, patch: Partial<CoachingAction>) =>
    update((s) => ({ ...s, actions: s.actions.map((a) => (a.id === actionId ? { ...a, ...patch, updatedAt: new Date().toISOString() } : a)) }));
  const hold = () => {
    const day = session.heldAt ? dayOf(session.heldAt) : today;
    setSession({ status: 'held', heldAt: session.heldAt ?? new Date().toISOString(), period: periodOf(day, weeks) }, 0);
  };
  const agentName = session.agent.name || session.agent.id;
  const visibleActions = actions.filter((a) => !a.deleted);

  return (
    <article class="session" aria-labelledby="session-title" data-session={session.id}>
      <h2 id="session-title">{t('coaching.session.title', { name: agentName })}</h2>
      <p class="muted">
        {session.status === 'held' && session.heldAt
          ? t('coaching.session.heldAt', { at: formatDateTime(lang, session.heldAt) })
          : t(`coaching.status.${session.status}`)}
        {session.scheduledFor && !session.heldAt && ` · ${t('coaching.session.scheduledFor', { at: formatDateTime(lang, session.scheduledFor) })}`}
        {session.acknowledgedAt && ` · ${t('coaching.session.acknowledged', { at: formatDateTime(lang, session.acknowledgedAt) })}`}
      </p>
      {session.agentComment && (
        <p>
          <strong>{t('coaching.session.agentComment')}:</strong> {session.agentComment}
        </p>
      )}
      {session.scheduledFor && (
        <button type="button" onClick={() => downloadIcs(session, t)}>
          {t('coaching.plan.ics', { name: agentName })}
        </button>
      )}

      <EvidenceView key={evidence?.evidence.from} prepared={evidence} session={session} cards={who.cards} onPin={togglePin} />

      <section class="card-box" aria-labelledby="form-title">
        <h3 id="form-title">{form ? form.name : t('coaching.session.form')}</h3>
        {form === null && <p>{t('coaching.session.formMissing')}</p>}
        {form && <FormAnswers form={form} answers={session.answers} onAnswer={setAnswer} />}
      </section>

      <FocusPicker who={who} evidence={evidence?.evidence ?? null} focus={session.focus} onChange={(focus) => setSession({ focus })} />
      <section class="card-box" aria-labelledby="period-title">
        <h3 id="period-title">{t('coaching.period.title')}</h3>
        <label>
          {t('coaching.period.length')}{' '}
          <select
            value={String(weeks)}
            onChange={(e) => {
              const w = Number(e.currentTarget.value);
              setWeeks(w);
              // Saved like every other choice: a session prepared ahead keeps its period's length until it is held.
              setSession({ period: periodOf(session.period?.start ?? today, w) });
            }}
          >
            {PERIOD_WEEKS.map((w) => (
              <option key={w} value={String(w)}>
                {t('coaching.period.weeks', { count: w })}
              </option>
            ))}
          </select>
        </label>
        <p class="muted">{t('coaching.period.until', { day: formatDay(lang, (session.period ?? periodOf(today, weeks)).end, true) })}</p>
      </section>

      <section class="card-box" aria-labelledby="actions-title">
        <h3 id="actions-title">{t('coaching.actions.title')}</h3>
        {visibleActions.map((action, i) => (
          <div class="action-row" key={action.id} data-action={action.id}>
            <label class="text">
              {t('coaching.actions.text', { n: i + 1 })}
              <input type="text" value={action.text} onInput={(e) => setAction(action.id, { text: e.currentTarget.value || ' ' })} />
            </label>
            <label>
              {t('coaching.actions.owner')}
              <select value={action.assignee} onChange={(e) => setAction(action.id, { assignee: e.currentTarget.value as CoachingAction['assignee'] })}>
                <option value="agent">{t('coaching.actions.owner.agent', { name: agentName })}</option>
                <option value="coach">{t('coaching.actions.owner.coach')}</option>
              </select>
            </label>
            <label>
              {t('coaching.actions.due')}
              <input type="date" value={action.due} onInput={(e) => e.currentTarget.value && setAction(action.id, { due: e.currentTarget.value })} />
            </label>
            <span>{t(`coaching.actionStatus.${action.status}`)}</span>
            <button type="button" aria-label={t('coaching.actions.remove', { n: i + 1 })} onClick={() => setAction(action.id, { deleted: true })}>
              {t('coaching.actions.removeShort')}
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() =>
            update((s) => ({
              ...s,
              actions: [
                ...s.actions,
                newCoachingAction(s.session, { id: `ca-${crypto.randomUUID()}`, text: t('coaching.actions.new'), assignee: 'agent', due: addDays(today, 14), now: new Date() }),
              ],
            }))
          }
        >
          {t('coaching.actions.add')}
        </button>
      </section>

      {coach && (
        <section class="card-box private" aria-labelledby="notes-title">
          <h3 id="notes-title">{t('coaching.notes.title')}</h3>
          <p class="muted">{t('coaching.notes.private')}</p>
          <textarea aria-labelledby="notes-title" value={notes} onInput={(e) => update((s) => ({ ...s, notes: e.currentTarget.value }))} />
        </section>
      )}

      {outcome && <OutcomeTable rows={outcome} />}

      <p class="inline-controls">
        <button type="button" class="primary" disabled={session.focus.length === 0} onClick={hold}>
          {session.status === 'held' ? t('coaching.session.saveHeld') : t('coaching.session.hold')}
        </button>
        {session.focus.length === 0 && <span class="muted">{t('coaching.session.needsFocus')}</span>}
        <span role="status" class="save-state">
          {saved && !problem ? t('coaching.session.saved', { at: formatDateTime(lang, saved) }) : ''}
        </span>
      </p>
      {problem && (
        <p class="not-saved" role="alert">
          {problem}
        </p>
      )}
    </article>
  );
}

export function EvidenceView({
  prepared,
  session,
  cards,
  onPin,
}: {
  prepared: Prepared | null;
  session: CoachingSession;
  /** The scorecards, to name a review's criteria and levels. */
  cards: readonly Scorecard[];
  onPin(ref: EvidenceRef): void;
}) {
  const { t, lang } = useI18n();
  // Reviews past the first page, read a page at a time on request.
  const [more, setMore] = useState<{ reviews: Review[]; done: boolean }>({ reviews: [], done: false });
  const [focusId, setFocusId] = useState<string | null>(null);
  /** Why the last "Show more" read failed (the button stays, to try again). */
  const [moreFailed, setMoreFailed] = useState<string | null>(null);
  useEffect(() => {
    if (focusId) document.querySelector<HTMLElement>(`[data-review="${CSS.escape(focusId)}"] button`)?.focus();
  }, [focusId]);
  if (!prepared) return <p data-testid="evidence" data-state="loading">{t('common.loading')}</p>;
  const { evidence, previous, previousActions } = prepared;
  const listed = [...evidence.reviews, ...more.reviews];
  const showMore = async () => {
    let page: Review[];
    try {
      page = await evidenceReviews(session.agent.id, evidence.from, evidence.to, listed);
    } catch (error) {
      setMoreFailed(reasonText(t, error));
      return;
    }
    setMoreFailed(null);
    setMore({ reviews: [...more.reviews, ...page], done: page.length < SHOWN_REVIEWS });
    // The keyboard goes on where the new reviews start.
    setFocusId(page[0]?.id ?? null);
  };
  const pinned = (ref: EvidenceRef) => session.evidence.some((e) => JSON.stringify(e) === JSON.stringify(ref));
  const pct = (n: number | null) => (n === null ? t('dashboard.none') : formatPercent(lang, n));
  return (
    <>
      <section class="card-box" aria-labelledby="prev-title">
        <h3 id="prev-title">{t('coaching.previous.title')}</h3>
        {!previous ? (
          <p>{t('coaching.previous.none')}</p>
        ) : (
          <>
            <p class="muted">
              {t('coaching.session.heldAt', { at: formatDateTime(lang, previous.heldAt!) })} ·{' '}
              <a href={`#session/${encodeURIComponent(previous.id)}`}>{t('coaching.previous.open')}</a>
            </p>
            {previousActions.length === 0 ? (
              <p>{t('coaching.actions.none')}</p>
            ) : (
              <ul data-testid="previous-actions">
                {previousActions.map((a) => (
                  <li key={a.id} data-status={a.status}>
                    {a.text} · {formatDay(lang, a.due, true)} · <strong>{t(`coaching.actionStatus.${a.status}`)}</strong>
                    {a.doneComment && ` · ${t('coaching.actions.doneComment', { comment: a.doneComment })}`}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
      <section class="card-box" aria-labelledby="evidence-title" data-testid="evidence" data-state="ready">
        <h3 id="evidence-title">
          {t('coaching.evidence.title', { from: formatDay(lang, evidence.from, true), to: formatDay(lang, evidence.to, true) })}
        </h3>
        <p>
          {t('coaching.evidence.summary', { count: evidence.count })} · {t('dashboard.kpi.quality')}: <strong data-testid="evidence-score">{pct(evidence.qualityScore)}</strong>
        </p>
        <div class="inline-controls">
          <CriterionList title={t('coaching.evidence.strongest')} rows={evidence.strongest} testId="strongest" />
          <CriterionList title={t('coaching.evidence.weakest')} rows={evidence.weakest} testId="weakest" />
        </div>
        <details>
          <summary>{t('coaching.evidence.trend')}</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('coaching.evidence.week')}</th>
                <th scope="col">{t('dashboard.kpi.quality')}</th>
                <th scope="col">{t('dashboard.kpi.reviews')}</th>
              </tr>
            </thead>
            <tbody>
              {evidence.trend.map((w) => (
                <tr key={w.week}>
                  <th scope="row">{formatDay(lang, w.week)}</th>
                  <td class="num">{pct(w.qualityScore)}</td>
                  <td class="num">{w.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
        {evidence.gap.length > 0 && <GapTable evidence={evidence} />}
        <h4>{t('coaching.evidence.reviews')}</h4>
        {listed.length === 0 ? <p>{t('coaching.evidence.noReviews')}</p> : <p class="muted">{t('coaching.evidence.listed', { shown: listed.length, count: evidence.count })}</p>}
        {listed.map((r) => {
          const ref: EvidenceRef = { kind: 'review', reviewId: r.id };
          return (
            <div key={r.id} class={`evidence-review${pinned(ref) ? ' pinned' : ''}`} data-review={r.id}>
              <strong>{pct(r.score)}</strong> · {formatDateTime(lang, r.createdAt)} · {t('dashboard.mine.ticket', { id: r.ticket.ticketId })}{' '}
              <button type="button" aria-pressed={pinned(ref)} aria-label={t('coaching.evidence.pinReview', { id: r.ticket.ticketId })} onClick={() => onPin(ref)}>
                {t('coaching.evidence.pin')}
              </button>
              <ReviewTexts review={r} />
              <RatingPins review={r} cards={cards} pinned={pinned} onPin={onPin} />
            </div>
          );
        })}
        {!more.done && evidence.reviews.length === SHOWN_REVIEWS && listed.length < evidence.count && (
          <button type="button" onClick={() => void showMore()}>
            {t('coaching.evidence.more')}
          </button>
        )}
        {moreFailed !== null && (
          <p class="not-saved" role="alert">
            {t('common.error', { message: moreFailed })}
          </p>
        )}
      </section>
    </>
  );
}

function RatingPins({
  review,
  cards,
  pinned,
  onPin,
}: {
  review: Evidence['reviews'][number];
  cards: readonly Scorecard[];
  pinned(ref: EvidenceRef): boolean;
  onPin(ref: EvidenceRef): void;
}) {
  const { t } = useI18n();
  // Made when opened: twenty reviews’ ratings would be two hundred buttons on every preparation.
  const [open, setOpen] = useState(false);
  const rated = review.ratings.filter((r) => !r.na && r.value !== null);
  if (rated.length === 0) return null;
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('coaching.evidence.ratings')}</summary>
      {open && (
        <ul>
          {rated.map((rating) => {
            const ref: EvidenceRef = { kind: 'rating', reviewId: review.id, criterionId: rating.criterionId };
            // Named as in My coaching; the level as on the card the review was scored on.
            const title = titleOf({ scorecardId: review.scorecardId, criterionId: rating.criterionId }, cards);
            const scored = cards.find((c) => c.id === review.scorecardId && c.version === review.scorecardVersion);
            const criterion = scored?.criteria.find((c) => c.id === rating.criterionId);
            return (
              <li key={rating.criterionId}>
                {title}: {levelText(t, criterion, rating.value, false)}{' '}
                <button
                  type="button"
                  aria-pressed={pinned(ref)}
                  aria-label={t('coaching.evidence.pinRating', { criterion: title, id: review.ticket.ticketId })}
                  onClick={() => onPin(ref)}
                >
                  {t('coaching.evidence.pin')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </details>
  );
}

function CriterionList({ title, rows, testId }: { title: string; rows: Evidence['criteria']; testId: string }) {
  const { t, lang } = useI18n();
  return (
    <div>
      <h4>{title}</h4>
      {rows.length === 0 ? (
        <p class="muted">{t('dashboard.none')}</p>
      ) : (
        <ol data-testid={testId}>
          {rows.map((c) => (
            <li key={c.criterionId} data-criterion={c.criterionId}>
              {c.title}: {formatPercent(lang, c.mean)} ({t('coaching.ratings', { count: c.count })})
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function GapTable({ evidence }: { evidence: Evidence }) {
  const { t, lang } = useI18n();
  return (
    <details>
      <summary>{t('coaching.evidence.gap')}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.criteria.criterion')}</th>
            <th scope="col">{t('coaching.evidence.self')}</th>
            <th scope="col">{t('coaching.evidence.reviewer')}</th>
            <th scope="col">{t('coaching.evidence.pairs')}</th>
          </tr>
        </thead>
        <tbody>
          {evidence.gap.map((g) => (
            <tr key={g.criterionId}>
              <th scope="row">{g.title}</th>
              <td class="num">{formatPercent(lang, g.self)}</td>
              <td class="num">{formatPercent(lang, g.reviewer)}</td>
              <td class="num">{g.pairs}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** Focus criteria (1–3) from a published scorecard: the evidence's weakest are offered first. */
function FocusPicker({ who, evidence, focus, onChange }: { who: Who; evidence: Evidence | null; focus: FocusCriterion[]; onChange(focus: FocusCriterion[]): void }) {
  const { t } = useI18n();
  const cards = listedVersions(who.cards.filter((c) => c.status === 'published'));
  /** The card offered for a card id: itself, or the team's card that continues it (a built-in the team edited). */
  const offered = (id: string | undefined): string | undefined => cards.find((c) => c.id === id)?.id ?? cards.find((c) => seriesOf(c.id) === id)?.id;
  const used = new Map<string, number>();
  for (const r of evidence?.reviews ?? []) {
    const id = offered(r.scorecardId);
    if (id) used.set(id, (used.get(id) ?? 0) + 1);
  }
  const [chosenCard, setCardId] = useState<string | null>(null);
  const cardId = chosenCard ?? offered(focus[0]?.scorecardId) ?? [...used].sort((a, b) => b[1] - a[1])[0]?.[0] ?? cards[0]?.id ?? '';
  const card = cards.find((c) => c.id === cardId);
  const has = (criterionId: string) => focus.some((f) => f.scorecardId === cardId && f.criterionId === criterionId);
  return (
    <section class="card-box" aria-labelledby="focus-title">
      <h3 id="focus-title">{t('coaching.focus.title')}</h3>
      <p class="muted">{t('coaching.focus.help', { max: MAX_FOCUS })}</p>
      {focus.length > 0 && (
        <p data-testid="focus-chosen">
          {focus.map((f) => (
            <span key={`${f.scorecardId} ${f.criterionId}`} class="chip focus">
              {titleOf(f, who.cards)}
            </span>
          ))}
        </p>
      )}
      <label>
        {t('coaching.focus.card')}{' '}
        <select value={cardId} onChange={(e) => setCardId(e.currentTarget.value)}>
          {cards.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{t('coaching.focus.criteria')}</legend>
        {card?.criteria.map((c) => (
          <label key={c.id} class="checkbox">
            <input
              type="checkbox"
              checked={has(c.id)}
              disabled={!has(c.id) && focus.length >= MAX_FOCUS}
              onChange={(e) =>
                onChange(
                  e.currentTarget.checked
                    ? [...focus, { scorecardId: cardId, criterionId: c.id }]
                    : focus.filter((f) => !(f.scorecardId === cardId && f.criterionId === c.id)),
                )
              }
            />
            {c.title}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
