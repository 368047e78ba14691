// Sidebar page entry: connect to the page (through the background) first, then render.
import { render } from 'preact';
import { I18nProvider } from '@/components/i18n';
import { remoteDb } from '@/lib/service/remote';
import { App } from './App';
import { connectToPage } from './connection';

const connection = connectToPage(location.hash.slice(1));
// First run: the built-in scorecards appear through the live queries once seeded.
void remoteDb.ensureBuiltInScorecards();

const root = document.getElementById('app');
if (root) {
  render(
    <I18nProvider>
      <App connection={connection} />
    </I18nProvider>,
    root,
  );
}
