// Coaching page entry: the coach's plan and sessions, the form templates, and the agent's own coaching.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import '@/components/base.css';
import { I18nProvider, useI18n } from '@/components/i18n';
import { useLive } from '@/components/useLive';
import { ensureBuiltInForms } from '@/lib/coaching';
import { db, ensureBuiltInScorecards, getSettings, listScorecards } from '@/lib/db';
import type { Person, Scorecard, Settings } from '@/lib/model';
import { leadsSomeTeam, readRoster, selfPerson, type Roster } from '@/lib/sync';
import { PlanView, startPlan } from './PlanView';
import { FormsView, MyCoaching, PrintSummary, SessionPage } from './views';

export type Route = { view: 'plan' } | { view: 'forms' } | { view: 'mine' } | { view: 'session'; id: string } | { view: 'print'; id: string };

export function parseRoute(hash: string): Route {
  const [view, id] = hash.replace(/^#/, '').split('/');
  if ((view === 'session' || view === 'print') && id) return { view, id: decodeURIComponent(id) };
  if (view === 'forms' || view === 'mine') return { view };
  return { view: 'plan' };
}

/** Who the user is here: their backend account when connected (with its roster), else the identity in the settings. */
export interface Who {
  me: Person | null;
  roster: Roster | null;
  cards: Scorecard[];
}

/**
 * Who the user is, read when the page loads rather than after its first render; on the plan, the
 * plan's own reads start as soon as this is known (startPlan), in parallel with the first render.
 */
const booting: Promise<[Settings, Roster | null]> = Promise.all([getSettings(), readRoster(db())]);
const linked = parseRoute(location.hash).view;
const LAZY_VIEWS: Record<Route['view'], { preload(): void } | null> = { plan: null, session: SessionPage, print: PrintSummary, mine: MyCoaching, forms: FormsView };
// The code of the view the link opens loads with the page's first reads, not after its first render.
LAZY_VIEWS[linked]?.preload();
if (linked === 'plan') {
  void booting.then(([settings, roster]) => {
    const me = selfPerson(settings.identity, roster);
    // Only for someone the page shows the plan to (below): one who coaches nobody opens on their own coaching.
    if (me && leadsSomeTeam(roster)) startPlan(me, roster);
  });
}

function Coaching() {
  const { t } = useI18n();
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  const [booted, setBooted] = useState<[Settings, Roster | null] | null>(null);
  // The roster as it changes later (a sync); until its first read, the one read at load.
  const liveRoster = useLive<Roster | null | undefined>(() => readRoster(db()), [], undefined);
  const cards = useLive<Scorecard[]>(listScorecards, [], []);
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onHash);
    void booting.then(setBooted);
    void ensureBuiltInScorecards().catch(() => undefined);
    void ensureBuiltInForms().catch(() => undefined);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.title = `${t('coaching.title')} – Arvio`;
  }, [t]);
  if (booted === null) return <p>{t('common.loading')}</p>;
  const [{ identity }, bootRoster] = booted;
  const roster = liveRoster === undefined ? bootRoster : liveRoster;
  const who: Who = { me: selfPerson(identity, roster), roster, cards };
  if (route.view === 'print') return <PrintSummary id={route.id} who={who} />;
  const coach = leadsSomeTeam(roster);
  const tabs: Array<'plan' | 'mine' | 'forms'> = coach ? ['plan', 'mine', 'forms'] : ['mine'];
  // Someone who coaches nobody opens on their own coaching, whatever the link said.
  const view = coach || route.view === 'session' ? route.view : 'mine';
  return (
    <div class="page coaching">
      <header>
        <h1>{t('coaching.title')}</h1>
        <nav aria-label={t('coaching.views')}>
          {tabs.map((v) => (
            <a key={v} href={`#${v}`} aria-current={view === v || (v === 'plan' && view === 'session') ? 'page' : undefined}>
              {t(`coaching.view.${v}`)}
            </a>
          ))}
        </nav>
        <span class="links">
          <a href="/dashboard.html">{t('dashboard.link')}</a>
          <a href="/options.html">{t('dashboard.settings')}</a>
        </span>
      </header>
      <main>
        {!who.me && <p class="notice">{t('coaching.identityMissing')}</p>}
        {view === 'plan' && who.me && <PlanView who={who} me={who.me} />}
        {route.view === 'session' && who.me && <SessionPage key={route.id} id={route.id} who={who} me={who.me} />}
        {view === 'forms' && <FormsView />}
        {view === 'mine' && <MyCoaching who={who} />}
      </main>
    </div>
  );
}

// The bench build lets bench/coaching.mjs seed a large profile through the writer.
if (import.meta.env.ARVIO_BENCH) void import('@/bench/coaching-hooks').then((hooks) => hooks.exposeCoachingBench());

const root = document.getElementById('app');
if (root) {
  render(
    <I18nProvider>
      <Coaching />
    </I18nProvider>,
    root,
  );
}
