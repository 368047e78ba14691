// Dashboard page entry: the lead's team view, an agent's "My reviews", and exports, all from the local database.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import '@/components/base.css';
import { I18nProvider, useI18n } from '@/components/i18n';
import { useLive } from '@/components/useLive';
import { db, ensureBuiltInScorecards, getSettings, listScorecards } from '@/lib/db';
import { dashboardData, filterOptions, getCoverageTarget, monthsBetween, setCoverageTarget, type DashboardData, type DashboardFilter, type FilterOptions } from '@/lib/dashboard';
import type { Scorecard } from '@/lib/model/scorecard';
import { CoachingView } from './CoachingView';
import { ExportPanel } from './ExportPanel';
import { Filters } from './Filters';
import { MyReviews } from './MyReviews';
import { TeamView } from './TeamView';
import { SelfCheckGap } from './SelfCheckGap';
import { DisputesView } from './disputes/DisputesView';
import { useMe } from './disputes/useMe';
import { IdeasView } from './ideas/IdeasView';
import { CalibrationView } from './CalibrationView';

type View = 'team' | 'mine' | 'calibration' | 'disputes' | 'ideas' | 'export' | 'coaching';
const VIEWS: readonly View[] = ['team', 'mine', 'calibration', 'disputes', 'ideas', 'export', 'coaching'];

// The bench build lets bench/disputes.mjs drive a resolution in a large profile.
if (import.meta.env.ARVIO_BENCH) void import('@/bench/dispute-hooks').then((hooks) => hooks.exposeDisputeBench());
if (import.meta.env.ARVIO_BENCH) void import('@/bench/calibration-hooks').then((hooks) => hooks.exposeCalibrationBench());

// Open the database while Preact renders the first frame, not after it.
void db().open().catch(() => undefined);

function defaultFilter(now: Date): DashboardFilter {
  const to = now.toISOString().slice(0, 7);
  const [y, m] = to.split('-').map(Number) as [number, number];
  const from = new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 7);
  return { from, to, granularity: 'month', team: null, agent: null, reviewer: null, scorecard: null, channel: null, helpdesk: null };
}

const NO_OPTIONS: FilterOptions = { teams: [], agents: [], reviewers: [], scorecards: [], channels: [], helpdesks: [] };

function Dashboard() {
  const { t } = useI18n();
  const [view, setView] = useState<View>(() => VIEWS.find((v) => location.hash.slice(1) === v) ?? 'team');
  const me = useMe();
  const [filter, setFilter] = useState<DashboardFilter>(() => defaultFilter(new Date()));
  const [identity, setIdentity] = useState<string | null>(null);
  const cards = useLive<Scorecard[] | null>(listScorecards, [], null);
  // Nothing is watched while the export panel is open: a bulk import would otherwise make Dexie
  // re-evaluate these live queries against every rollup row it writes.
  const watching = view === 'team' || view === 'mine';
  const options = useLive(() => (watching ? filterOptions() : Promise.resolve(NO_OPTIONS)), [watching], NO_OPTIONS);
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
    void getSettings().then((s) => setIdentity(s.identity.email || null));
  }, []);
  useEffect(() => {
    document.title = `${t('dashboard.title')} – Arvio`;
  }, [t]);

  const ready = data !== null && data.key === filterKey && target !== null;
  const tabs = VIEWS;
  return (
    <div class="page dashboard">
      <header>
        <h1>{t('dashboard.title')}</h1>
        <nav role="tablist" aria-label={t('dashboard.view.label')}>
          {tabs.map((v) => (
            <button key={v} type="button" role="tab" aria-selected={view === v} class={view === v ? 'active' : undefined} onClick={() => setView(v)}>
              {v === 'disputes' ? t('disputes.view') : v === 'ideas' ? t('ideas.view') : t(`dashboard.view.${v}`)}
            </button>
          ))}
        </nav>
        <a href="/coaching.html">{t('coaching.link')}</a>
        <a href="/options.html">{t('dashboard.settings')}</a>
      </header>
      {watching && cards && (
        <Filters
          filter={filter}
          options={options}
          cards={cards}
          onChange={(next) => setFilter(monthsBetween(next.from, next.to).length ? next : { ...next, to: next.from })}
        />
      )}
      <main data-state={ready ? 'ready' : 'loading'} data-filter={ready ? filterKey : ''}>
        {view === 'team' &&
          (ready ? (
            <>
              <TeamView data={data.data} filter={filter} target={target} onTarget={(n) => void setCoverageTarget(n)} />
              <SelfCheckGap filter={filter} cards={cards ?? []} />
            </>
          ) : (
            <p>{t('common.loading')}</p>
          ))}
        {view === 'mine' && cards && <MyReviews agentId={me?.person.id ?? identity ?? filter.agent} me={me ?? null} filter={filter} cards={cards} />}
        {view === 'calibration' && cards && <CalibrationView cards={cards} />}
        {view === 'ideas' && (me ? <IdeasView me={me} /> : <p class="muted">{t('disputes.noIdentity')}</p>)}
        {view === 'disputes' && cards && (me ? <DisputesView me={me} filter={filter} cards={cards} /> : <p class="muted">{t('disputes.noIdentity')}</p>)}
        {view === 'export' && <ExportPanel />}
        {view === 'coaching' && cards && <CoachingView filter={filter} options={options} cards={cards} />}
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
