// Reviewing the open ticket: choose agent and scorecard, score with autosave, submit.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { notSavedText } from '@/components/notSaved';
import { ReviewForm } from '@/components/review/ReviewForm';
import { TeamPicker } from '@/components/TeamPicker';
import { formatDay } from '@/lib/i18n';
import { focusTitles, useFocus } from '../selfcheck/useFocus';
import { remoteDb as db } from '@/lib/service';
import {
  defaultSettings,
  emailKey,
  ticketKey,
  type Extraction,
  type Person,
  type ReviewDraft,
  type ReviewTarget,
  type Scorecard,
  type SelfCheck,
  type Settings,
  type TicketRef,
} from '@/lib/model';
import { addActiveTime, draftKeyOf, newDraft, proposeReviewee, revieweeCandidates, startWithDigit, toReview } from '@/lib/review';
import { proposeScorecard } from '@/lib/scorecards';
import { matchReviewee, memberOf, nameOfAddress, personOf, revieweeFor, rosterChoices, selfPerson, teamChoices, type Roster } from '@/lib/sync';
import { useRemote } from '../useRemote';
import { FirstRun } from './FirstRun';
import { takeFocusWhenShown } from './focus';
import { useClarifications } from './useClarifications';

interface Props {
  ticket: TicketRef;
  extraction: Extraction;
  target: ReviewTarget;
  /** A draft to open instead of the target's own (editing a submitted review). */
  draftKeyOverride: string | null;
  onSubmitted: () => void;
  /** Opens Arvio's settings (the background does it: a framed page cannot in Firefox). */
  onOpenSettings: () => void;
}

export function ReviewPanel({ ticket, extraction, target, draftKeyOverride, onSubmitted, onOpenSettings }: Props) {
  const { t, lang } = useI18n();
  const cards = useRemote(() => db.listScorecards(), [], [] as Scorecard[]);
  // null and undefined: not read yet (the first-run card must not flash before they are).
  const settingsRead = useRemote(() => db.getSettings(), [], null as Settings | null);
  const settings = settingsRead ?? defaultSettings;
  const selfChecks = useRemote(() => db.selfChecksOfTicket(ticketKey(ticket)), [ticket.helpdesk, ticket.ticketId], [] as SelfCheck[]);
  // With a team backend: its roster (reviewees are members, by e-mail) and who I am there.
  // (The service's "nothing" arrives as undefined: wrapped, so that "not read yet" stays apart.)
  const rosterRead = useRemote(() => db.teamRoster().then((r) => ({ roster: r ?? null })), [], null as { roster: Roster | null } | null);
  const roster = rosterRead?.roster ?? null;
  const key = draftKeyOverride ?? draftKeyOf(ticketKey(ticket), target);
  const [draft, setDraft] = useState<ReviewDraft | null>(null);
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [justStarted, setJustStarted] = useState(false);
  // The reviewed agent's coaching focus during their period: the form marks it.
  const revieweeFocus = useFocus(draft?.reviewee?.id ?? null);
  // Failed writes, said until the same write succeeds: autosave and submit fail (and recover) apart.
  const [draftProblem, setDraftProblem] = useState<string | null>(null);
  const [submitProblem, setSubmitProblem] = useState<string | null>(null);
  const lastInteraction = useRef<number | null>(null);
  // The team the reviewer picked for a new review, where they and the reviewee share several.
  const [teamPick, setTeamPick] = useState<string | null>(null);

  const saveDraft = (next: ReviewDraft): void => {
    db.saveReviewDraft(next).then(
      () => setDraftProblem(null),
      (error: unknown) => setDraftProblem(notSavedText(t, { kind: 'reviewDraft', ticketId: ticket.ticketId }, error)),
    );
  };

  useEffect(() => {
    let live = true;
    setLoadedKey(null);
    void db.getReviewDraft(key).then((stored) => {
      if (!live) return;
      setDraft(stored ?? null);
      setLoadedKey(key);
      lastInteraction.current = null;
    });
    return () => {
      live = false;
    };
  }, [key]);

  const card = useMemo(
    () => (draft ? cards.find((c) => c.id === draft.scorecardId && c.version === draft.scorecardVersion) : undefined),
    [cards, draft],
  );

  // What calibration agreed about this scorecard's criteria, shown under their target-level texts.
  const scorecardId = draft?.scorecardId ?? null;
  const clarifications = useClarifications(scorecardId);

  const change = (next: ReviewDraft): void => {
    const now = Date.now();
    const timed = { ...addActiveTime(next, lastInteraction.current, now), updatedAt: new Date(now).toISOString() };
    lastInteraction.current = now;
    setDraft(timed);
    setNotice(null);
    // Autosave at once: a closed tab or a restarted browser loses nothing.
    saveDraft(timed);
  };

  // A draft begun before the roster was known names the helpdesk's display name: map it once it is.
  useEffect(() => {
    if (!roster || !draft?.reviewee || memberOf(draft.reviewee, roster.members)) return;
    const mapped = revieweeFor(draft.reviewee, roster);
    if (!mapped) return;
    const next = { ...draft, reviewee: mapped };
    setDraft(next);
    saveDraft(next);
  }, [roster, draft?.key, draft?.reviewee?.id]);

  if (loadedKey !== key) return <p role="status">{t('common.loading')}</p>;

  if (!draft) {
    // First run: without a name and e-mail (or a team backend) no review could be submitted.
    if (settingsRead && rosterRead && !selfPerson(settingsRead.identity, rosterRead.roster)) {
      return <FirstRun onOpenSettings={onOpenSettings} />;
    }
    return (
      <StartReview
        key={key}
        ticket={ticket}
        extraction={extraction}
        target={target}
        cards={cards}
        roster={roster}
        notice={notice}
        onStart={(chosenCard, reviewee, digit) => {
          const fresh = newDraft(ticket, target, chosenCard, reviewee, new Date());
          const started = digit === null ? fresh : startWithDigit(fresh, chosenCard, digit);
          lastInteraction.current = Date.now();
          setDraft(started);
          setJustStarted(true);
          saveDraft(started);
        }}
        lang={lang}
      />
    );
  }

  const identity = settings.identity;
  const self = selfPerson(identity, roster);
  const teams = teamChoices(roster, { subject: draft.reviewee?.id ?? null, roles: ['lead', 'reviewer'] });
  const team = (teams.find((x) => x.id === teamPick) ?? teams[0])?.id ?? null;
  const blocker = !self
    ? t('review.identityMissing')
    : !draft.reviewee
      ? t('review.revieweeMissing')
      : roster && !memberOf(draft.reviewee, roster.members)
        ? t('sync.reviewee.required')
        : roster?.teams && !draft.reviewId && teams.length === 0
          ? t('teams.none')
          : null;

  const submit = async (): Promise<void> => {
    if (!card || !draft.reviewee || !self || blocker) return;
    try {
      const existing = draft.reviewId ? ((await db.getReview(draft.reviewId)) ?? null) : null;
      const reviewer: Person = self;
      const review = toReview(draft, card, reviewer, draft.reviewee, draft.reviewId ?? crypto.randomUUID(), new Date(), existing, team);
      await db.submitReview(review, draft.key);
    } catch (error) {
      // The draft stays in the form and in the database: the reviewer can submit again once there is room.
      setSubmitProblem(notSavedText(t, { kind: 'review', ticketId: ticket.ticketId }, error));
      return;
    }
    setSubmitProblem(null);
    setDraft(null);
    setJustStarted(false);
    setNotice(t('review.submitted'));
    onSubmitted();
  };

  return (
    <section class="review" aria-label={t('tabs.review')}>
      <TargetLine extraction={extraction} target={draft.target} />
      {draft.reviewId && <p class="notice">{t('review.editing')}</p>}
      {draftProblem && (
        <p class="not-saved" role="alert">
          {draftProblem}
        </p>
      )}
      <RevieweePicker
        extraction={extraction}
        roster={roster}
        value={draft.reviewee}
        onChange={(reviewee) => change({ ...draft, reviewee })}
      />
      {!draft.reviewId && teams.length > 1 && <TeamPicker id="review-team" teams={teams} value={team} onChange={setTeamPick} />}
      {card ? (
        <>
          <p class="muted">
            {t('review.scorecard')}: {t('review.scorecard.option', { name: card.name, version: card.version })} ·{' '}
            {t('review.autosaved')}
          </p>
          {revieweeFocus && draft.reviewee && (
            <p class="notice focus-line" data-testid="reviewee-focus">
              {t('coaching.sidebar.reviewFocus', {
                name: draft.reviewee.name || draft.reviewee.id,
                day: formatDay(lang, revieweeFocus.until),
                criteria: focusTitles(revieweeFocus, card, cards).join(', '),
              })}
            </p>
          )}
          <ReviewForm
            card={card}
            draft={draft}
            onChange={change}
            onSubmit={() => void submit()}
            blocker={blocker}
            submitLabel={draft.reviewId ? t('review.update') : t('review.submit')}
            focusFirst={justStarted}
            selfCheck={selfCheckOf(selfChecks, draft.reviewee)}
            coachingFocus={revieweeFocus ? new Set(revieweeFocus.focus.map((f) => f.criterionId)) : undefined}
            clarifications={clarifications}
            nameOf={(email) => nameOfAddress(roster, email)}
          />
          {submitProblem && (
            <p class="not-saved" role="alert">
              {submitProblem}
            </p>
          )}
          {blocker === t('review.identityMissing') && (
            <button type="button" onClick={onOpenSettings}>
              {t('review.openSettings')}
            </button>
          )}
        </>
      ) : (
        <p role="status">{t('common.loading')}</p>
      )}
      <button
        type="button"
        class="link-button"
        onClick={() => {
          if (!window.confirm(t('review.discard.confirm'))) return;
          void db.discardReviewDraft(draft.key).then(() => setDraft(null));
        }}
      >
        {t('review.discard')}
      </button>
    </section>
  );
}

function TargetLine({ extraction, target }: { extraction: Extraction; target: ReviewTarget }) {
  const { t } = useI18n();
  if (target.kind === 'conversation') return <p class="target-line">{t('review.target.conversation')}</p>;
  const message = extraction.messages.find((m) => m.id === target.messageId);
  return (
    <p class="target-line">
      {t('review.target.message', { author: message?.author || t('sidebar.messages.unknownAuthor') })}
    </p>
  );
}

function StartReview(props: {
  ticket: TicketRef;
  extraction: Extraction;
  target: ReviewTarget;
  cards: Scorecard[];
  roster: Roster | null;
  notice: string | null;
  lang: 'fi' | 'en';
  /** `digit`: the review was started by pressing a level's digit, which rates the first criterion. */
  onStart: (card: Scorecard, reviewee: Person | null, digit: number | null) => void;
}) {
  const { t } = useI18n();
  const { ticket, extraction, target, cards, roster, notice, lang, onStart } = props;
  const published = cards.filter((c) => c.status === 'published');
  const proposed = proposeScorecard(published, ticket.channel, lang);
  const [cardKey, setCardKey] = useState<string>('');
  const [reviewee, setReviewee] = useState<Person | null>(() => revieweeFor(proposeReviewee(extraction.messages, target), roster));
  // The roster arrives after the first paint: map the helpdesk's proposal onto it then.
  useEffect(() => {
    if (roster) setReviewee((current) => revieweeFor(current ?? proposeReviewee(extraction.messages, target), roster));
  }, [roster]);
  const chosen = published.find((c) => `${c.id}@${c.version}` === cardKey) ?? proposed;
  // Opening the sidebar puts the keyboard here: Enter starts the review with the proposals, or a digit
  // starts it and rates the first criterion.
  const start = useRef<HTMLButtonElement>(null);
  useEffect(() => takeFocusWhenShown(() => start.current), []);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const active = document.activeElement;
      if (!/^[1-9]$/.test(event.key) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (!chosen || (active && active !== document.body && active !== start.current)) return;
      event.preventDefault();
      onStart(chosen, reviewee, Number(event.key));
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [chosen, reviewee, onStart]);

  return (
    <section class="review start" aria-label={t('tabs.review')}>
      {notice && (
        <p class="notice good" role="status">
          {notice}
        </p>
      )}
      <TargetLine extraction={extraction} target={target} />
      <p class="muted">{t('review.target.hint')}</p>
      <RevieweePicker extraction={extraction} roster={roster} value={reviewee} onChange={setReviewee} />
      <label for="scorecard">{t('review.scorecard')}</label>
      {published.length === 0 ? (
        <p>{t('review.scorecard.none')}</p>
      ) : (
        <select
          id="scorecard"
          value={chosen ? `${chosen.id}@${chosen.version}` : ''}
          onChange={(e) => setCardKey(e.currentTarget.value)}
        >
          {published.map((c) => (
            <option key={`${c.id}@${c.version}`} value={`${c.id}@${c.version}`}>
              {t('review.scorecard.option', { name: c.name, version: c.version })}
            </option>
          ))}
        </select>
      )}
      <div class="actions">
        <button ref={start} type="button" class="primary" disabled={!chosen} onClick={() => chosen && onStart(chosen, reviewee, null)}>
          {t('review.start')}
        </button>
      </div>
    </section>
  );
}

const OTHER = '\u0000other';

function RevieweePicker({
  extraction,
  roster,
  value,
  onChange,
}: {
  extraction: Extraction;
  roster: Roster | null;
  value: Person | null;
  onChange: (person: Person | null) => void;
}) {
  const { t } = useI18n();
  const candidates = revieweeCandidates(extraction.messages);
  const known = value !== null && candidates.some((c) => c.id === value.id);
  const [other, setOther] = useState(!known && value !== null);
  if (roster) return <RosterPicker candidates={candidates} roster={roster} value={value} onChange={onChange} />;
  return (
    <div class="reviewee">
      <label for="reviewee">{t('review.reviewee')}</label>
      <select
        id="reviewee"
        value={other ? OTHER : (value?.id ?? OTHER)}
        onChange={(e) => {
          const id = e.currentTarget.value;
          if (id === OTHER) {
            setOther(true);
            onChange(null);
            return;
          }
          setOther(false);
          onChange(candidates.find((c) => c.id === id) ?? null);
        }}
      >
        {candidates.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
        <option value={OTHER}>{t('review.reviewee.other')}</option>
      </select>
      {(other || candidates.length === 0) && (
        <input
          type="text"
          aria-label={t('review.reviewee.name')}
          placeholder={t('review.reviewee.name')}
          value={value?.name ?? ''}
          onInput={(e) => {
            const name = e.currentTarget.value;
            onChange(name.trim() ? { id: name.trim(), name } : null);
          }}
        />
      )}
    </div>
  );
}

/**
 * With a team backend the reviewee is a roster member (stored by e-mail): the ticket's agents matched
 * by name come first; an unmatched or ambiguous name is said and left for the reviewer to choose.
 */
function RosterPicker({
  candidates,
  roster,
  value,
  onChange,
}: {
  candidates: Person[];
  roster: Roster;
  value: Person | null;
  onChange: (person: Person | null) => void;
}) {
  const { t } = useI18n();
  const choices = rosterChoices(candidates.map((c) => c.name), roster.members);
  const current = memberOf(value, roster.members);
  const unresolved = current ? [] : (value ? [value] : candidates).map((p) => matchReviewee(p, roster.members));
  return (
    <div class="reviewee">
      <label for="reviewee">{t('review.reviewee')}</label>
      <select
        id="reviewee"
        value={current?.email ?? ''}
        onChange={(e) => {
          const member = choices.find((m) => m.email === e.currentTarget.value);
          onChange(member ? personOf(member) : null);
        }}
      >
        <option value="" disabled>
          {t('sync.reviewee.choose')}
        </option>
        {choices.map((m) => (
          <option key={m.email} value={m.email}>
            {t('sync.reviewee.option', { name: m.name, email: m.email })}
          </option>
        ))}
      </select>
      {unresolved.map((match) =>
        match.kind === 'member' ? null : (
          <p key={match.name} class="muted reviewee-hint">
            {t(match.kind === 'ambiguous' ? 'sync.reviewee.ambiguous' : 'sync.reviewee.unmatched', { name: match.name })}
          </p>
        ),
      )}
    </div>
  );
}

/** The reviewed agent's own self-check of this ticket, matched by e-mail or by the name the helpdesk shows. */
function selfCheckOf(selfChecks: SelfCheck[], reviewee: Person | null): SelfCheck | null {
  if (!reviewee) return null;
  const same = (a: string, b: string): boolean => emailKey(a) === emailKey(b);
  return selfChecks.find((s) => same(s.agent.id, reviewee.id) || same(s.agent.name, reviewee.name)) ?? null;
}
