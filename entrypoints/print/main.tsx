// Printable scorecard (print.html?id=…&version=…): groups, criteria, weights, critical marks and every point's target, for A4.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { I18nProvider, useI18n } from '@/components/i18n';
import { ensureBuiltInScorecards, getScorecard } from '@/lib/db';
import type { Scorecard } from '@/lib/model';
import { levelNumber } from '@/lib/scorecards';
import { criterionFacts } from '../options/scorecards/Preview';

/** The card version a print URL names, or null when the URL does not name one. */
export function parsePrintParams(url: URL): { id: string; version: number } | null {
  const id = url.searchParams.get('id');
  const version = Number(url.searchParams.get('version'));
  if (!id || !Number.isInteger(version) || version < 1) return null;
  return { id, version };
}

function PrintedCard({ card }: { card: Scorecard }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = t('scorecards.print.pageTitle', { name: card.name });
  }, [card, t]);
  const hasCritical = card.criteria.some((c) => c.critical);
  return (
    <article class="sheet" lang={card.language}>
      <div class="toolbar no-print">
        <button type="button" class="primary" onClick={() => window.print()}>
          {t('scorecards.print.button')}
        </button>
        <span class="muted">{t('scorecards.print.hint')}</span>
      </div>
      <header class="sheet-head">
        <h1>{card.name}</h1>
        <p class="meta">
          {t('scorecards.print.meta', {
            version: card.version,
            status: t(`scorecards.status.${card.status}`),
            channels: card.channels.map((ch) => t(`channel.${ch}`)).join(', '),
          })}
        </p>
        <p class="meta">
          {t('scorecards.print.passMark', { passMark: card.passMark })}
          {hasCritical && <> {t('scorecards.print.criticalNote')}</>}
        </p>
      </header>
      {card.groups.map((g) => {
        const members = card.criteria.filter((c) => c.groupId === g.id);
        if (members.length === 0) return null;
        return (
          <section key={g.id} class="group">
            <h2>{g.title}</h2>
            {members.map((c) => (
              <div key={c.id} class={`criterion${c.critical ? ' critical' : ''}`}>
                <div class="criterion-head">
                  <h3>
                    {c.critical && (
                      <span class="star" aria-hidden="true">
                        ★{' '}
                      </span>
                    )}
                    {c.title}
                  </h3>
                  <p class="facts">{criterionFacts(c, t).join(' · ')}</p>
                </div>
                {c.description && <p class="description">{c.description}</p>}
                <table class="levels">
                  <thead class="visually-hidden">
                    <tr>
                      <th scope="col">{t('scorecards.level.label')}</th>
                      <th scope="col">{t('scorecards.level.target')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...c.levels].reverse().map((l) => (
                      <tr key={l.value}>
                        <th scope="row">
                          <span class="point">{levelNumber(c, l.value)}</span> {l.label}
                        </th>
                        <td>{l.target}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ))}
          </section>
        );
      })}
      <footer class="sheet-foot">{t('scorecards.print.footer', { name: card.name, version: card.version })}</footer>
    </article>
  );
}

function PrintPage({ params }: { params: { id: string; version: number } | null }) {
  const { t } = useI18n();
  const [card, setCard] = useState<Scorecard | null | undefined>(undefined);
  useEffect(() => {
    if (!params) {
      setCard(null);
      return;
    }
    void ensureBuiltInScorecards()
      .then(() => getScorecard(params.id, params.version))
      .then((found) => setCard(found ?? null));
  }, [params]);
  // Everything on the page is in its one main landmark.
  if (card === undefined) return <main><p role="status">{t('common.loading')}</p></main>;
  if (card === null) return <main><p role="alert">{t('scorecards.print.notFound')}</p></main>;
  // The sheet speaks the card's language, whatever the UI language: it goes on the team's wall.
  return (
    <main>
      <I18nProvider fixed={card.language}>
        <PrintedCard card={card} />
      </I18nProvider>
    </main>
  );
}

const root = document.getElementById('app');
if (root) {
  render(
    <I18nProvider>
      <PrintPage params={parsePrintParams(new URL(location.href))} />
    </I18nProvider>,
    root,
  );
}
