// Sidebar page entry: connect to the page (through the background) first, then render; data only once docked.
import { render } from 'preact';
import { I18nProvider } from '@/components/i18n';
import { remoteDb } from '@/lib/service';
import { App } from './App';
import { connectToPage } from './connection';
import { Docked } from './dock/Docked';

const connection = connectToPage(location.hash.slice(1));
// First run: the built-in scorecards appear through the live queries once seeded (the service serves a docked sidebar only).
const stopSeeding = connection.onDock((docked) => {
  if (!docked) return;
  stopSeeding();
  void remoteDb.ensureBuiltInScorecards().catch(() => undefined);
});

const root = document.getElementById('app');
if (root) {
  render(
    <I18nProvider>
      <Docked connection={connection}>
        <App connection={connection} />
      </Docked>
    </I18nProvider>,
    root,
  );
}
