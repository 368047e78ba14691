// Options page entry: the settings a reviewer, agent or lead keeps.
import { render } from 'preact';
import { I18nProvider, useI18n } from '@/components/i18n';
import { GeneralSettings } from './GeneralSettings';
import { BackendSettings } from './BackendSettings';
import { SelfCheckSettings } from './SelfCheckSettings';
import { SitesSettings } from './SitesSettings';
import { StorageSettings } from './StorageSettings';
import { ScorecardsSection } from './scorecards/ScorecardsSection';

function Options() {
  const { t } = useI18n();
  return (
    <div class="page">
      <header>
        <h1>{t('options.title')}</h1>
        <a href="/dashboard.html">{t('dashboard.link')}</a>
        <a href="/coaching.html">{t('coaching.link')}</a>
        <a href="/admin.html">{t('admin.link')}</a>
      </header>
      <main>
        <GeneralSettings />
        <SelfCheckSettings />
        <BackendSettings />
        <SitesSettings />
        <ScorecardsSection />
        <StorageSettings />
      </main>
    </div>
  );
}

const root = document.getElementById('app');
if (root) {
  render(
    <I18nProvider>
      <Options />
    </I18nProvider>,
    root,
  );
}
