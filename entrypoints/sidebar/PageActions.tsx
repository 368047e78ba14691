// Sidebar actions on the page itself: pick the conversation or review the selection (generic sites), and "Report this page".
import { useEffect, useState } from 'preact/hooks';
import { errorText } from '@/components/errorText';
import { useI18n } from '@/components/i18n';
import { remoteDb as db } from '@/lib/service';
import type { Diagnostics, TicketRef } from '@/lib/model';
import type { Connection } from './connection';

export function GenericActions({ connection, picked }: { connection: Connection; picked: boolean }) {
  const { t } = useI18n();
  return (
    <section class="generic-actions" aria-label={t('sites.generic.title')}>
      {!picked && (
        <>
          <h2>{t('sites.generic.title')}</h2>
          <p>{t('sites.generic.body')}</p>
        </>
      )}
      <div class="actions">
        <button type="button" onClick={() => connection.send({ type: 'pick' })}>
          {t(picked ? 'sites.pick.again' : 'sites.pick')}
        </button>
        <button type="button" aria-describedby="use-selection-help" onClick={() => connection.send({ type: 'useSelection' })}>
          {t('sites.useSelection')}
        </button>
      </div>
      <p id="use-selection-help" class="muted">
        {t('sites.useSelection.help')}
      </p>
    </section>
  );
}

type ReportState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'saved'; href: string; name: string } | { kind: 'error'; error: unknown };

/**
 * Asks the content script for the page's anonymised structure (text masked, see lib/helpdesks/snapshot.ts),
 * saves it through the database service (Settings → Reported pages) and offers it as a file at once.
 */
export function ReportPage({ connection, ticket, diagnostics }: { connection: Connection; ticket: TicketRef; diagnostics: Diagnostics }) {
  const { t } = useI18n();
  const [state, setState] = useState<ReportState>({ kind: 'idle' });

  useEffect(() => {
    if (state.kind !== 'busy') return;
    const stop = connection.onPageReport((report) => {
      stop();
      const html = `<!-- Arvio page report: ${report.url.replace(/--/g, '')} (${ticket.helpdesk}) -->\n${report.html}`;
      void db
        .savePageReport({ url: report.url, helpdesk: ticket.helpdesk, html: report.html, diagnostics })
        .then(() => {
          const href = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
          setState({ kind: 'saved', href, name: `arvio-report-${ticket.helpdesk}.html` });
        })
        .catch((error: unknown) => setState({ kind: 'error', error }));
    });
    connection.send({ type: 'reportPage' });
    return stop;
  }, [state.kind, connection, ticket.helpdesk, diagnostics]);

  useEffect(() => () => {
    if (state.kind === 'saved') URL.revokeObjectURL(state.href);
  }, [state]);

  return (
    <div class="report-page">
      <button type="button" aria-describedby="report-help" disabled={state.kind === 'busy'} onClick={() => setState({ kind: 'busy' })}>
        {t('sites.report')}
      </button>
      <p id="report-help" class="muted">
        {t('sites.report.help')}
      </p>
      <div role="status" aria-live="polite">
        {state.kind === 'saved' && (
          <p class="status">
            {t('sites.report.saved')}{' '}
            <a href={state.href} download={state.name}>
              {t('sites.report.download')}
            </a>
          </p>
        )}
        {state.kind === 'error' && <p class="error-text">{errorText(t, state.error)}</p>}
      </div>
    </div>
  );
}
