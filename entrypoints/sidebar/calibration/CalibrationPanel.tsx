// Calibration in the sidebar: what waits for me, blind scoring of the ticket in view, the reveal and agreeing.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { AgreePanel } from '@/components/calibration/AgreePanel';
import { participantLabel, RevealView } from '@/components/calibration/RevealView';
import { StartSessionForm } from '@/components/calibration/StartSessionForm';
import { reasonText } from '@/components/errorText';
import { useI18n } from '@/components/i18n';
import { notSavedText } from '@/components/notSaved';
import { ReviewForm } from '@/components/review/ReviewForm';
import {
  calibrationViewer,
  facilitates,
  isOverdue,
  shownParticipant,
  newCalibrationRatings,
  othersVisible,
  reveal,
  revealFigures,
  ticketsToRate,
} from '@/lib/calibration';
import { formatDateTime } from '@/lib/i18n';
import { httpUrl, ticketKey, type CalibrationRatings, type CalibrationSession, type Person, type ReviewDraft, type Scorecard, type TicketRef } from '@/lib/model';
import { remoteDb as db } from '@/lib/service';
import { nameOfAddress, type Roster } from '@/lib/sync';
import { calibrationStartTeams, type TeamSettings } from '@/lib/teamSettings';
import { useClarifications } from '../review/useClarifications';
import { useRemote } from '../useRemote';

export interface CalibrationHome {
  roster: Roster | null;
  sessions: CalibrationSession[];
  mine: CalibrationRatings[];
  settings: TeamSettings[];
}

export const useCalibrationHome = (): CalibrationHome | null => useRemote(() => db.calibrationHome(), [], null as CalibrationHome | null);

/** The session waiting for my scoring of this ticket, if any (for the banner at the top of the sidebar). */
export function waitingHere(home: CalibrationHome | null, key: string): CalibrationSession | null {
  if (!home?.roster) return null;
  const me = calibrationViewer(home.roster).me;
  return home.sessions.find((s) => ticketsToRate(s, me, home.mine).includes(key)) ?? null;
}

/** At the top of the sidebar: this ticket waits for my blind scoring. */
export function CalibrationBanner({ session, onOpen }: { session: CalibrationSession; onOpen: () => void }) {
  const { t, lang } = useI18n();
  const overdue = isOverdue(session, new Date());
  const deadline = formatDateTime(lang, session.deadline);
  return (
    <div class={`notice calibration-banner${overdue ? ' overdue' : ''}`} role="status">
      <p>{t(overdue ? 'calibration.banner.overdue' : 'calibration.banner', { title: session.title, deadline })}</p>
      <button type="button" class="primary" onClick={onOpen}>
        {t('calibration.banner.open')}
      </button>
    </div>
  );
}

interface PanelProps {
  ticket: TicketRef;
  /** The agent who answered on this ticket, as the page names them: shown in a session that does not hide the agent. */
  agent: Person | null;
  home: CalibrationHome | null;
  focusScoring: boolean;
  onOpenSettings: () => void;
}

export function CalibrationPanel({ ticket, agent, home, focusScoring, onOpenSettings }: PanelProps) {
  const { t } = useI18n();
  const [starting, setStarting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const cards = useRemote(() => db.listScorecards(), [], [] as Scorecard[]);
  if (!home) return <p role="status">{t('common.loading')}</p>;
  const roster = home.roster;
  if (!roster) {
    return (
      <section class="state" aria-label={t('tabs.calibration')}>
        <h2>{t('calibration.needsBackend.title')}</h2>
        <p>{t('calibration.needsBackend.body')}</p>
        <button type="button" onClick={onOpenSettings}>
          {t('calibration.openSettings')}
        </button>
      </section>
    );
  }
  const viewer = calibrationViewer(roster);
  const me = viewer.me;
  const key = ticketKey(ticket);
  const here = home.sessions.filter(
    (s) => s.tickets.some((x) => x.ticketKey === key) && (s.participants.includes(me) || s.facilitator === me || s.startedBy === me || viewer.leads(s.team)),
  );
  const nameOf = (email: string): string => nameOfAddress(roster, email);
  return (
    <section class="calibration" aria-label={t('tabs.calibration')}>
      <WaitingList home={home} me={me} nameOf={nameOf} />
      {here.map((session) => (
        <SessionOnTicket key={session.id} session={session} ticket={ticket} agent={agent} me={me} lead={viewer.leads(session.team)} cards={cards} nameOf={nameOf} focusScoring={focusScoring} />
      ))}
      {notice && (
        <p class="notice good" role="status">
          {notice}
        </p>
      )}
      {calibrationStartTeams(roster, home.settings).length > 0 &&
        (starting ? (
          <StartSessionForm
            roster={roster}
            settings={home.settings}
            cards={cards}
            tickets={[ticket]}
            onStart={async (session) => {
              await db.saveCalibrationSession(session);
              setStarting(false);
              setNotice(t('calibration.start.started'));
            }}
          />
        ) : (
          <div class="actions">
            <button type="button" onClick={() => setStarting(true)}>
              {t('calibration.start.open')}
            </button>
          </div>
        ))}
    </section>
  );
}

export function WaitingList({ home, me, nameOf }: { home: CalibrationHome; me: string; nameOf: (email: string) => string }) {
  const { t, lang } = useI18n();
  const now = new Date();
  const items = home.sessions.flatMap((session) =>
    ticketsToRate(session, me, home.mine).map((key) => {
      const ref = session.tickets.find((x) => x.ticketKey === key)?.ticket;
      // Sessions come from the team backend and imported files too: only a web address becomes a link (target _top is the helpdesk's tab).
      return { session, ref, href: ref ? httpUrl(ref.url)?.href : undefined };
    }),
  );
  return (
    <section class="waiting" aria-label={t('calibration.waiting.title')}>
      <h2>{t('calibration.waiting.title')}</h2>
      {items.length === 0 ? (
        <p class="muted">{t('calibration.waiting.none')}</p>
      ) : (
        <ul class="waiting-list">
          {items.map(({ session, ref, href }) => (
            <li key={`${session.id}|${ref?.ticketId}`}>
              {href ? (
                <a href={href} target="_top">
                  {t('calibration.waiting.item', { title: session.title, ticket: ref?.ticketId ?? '' })}
                </a>
              ) : (
                t('calibration.waiting.item', { title: session.title, ticket: ref?.ticketId ?? '' })
              )}
              {isOverdue(session, now) && <span class="chip chip-critical">{t('calibration.waiting.overdue')}</span>}
              <br />
              <span class="muted">{t('calibration.waiting.meta', { deadline: formatDateTime(lang, session.deadline), who: nameOf(session.startedBy) })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface SessionProps {
  session: CalibrationSession;
  ticket: TicketRef;
  agent: Person | null;
  me: string;
  lead: boolean;
  cards: Scorecard[];
  nameOf: (email: string) => string;
  focusScoring: boolean;
}

function SessionOnTicket({ session: listed, ticket, agent, me, lead, cards, nameOf, focusScoring }: SessionProps) {
  const { t, lang } = useI18n();
  const loaded = useRemote(() => db.calibrationSession(listed.id), [listed.id], null);
  const [problem, setProblem] = useState<string | null>(null);
  const session = loaded?.session ?? listed;
  const ratings = loaded?.ratings ?? [];
  const key = ticketKey(ticket);
  const card = cards.find((c) => c.id === session.scorecardId && c.version === session.scorecardVersion);
  const mine = ratings.find((r) => r.participant === me && r.ticketKey === key);
  const participant = session.participants.includes(me);
  const runs = facilitates(session, me, lead);
  const visible = othersVisible(session, me, key, ratings);
  const figures = useMemo(() => (card && visible ? revealFigures(session, card, ratings) : null), [card, visible, session, ratings]);
  // Before the reveal the facilitator learns from the server who has submitted, and nothing more.
  const submitted = useRemote(
    () => (runs && session.status === 'open' ? db.calibrationSubmitted(session.id) : Promise.resolve(null)),
    [session.id, session.status, runs],
    null,
  );
  if (!loaded || !card) return <p role="status">{t('common.loading')}</p>;
  const labels = session.participants.map((p) => (p === me ? t('calibration.you') : participantLabel(t, shownParticipant(p), nameOf)));
  const saveSession = async (next: CalibrationSession): Promise<void> => {
    await db.saveCalibrationSession(next);
  };
  return (
    <article class="calibration-session" aria-label={session.title}>
      <h2>{t('calibration.session.title', { title: session.title, status: t(`calibration.status.${session.status}`) })}</h2>
      <p class="muted">
        {t('calibration.session.meta', { facilitator: nameOf(session.facilitator), deadline: formatDateTime(lang, session.deadline) })}
        {isOverdue(session, new Date()) && <span class="chip chip-critical">{t('calibration.waiting.overdue')}</span>}
      </p>
      {/* The facilitator chose whether participants see whose answer they score; Arvio names the agent only when not hidden. */}
      {!session.hideAgent && agent && (
        <p class="muted" data-testid="calibration-agent">
          {t('calibration.session.agent', { name: agent.name || agent.id })}
        </p>
      )}
      {participant && session.status === 'open' && !mine?.submittedAt && (
        <BlindScoring session={session} ticket={ticket} card={card} me={me} stored={mine ?? null} focusFirst={focusScoring} nameOf={nameOf} />
      )}
      {participant && mine?.submittedAt && <p class="notice good">{t('calibration.score.submitted')}</p>}
      {!visible && session.status === 'open' && (
        <p class="muted">{t(session.revealMode === 'after-own-submit' ? 'calibration.blind.own' : 'calibration.blind')}</p>
      )}
      {submitted && session.status === 'open' && (
        <section aria-label={t('calibration.submitted.title')}>
          <h3>{t('calibration.submitted.title')}</h3>
          <ul class="submitted">
            {submitted.submitted.map(({ participant: who, tickets }) => (
              <li key={who}>{t(tickets.includes(key) ? 'calibration.submitted.yes' : 'calibration.submitted.no', { who: nameOf(who) })}</li>
            ))}
          </ul>
        </section>
      )}
      {runs && session.status === 'open' && (
        <div class="actions">
          <button
            type="button"
            onClick={() =>
              void saveSession(reveal(session, new Date())).then(
                () => setProblem(null),
                (error: unknown) => setProblem(t('calibration.notSaved', { message: reasonText(t, error) })),
              )
            }
          >
            {t('calibration.reveal')}
          </button>
        </div>
      )}
      {problem && (
        <p class="not-saved" role="alert">
          {problem}
        </p>
      )}
      {figures && <RevealView session={session} card={card} figures={figures} labels={labels} ticketKeys={[key]} />}
      {session.revealedAt !== null && (
        <AgreePanel session={session} card={card} ratings={ratings} ticketKeys={[key]} me={me} facilitates={runs} lead={lead} nameOf={nameOf} onSave={saveSession} />
      )}
    </article>
  );
}

/** My calibration ratings in the same review form, autosaved; nothing is sent before I submit. */
function BlindScoring(props: {
  session: CalibrationSession;
  ticket: TicketRef;
  card: Scorecard;
  me: string;
  stored: CalibrationRatings | null;
  focusFirst: boolean;
  nameOf: (email: string) => string;
}) {
  const { session, ticket, card, me, stored, focusFirst, nameOf } = props;
  const { t } = useI18n();
  const key = ticketKey(ticket);
  // The scorecard's clarifications in force, under each criterion as in a review.
  const clarifications = useClarifications(session.scorecardId);
  const [doc, setDoc] = useState<CalibrationRatings>(() => stored ?? newCalibrationRatings(session, me, key, card, new Date()));
  const [problem, setProblem] = useState<string | null>(null);
  // A draft stored meanwhile (another tab, a restart) replaces the fresh one.
  useEffect(() => {
    if (stored && stored.updatedAt > doc.updatedAt) setDoc(stored);
  }, [stored?.updatedAt]);

  const write = (next: CalibrationRatings): Promise<void> =>
    db.saveCalibrationRatings(next).then(
      () => setProblem(null),
      (error: unknown) => {
        setProblem(notSavedText(t, { kind: 'reviewDraft', ticketId: ticket.ticketId }, error));
        throw error;
      },
    );

  const draft: ReviewDraft = {
    key: doc.id,
    ticket,
    ticketKey: key,
    reviewId: null,
    scorecardId: session.scorecardId,
    scorecardVersion: session.scorecardVersion,
    reviewee: null,
    target: { kind: 'conversation' },
    ratings: doc.ratings,
    strengths: '',
    developmentAreas: '',
    strengthCriteria: [],
    developmentCriteria: [],
    feedback: '',
    activeMs: 0,
    startedAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
  return (
    <section class="blind-scoring" aria-label={t('calibration.score.title')}>
      <h3>{t('calibration.score.title')}</h3>
      <p class="muted">
        {t('calibration.score.help')} {t('review.autosaved')}
      </p>
      {problem && (
        <p class="not-saved" role="alert">
          {problem}
        </p>
      )}
      <ReviewForm
        card={card}
        draft={draft}
        findings={false}
        focusFirst={focusFirst}
        blocker={null}
        submitLabel={t('calibration.score.submit')}
        clarifications={clarifications}
        nameOf={nameOf}
        onChange={(next) => {
          const updated = { ...doc, ratings: next.ratings, updatedAt: new Date().toISOString() };
          setDoc(updated);
          void write(updated).catch(() => undefined);
        }}
        onSubmit={() => {
          const now = new Date().toISOString();
          void write({ ...doc, submittedAt: now, updatedAt: now }).catch(() => undefined);
        }}
      />
    </section>
  );
}
