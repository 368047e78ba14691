// Sidebar page entry: listen for the content script first (synchronously), then render.
import { render } from 'preact';
import { I18nProvider } from '@/components/i18n';
import { App } from './App';
import { listenForContentScript } from './connection';

const connection = listenForContentScript(location.hash.slice(1));
const root = document.getElementById('app');
if (root) {
  render(
    <I18nProvider>
      <App connection={connection} />
    </I18nProvider>,
    root,
  );
}
