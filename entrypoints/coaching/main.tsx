// Coaching page entry: the coach's plan and sessions, the form templates, and the agent's own coaching.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import '@/components/base.css';
import { I18nProvider, useI18n } from '@/components/i18n';
import { useLive } from '@/components/useLive';
import { ensureBuiltInForms } from '@/lib/coaching';
import { db, ensureBuiltInScorecards, getSettings, listScorecards } from '@/lib/db';
import type { Person } from '@/lib/model/review';
import type { Scorecard } from '@/lib/model/scorecard';
import { readRoster, selfPerson } from '@/lib/sync';
import type { Roster } from '@/lib/sync/roster';
import { FormsView } from './FormsView';
import { MyCoaching } from './MyCoaching';
import { PlanView } from './PlanView';
import { PrintSummary } from './PrintSummary';
import { SessionPage } from './SessionPage';

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

function Coaching() {
  const { t } = useI18n();
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  const [identity, setIdentity] = useState<{ name: string; email: string } | null>(null);
  const roster = useLive<Roster | null | undefined>(() => readRoster(db()), [], undefined);
  const cards = useLive<Scorecard[]>(listScorecards, [], []);
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onHash);
    void ensureBuiltInScorecards().catch(() => undefined);
    void ensureBuiltInForms().catch(() => undefined);
    void getSettings().then((s) => setIdentity(s.identity));
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.title = `${t('coaching.title')} – Arvio`;
  }, [t]);
  if (identity === null || roster === undefined) return <p>{t('common.loading')}</p>;
  const who: Who = { me: selfPerson(identity, roster), roster, cards };
  if (route.view === 'print') return <PrintSummary id={route.id} who={who} />;
  const tabs: Array<'plan' | 'mine' | 'forms'> = ['plan', 'mine', 'forms'];
  return (
    <div class="page coaching">
      <header>
        <h1>{t('coaching.title')}</h1>
        <nav aria-label={t('coaching.views')}>
          {tabs.map((v) => (
            <a key={v} href={`#${v}`} aria-current={route.view === v || (v === 'plan' && route.view === 'session') ? 'page' : undefined}>
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
        {route.view === 'plan' && who.me && <PlanView who={who} me={who.me} />}
        {route.view === 'session' && who.me && <SessionPage id={route.id} who={who} me={who.me} />}
        {route.view === 'forms' && <FormsView />}
        {route.view === 'mine' && <MyCoaching who={who} />}
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
