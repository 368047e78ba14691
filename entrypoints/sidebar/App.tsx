// The sidebar: the ticket beside the helpdesk view — review it, read it, see earlier reviews.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { MessageList, TicketHeader } from '@/components/TicketView';
import { useI18n } from '@/components/i18n';
import { formatNumber } from '@/lib/i18n';
import { notSavedText } from '@/components/notSaved';
import { SyncStatus } from '@/components/SyncStatus';
import { remoteDb as db } from '@/lib/service';
import {
  defaultSettings,
  isToggleShortcut,
  ticketKey,
  type ComposerDraft,
  type Diagnostics,
  type Dispute,
  type Extraction,
  type ExtractionProblem,
  type Review,
  type ReviewDraft,
  type ReviewTarget,
  type Scorecard,
  type TicketRef,
  type TicketSnapshot,
} from '@/lib/model';

/** Small screens (a 1366 × 768 laptop and below) get the denser layout. */
const DENSE_MAX_VIEWPORT = 1366;
import { draftFromReview, proposeReviewee } from '@/lib/review';
import type { Connection, PageLayout, PageState } from './connection';
import { Rail, ResizeHandle } from './dock/DockControls';
import { originOf, useDockSize } from './dock/useDockSize';
import { scoreReview } from '@/lib/scoring';
import { SelfCheckPanel } from './selfcheck/SelfCheckPanel';
import { onFocus, useFocus, useSelfAgent } from './selfcheck/useFocus';
import { useDraftHints } from './selfcheck/useDraftHints';
import { useRemote } from './useRemote';
import { ReviewHistory } from './review/ReviewHistory';
import { ReviewPanel } from './review/ReviewPanel';
import { markTicketRendered } from '@/bench/hooks';
import type { TeamSettings } from '@/lib/teamSettings';
import { reviewsOthers, selfPerson, type Roster } from '@/lib/sync';
import { IdeasPanel } from './ideas/IdeasPanel';
import { GenericActions, ReportPage } from './PageActions';
import { CalibrationBanner, CalibrationPanel, useCalibrationHome, waitingHere } from './calibration/CalibrationPanel';

export function App({ connection }: { connection: Connection }) {
  const { t } = useI18n();
  const [page, setPage] = useState<PageState>(connection.latest());
  const syncStatus = useRemote(() => db.syncStatus(), [], null);
  useEffect(() => connection.subscribe(setPage), [connection]);
  // With focus inside the sidebar the host page never sees the shortcut: close from here.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!isToggleShortcut(event)) return;
      event.preventDefault();
      connection.send({ type: 'close' });
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [connection]);

  const snapshot = page.snapshot;
  const origin = originOf(snapshot && snapshot.state !== 'none' ? snapshot.ticket?.url : undefined);
  const [size, setSize] = useDockSize(origin);
  const collapsed = size.collapsed && origin !== null;
  const viewport = page.layout?.viewport ?? screen.availWidth;
  useEffect(() => {
    document.documentElement.classList.toggle('dense', viewport <= DENSE_MAX_VIEWPORT);
  }, [viewport]);
  // The badge by the composer asks for the self-check: a collapsed sidebar opens to show it.
  useEffect(() => connection.onShow(() => collapsed && setSize({ ...size, collapsed: false })), [connection, collapsed, size]);
  const close = (
    <button type="button" class="icon-button" aria-label={t('sidebar.close')} onClick={() => connection.send({ type: 'close' })}>
      ×
    </button>
  );

  if (collapsed) {
    return (
      <main aria-label={t('sidebar.title')} class="sidebar collapsed">
        <div class="bar">
          <h1 class="visually-hidden">{t('app.name')}</h1>
          {close}
        </div>
        <SnapshotView snapshot={snapshot} draft={page.draft} connection={connection} onExpand={() => setSize({ ...size, collapsed: false })} />
      </main>
    );
  }
  return (
    <main aria-label={t('sidebar.title')} class="sidebar" data-room={page.layout?.room}>
      {origin && <ResizeHandle size={size} viewport={viewport} onResize={setSize} />}
      <div class="bar">
        <span class="brand">{t('app.name')}</span>
        <span class="bar-tools">
          {origin && (
            <button type="button" class="icon-button" aria-label={t('dock.collapse')} title={t('dock.collapse')} onClick={() => setSize({ ...size, collapsed: true })}>
              ›
            </button>
          )}
          {close}
        </span>
      </div>
      {page.layout?.shortened && <LayoutNotice layout={page.layout} />}
      <div class="body">
        <SnapshotView snapshot={snapshot} draft={page.draft} connection={connection} />
      </div>
      <footer class="sync-line">
        <SyncStatus status={syncStatus} />
      </footer>
    </main>
  );
}

/** The page could not make room: the sidebar ends above the composer, and says why. */
function LayoutNotice({ layout }: { layout: PageLayout }) {
  const { t } = useI18n();
  return (
    <section class="layout-notice" role="status">
      <p>{t('dock.shortened')}</p>
      <details class="diagnostics">
        <summary>{t('sidebar.diagnostics')}</summary>
        <ul>
          <li>
            <code>{t('dock.diagnostics.room', { by: t(layout.room === 'helpdesk' ? 'dock.diagnostics.room.helpdesk' : 'dock.diagnostics.room.page') })}</code>
          </li>
          <li>
            <code>{t('dock.diagnostics.shortened')}</code>
          </li>
        </ul>
      </details>
    </section>
  );
}

function SnapshotView({
  snapshot,
  draft,
  connection,
  onExpand,
}: {
  snapshot: TicketSnapshot | null;
  draft: ComposerDraft | null;
  connection: Connection;
  /** Collapsed to the rail: how to expand again. */
  onExpand?: () => void;
}) {
  const { t } = useI18n();
  if (onExpand && snapshot?.state !== 'ticket') return <Rail hints={null} score={undefined} onExpand={onExpand} />;
  if (!snapshot) return <p class="state" role="status">{t('sidebar.waiting')}</p>;
  if (snapshot.state === 'none') {
    return (
      <section class="state" role="status">
        <h1>{t('sidebar.none.title')}</h1>
        <p>{t('sidebar.none.body')}</p>
      </section>
    );
  }
  if (snapshot.state === 'error') {
    return (
      <section class="state error" role="alert">
        <h1>{t('sidebar.error.title')}</h1>
        <p>{t('sidebar.error.body')}</p>
        {/* The content script's own words (an unforeseen failure there), kept as detail for whoever helps. */}
        <p class="muted">{t('sidebar.error.detail', { message: snapshot.message })}</p>
      </section>
    );
  }
  // Keyed by ticket: a switch to another ticket starts from a clean state.
  return (
    <TicketPane
      key={ticketKey(snapshot.ticket)}
      ticket={snapshot.ticket}
      extraction={snapshot.extraction}
      draft={draft}
      connection={connection}
      onExpand={onExpand}
    />
  );
}

type Tab = 'review' | 'selfcheck' | 'conversation' | 'history' | 'calibration' | 'ideas';
/** The tabs of someone who reviews others (lib/sync reviewsOthers): not an agent's. */
const REVIEWERS_TABS: readonly Tab[] = ['review', 'calibration'];

interface TicketPaneProps {
  ticket: TicketRef;
  extraction: Extraction;
  draft: ComposerDraft | null;
  connection: Connection;
  onExpand?: (() => void) | undefined;
}

function TicketPane({ ticket, extraction, draft, connection, onExpand }: TicketPaneProps) {
  const { t, lang } = useI18n();
  const key = ticketKey(ticket);
  const [chosenTab, setTab] = useState<Tab>('review');
  const settings = useRemote(() => db.getSettings(), [], defaultSettings);
  const hints = useDraftHints(draft, extraction, settings.selfCheck);

  const agent = useSelfAgent(settings);
  const focus = useFocus(agent?.id ?? null);
  // The badge by the composer shows the count, and whether a hint touches the coaching focus; the sidebar is where the checks run.
  const focusIds = new Set(focus?.focus.map((f) => f.criterionId));
  const focused = hints.hints.filter((h) => onFocus(h, focusIds)).length;
  useEffect(() => connection.send({ type: 'hints', count: hints.hints.length, focus: focused }), [connection, hints, focused]);
  useEffect(() => connection.onShow((view) => setTab(view)), [connection]);
  const [target, setTarget] = useState<ReviewTarget>({ kind: 'conversation' });
  const [editKey, setEditKey] = useState<string | null>(null);
  const [restored, setRestored] = useState(false);
  // An edit or delete from the history that could not be written.
  const [historyProblem, setHistoryProblem] = useState<string | null>(null);
  const reviews = useRemote(() => db.reviewsOfTicket(key), [key], [] as Review[]);
  const cards = useRemote(() => db.listScorecards(), [], [] as Scorecard[]);
  // Undefined until read: the tabs are a reviewer's until the roster says otherwise.
  const roster = useRemote<Roster | null | undefined>(() => db.teamRoster(), [], undefined);
  const reviewIds = reviews.map((r) => r.id).join('\n');
  const disputes = useRemote(() => (reviewIds ? db.disputesOfReviews(reviewIds.split('\n')) : Promise.resolve([])), [reviewIds], [] as Dispute[]);
  const teamSettings = useRemote(() => db.listTeamSettings(), [], [] as TeamSettings[]);
  const me = selfPerson(settings.identity, roster ?? null);
  const calibration = useCalibrationHome();
  const calibrationWaiting = waitingHere(calibration, key);
  const [scoreCalibration, setScoreCalibration] = useState(false);

  useEffect(() => {
    if (import.meta.env.ARVIO_BENCH) markTicketRendered();
  }, []);
  const railScore = useRailScore(key, onExpand !== undefined, cards, reviews);

  // Coming back to a ticket reopens its most recent draft exactly where it was left.
  useEffect(() => {
    void db.draftsOfTicket(key).then(([latest]) => {
      if (latest) {
        setTarget(latest.target);
        setEditKey(latest.reviewId ? latest.key : null);
      }
      setRestored(true);
    });
  }, [key]);

  const reviewer = roster === undefined || reviewsOthers(roster);
  const allTabs: { id: Tab; label: string; count?: number }[] = [
    { id: 'review', label: t('tabs.review') },
    { id: 'selfcheck', label: t('tabs.selfcheck'), count: hints.hints.length },
    { id: 'conversation', label: t('tabs.conversation'), count: extraction.messages.length },
    { id: 'history', label: t('tabs.history'), count: reviews.length },
    { id: 'calibration', label: t('tabs.calibration') },
    { id: 'ideas', label: t('ideas.tab') },
  ];
  const tabs = allTabs.filter((x) => reviewer || !REVIEWERS_TABS.includes(x.id));
  // An agent's sidebar opens on their self-check (also when the page asks for the review).
  const tab = tabs.some((x) => x.id === chosenTab) ? chosenTab : 'selfcheck';

  if (onExpand) return <Rail hints={hints.hints.length} score={railScore} onExpand={onExpand} />;

  const onTabKey = (event: KeyboardEvent): void => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = tabs.findIndex((x) => x.id === tab);
    const next = tabs[(index + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    if (!next) return;
    setTab(next.id);
    (event.currentTarget as HTMLElement).querySelector<HTMLElement>(`#tab-${next.id}`)?.focus();
  };

  return (
    <>
      <TicketHeader ticket={ticket} extraction={extraction} />
      {calibrationWaiting && tab !== 'calibration' && (
        <CalibrationBanner
          session={calibrationWaiting}
          onOpen={() => {
            setScoreCalibration(true);
            setTab('calibration');
          }}
        />
      )}
      {extraction.messages.length === 0 && <EmptyConversation diagnostics={extraction.diagnostics} problem={extraction.problem} ticket={ticket} connection={connection} />}
      {extraction.messages.length > 0 && ticket.helpdesk === 'generic' && <GenericActions connection={connection} picked />}
      <div role="tablist" aria-label={t('tabs.label')} class="tabs" onKeyDown={onTabKey}>
        {tabs.map((x) => (
          <button
            key={x.id}
            id={`tab-${x.id}`}
            type="button"
            role="tab"
            aria-selected={tab === x.id}
            aria-controls={`panel-${x.id}`}
            tabIndex={tab === x.id ? 0 : -1}
            // A narrow sidebar shortens the names of the tabs not chosen, never their counts (style.css): the whole name on hover.
            title={x.label}
            onClick={() => setTab(x.id)}
          >
            {/* Name and count are the tab's name ("Earlier reviews 2"): the count is a flex item, read as a word of its own. */}
            <span class="tab-label">{x.label}</span>
            {x.count !== undefined && <span class="tab-count">{formatNumber(lang, x.count)}</span>}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} class="panel">
        {tab === 'review' &&
          (restored ? (
            <ReviewPanel
              ticket={ticket}
              extraction={extraction}
              target={target}
              draftKeyOverride={editKey}
              onSubmitted={() => setEditKey(null)}
              onOpenSettings={() => connection.openSettings()}
            />
          ) : (
            <p role="status">{t('common.loading')}</p>
          ))}
        {tab === 'selfcheck' && (
          <SelfCheckPanel ticket={ticket} draft={draft} result={hints} agent={agent} focus={focus} />
        )}
        {tab === 'conversation' && (
          <MessageList
            extraction={extraction}
            target={target}
            onTarget={
              reviewer
                ? (next) => {
                    setTarget(next);
                    setEditKey(null);
                    setTab('review');
                  }
                : undefined
            }
          />
        )}
        {tab === 'ideas' && <IdeasPanel ticket={ticket} extraction={extraction} me={me} />}
        {tab === 'calibration' && (
          <CalibrationPanel
            ticket={ticket}
            agent={proposeReviewee(extraction.messages, { kind: 'conversation' })}
            home={calibration}
            focusScoring={scoreCalibration}
            onOpenSettings={() => connection.openSettings()}
          />
        )}
        {tab === 'history' && historyProblem && (
          <p class="not-saved" role="alert">
            {historyProblem}
          </p>
        )}
        {tab === 'history' && (
          <ReviewHistory
            reviews={reviews}
            cards={cards}
            onEdit={(review) => {
              const draft = draftFromReview(review, new Date());
              db.saveReviewDraft(draft).then(
                () => {
                  setHistoryProblem(null);
                  setTarget(review.target);
                  setEditKey(draft.key);
                  setTab('review');
                },
                (error: unknown) => setHistoryProblem(notSavedText(t, { kind: 'reviewDraft', ticketId: ticket.ticketId }, error)),
              );
            }}
            disputes={{ me, disputes, settings: teamSettings, onDispute: (dispute) => db.openDispute(dispute) }}
            onDelete={(review) =>
              db.deleteReview(review.id, new Date().toISOString()).then(
                () => setHistoryProblem(null),
                (error: unknown) => setHistoryProblem(notSavedText(t, { kind: 'reviewDeletion', ticketId: ticket.ticketId }, error)),
              )
            }
          />
        )}
      </div>
    </>
  );
}

/**
 * The rail's review score: the running score of the review being written, else the latest submitted
 * review's; undefined when the ticket has neither. Read only while collapsed.
 */
function useRailScore(key: string, collapsed: boolean, cards: Scorecard[], reviews: Review[]): number | null | undefined {
  const drafts = useRemote(() => (collapsed ? db.draftsOfTicket(key) : Promise.resolve([])), [key, collapsed], [] as ReviewDraft[]);
  return useMemo(() => {
    const [latest] = drafts;
    if (latest) {
      const card = cards.find((c) => c.id === latest.scorecardId && c.version === latest.scorecardVersion);
      return card ? scoreReview(card, latest.ratings).score : null;
    }
    return reviews[0]?.score;
  }, [drafts, cards, reviews]);
}

function EmptyConversation({
  diagnostics,
  problem,
  ticket,
  connection,
}: {
  diagnostics: Diagnostics;
  problem: ExtractionProblem | undefined;
  ticket: TicketRef;
  connection: Connection;
}) {
  const { t } = useI18n();
  const lines = [
    ...Object.entries(diagnostics.matched).map(([role, selector]) => `${role}: ${selector}`),
    ...Object.entries(diagnostics.counts).map(([name, count]) => `${name}: ${count}`),
    ...diagnostics.notes,
  ];
  return (
    <section class="state" role="status">
      {/* A generic site's known reason in the user's words; the diagnostics below stay technical detail for support. */}
      <h2>{problem ? t(`sites.problem.${problem}`) : t('sidebar.empty.title')}</h2>
      {!problem && <p>{t('sidebar.empty.body')}</p>}
      <details class="diagnostics" open>
        <summary>{t('sidebar.diagnostics')}</summary>
        <ul>
          {lines.map((line) => (
            <li key={line}>
              <code>{line}</code>
            </li>
          ))}
        </ul>
      </details>
      {ticket.helpdesk === 'generic' && <GenericActions connection={connection} picked={false} />}
      <ReportPage connection={connection} ticket={ticket} diagnostics={diagnostics} />
    </section>
  );
}
