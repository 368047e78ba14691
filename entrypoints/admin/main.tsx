// Admin page entry: team administration for admins and leads, over the team backend this browser is connected to.
import { render } from 'preact';
import { I18nProvider } from '@/components/i18n';
import { AdminPage } from './AdminPage';

const root = document.getElementById('app');
if (root) {
  render(
    <I18nProvider>
      <AdminPage />
    </I18nProvider>,
    root,
  );
}
