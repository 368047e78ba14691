// The sidebar: the ticket beside the helpdesk view, or a clear word on why there is none.
import { useEffect, useState } from 'preact/hooks';
import { MessageList, TicketHeader } from '@/components/TicketView';
import { useI18n } from '@/components/i18n';
import type { ReviewTarget } from '@/lib/model/review';
import type { Diagnostics, TicketSnapshot } from '@/lib/model/ticket';
import { ticketKey } from '@/lib/model/ticket';
import type { Connection } from './connection';

export function App({ connection }: { connection: Connection }) {
  const { t } = useI18n();
  const [snapshot, setSnapshot] = useState<TicketSnapshot | null>(connection.latest());
  const [target, setTarget] = useState<ReviewTarget>({ kind: 'conversation' });
  const key = snapshot?.state === 'ticket' ? ticketKey(snapshot.ticket) : null;

  useEffect(() => connection.subscribe(setSnapshot), [connection]);
  // A new ticket starts from the whole conversation.
  useEffect(() => setTarget({ kind: 'conversation' }), [key]);

  return (
    <main aria-label={t('sidebar.title')} class="sidebar">
      <div class="bar">
        <span class="brand">{t('app.name')}</span>
        <button type="button" class="icon-button" aria-label={t('sidebar.close')} onClick={() => connection.send({ type: 'close' })}>
          ×
        </button>
      </div>
      <div class="body">
        <SnapshotView snapshot={snapshot} target={target} onTarget={setTarget} />
      </div>
    </main>
  );
}

function SnapshotView({
  snapshot,
  target,
  onTarget,
}: {
  snapshot: TicketSnapshot | null;
  target: ReviewTarget;
  onTarget: (target: ReviewTarget) => void;
}) {
  const { t } = useI18n();
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
        <p>{t('common.error', { message: snapshot.message })}</p>
      </section>
    );
  }
  const { ticket, extraction } = snapshot;
  return (
    <>
      <TicketHeader ticket={ticket} extraction={extraction} />
      {extraction.messages.length === 0 ? (
        <section class="state" role="status">
          <h2>{t('sidebar.empty.title')}</h2>
          <p>{t('sidebar.empty.body')}</p>
          <DiagnosticsView diagnostics={extraction.diagnostics} />
        </section>
      ) : (
        <MessageList extraction={extraction} target={target} onTarget={onTarget} />
      )}
    </>
  );
}

function DiagnosticsView({ diagnostics }: { diagnostics: Diagnostics }) {
  const { t } = useI18n();
  const lines = [
    ...Object.entries(diagnostics.matched).map(([role, selector]) => `${role}: ${selector}`),
    ...Object.entries(diagnostics.counts).map(([name, count]) => `${name}: ${count}`),
    ...diagnostics.notes,
  ];
  return (
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
  );
}
