// Dashboard page entry: the lead's team view, an agent's "My reviews", and exports, all from the local database.
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import '@/components/base.css';
import { I18nProvider, useI18n } from '@/components/i18n';
import { lazy } from '@/components/lazy';
import { useLive } from '@/components/useLive';
import { db, ensureBuiltInScorecards, ensureRollupShape, getSettings, listScorecards } from '@/lib/db';
import { leadsSomeTeam, readRoster, type Roster } from '@/lib/sync';
import {
  dashboardData,
  filterOptions,
  getCoverageTarget,
  monthsBetween,
  setCoverageTarget,
  type DashboardData,
  type DashboardFilter,
  type FilterOptions,
} from '@/lib/dashboard';
import { monthOf, type Scorecard } from '@/lib/model';
import { Filters } from './Filters';
import { TeamView } from './TeamView';
import { SelfCheckGap } from './SelfCheckGap';
import { useMe } from './disputes/useMe';

// The team view is what the page opens with; the other views load when first chosen.
const MyReviews = lazy(() => import('./MyReviews').then((m) => m.MyReviews));
const CalibrationView = lazy(() => import('./CalibrationView').then((m) => m.CalibrationView));
const IdeasView = lazy(() => import('./ideas/IdeasView').then((m) => m.IdeasView));
const DisputesView = lazy(() => import('./disputes/DisputesView').then((m) => m.DisputesView));
const ExportPanel = lazy(() => import('./ExportPanel').then((m) => m.ExportPanel));
const CoachingView = lazy(() => import('./CoachingView').then((m) => m.CoachingView));

type View = 'team' | 'mine' | 'calibration' | 'disputes' | 'ideas' | 'export' | 'coaching';
const VIEWS: readonly View[] = ['team', 'mine', 'calibration', 'disputes', 'ideas', 'export', 'coaching'];
const LAZY_VIEWS: Partial<Record<View, { preload(): void }>> = {
  mine: MyReviews,
  calibration: CalibrationView,
  ideas: IdeasView,
  disputes: DisputesView,
  export: ExportPanel,
  coaching: CoachingView,
};
/** The view the page's link opens (dashboard.html#calibration); the team view without one. */
const linkedView = (): View => VIEWS.find((v) => location.hash.slice(1) === v) ?? 'team';
// The code of the view the link opens loads with the page's first reads, not after its first render.
LAZY_VIEWS[linkedView()]?.preload();

// The bench build lets bench/disputes.mjs drive a resolution in a large profile.
if (import.meta.env.ARVIO_BENCH) void import('@/bench/dispute-hooks').then((hooks) => hooks.exposeDisputeBench());
if (import.meta.env.ARVIO_BENCH) void import('@/bench/calibration-hooks').then((hooks) => hooks.exposeCalibrationBench());

// Open the database while Preact renders the first frame, not after it; rollups counted in another
// time zone are rebuilt then (the views' live queries show the rebuilt rows).
void db()
  .open()
  .then(() => ensureRollupShape(db()))
  .catch(() => undefined);

function defaultFilter(now: Date): DashboardFilter {
  const to = monthOf(now);
  const [y, m] = to.split('-').map(Number) as [number, number];
  const from = new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 7);
  return { from, to, granularity: 'month', team: null, agent: null, reviewer: null, scorecard: null, channel: null, helpdesk: null };
}

const NO_OPTIONS: FilterOptions = { teams: [], agents: [], reviewers: [], scorecards: [], channels: [], helpdesks: [] };

function Dashboard() {
  const { t } = useI18n();
  const [chosen, setView] = useState<View>(linkedView);
  // The team's coaching is its leads' (the server sends reviewers a session's focus only): the tab is theirs.
  const roster = useLive<Roster | null | undefined>(() => readRoster(db()), [], undefined);
  const leads = roster !== undefined && leadsSomeTeam(roster);
  const view: View = chosen === 'coaching' && !leads ? (roster === undefined ? 'coaching' : 'team') : chosen;
  // Who is looking: read only for the views that ask (the team view does not).
  const personal = view === 'mine' || view === 'ideas' || view === 'disputes';
  const me = useMe(personal);
  const [filter, setFilter] = useState<DashboardFilter>(() => defaultFilter(new Date()));
  const identity = useLive(() => (view === 'mine' ? getSettings().then((s) => s.identity.email || null) : Promise.resolve(null)), [view === 'mine'], null);
  const cards = useLive<Scorecard[] | null>(listScorecards, [], null);
  // Nothing is watched while the export panel is open: a bulk import would otherwise make Dexie
  // re-evaluate these live queries against every rollup row it writes.
  const watching = view === 'team' || view === 'mine';
  // The filter's choices, for the views that filter by them (the coaching view filters by team and agent too).
  const filtering = watching || view === 'coaching';
  const options = useLive(() => (filtering ? filterOptions() : Promise.resolve(NO_OPTIONS)), [filtering], NO_OPTIONS);
  const target = useLive(getCoverageTarget, [], null);
  const filterKey = JSON.stringify(filter);
  const data = useLive<{ key: string; data: DashboardData } | null>(
    async () => {
      if (!watching) return null;
      // Reads the scorecards itself, in parallel with the rollups.
      return { key: filterKey, data: await dashboardData(filter) };
    },
    [filterKey, watching],
    null,
  );

  useEffect(() => {
    void ensureBuiltInScorecards().catch(() => undefined);
  }, []);
  useEffect(() => {
    document.title = `${t('dashboard.title')} – Arvio`;
  }, [t]);

  const ready = data !== null && data.key === filterKey && target !== null;
  // The same element while its inputs stay the same, so Preact leaves the view alone when the other
  // first reads (scorecards, filter options) land after the figures: re-rendering it would run its
  // charts' pending effects at once and draw them before the figures' first frame is painted.
  const teamView = useMemo(
    () =>
      data !== null && data.key === filterKey && target !== null ? (
        <TeamView data={data.data} filter={filter} target={target} onTarget={(n) => void setCoverageTarget(n)} />
      ) : null,
    [data, filterKey, target],
  );
  const tabs = leads ? VIEWS : VIEWS.filter((v) => v !== 'coaching');
  return (
    <div class="page dashboard">
      <header>
        <h1>{t('dashboard.title')}</h1>
        {/* Busy until the roster says whose tabs these are (the coaching tab is the leads'). */}
        <nav role="tablist" aria-label={t('dashboard.view.label')} aria-busy={roster === undefined}>
          {tabs.map((v) => (
            <button key={v} type="button" role="tab" aria-selected={view === v} class={view === v ? 'active' : undefined} onClick={() => setView(v)}>
              {v === 'disputes' ? t('disputes.view') : v === 'ideas' ? t('ideas.view') : t(`dashboard.view.${v}`)}
            </button>
          ))}
        </nav>
        <span class="links">
          {/* Named for where it leads, apart from the Coaching tab here (the team's figures): a lead's plan, anyone else's own coaching. */}
          <a href={leads ? '/coaching.html#plan' : '/coaching.html#mine'}>{t(leads ? 'coaching.view.plan' : 'coaching.view.mine')}</a>
          <a href="/options.html">{t('dashboard.settings')}</a>
        </span>
      </header>
      {/* The coaching view reads the months, the team and the agent: it offers those (once the roster says the tab is theirs). */}
      {(watching || (view === 'coaching' && leads)) && cards && (
        <Filters
          filter={filter}
          options={options}
          cards={cards}
          fields={view === 'coaching' ? ['months', 'team', 'agent'] : undefined}
          onChange={(next) => setFilter(monthsBetween(next.from, next.to).length ? next : { ...next, to: next.from })}
        />
      )}
      <main data-state={ready ? 'ready' : 'loading'} data-filter={ready ? filterKey : ''}>
        {view === 'team' &&
          (ready ? (
            <>
              {teamView}
              <SelfCheckGap filter={filter} cards={cards ?? []} />
            </>
          ) : (
            <p>{t('common.loading')}</p>
          ))}
        {view === 'mine' && cards && <MyReviews agentId={me?.person.id ?? identity ?? filter.agent} me={me ?? null} filter={filter} cards={cards} />}
        {view === 'calibration' && cards && <CalibrationView cards={cards} />}
        {view === 'ideas' && (me === undefined ? <p>{t('common.loading')}</p> : me ? <IdeasView me={me} /> : <p class="muted">{t('disputes.noIdentity')}</p>)}
        {view === 'disputes' &&
          cards &&
          (me === undefined ? <p>{t('common.loading')}</p> : me ? <DisputesView me={me} filter={filter} cards={cards} /> : <p class="muted">{t('disputes.noIdentity')}</p>)}
        {view === 'export' && <ExportPanel />}
        {view === 'coaching' && leads && cards && <CoachingView filter={filter} options={options} cards={cards} />}
      </main>
    </div>
  );
}

const root = document.getElementById('app');
if (root) {
  render(
    <I18nProvider>
      <Dashboard />
    </I18nProvider>,
    root,
  );
}
