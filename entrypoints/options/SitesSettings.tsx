// Options: self-hosted helpdesks and other sites (host permission asked at runtime), and pages reported for fixtures.
import { downloadBlob } from '@/components/download';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { helpdeskLabel } from '@/components/helpdeskLabel';
import { errorText } from '@/components/errorText';
import { useI18n } from '@/components/i18n';
import { useLive } from '@/components/useLive';
import { originCovered } from '@/lib/sync';
import { deletePageReport, listPageReports, listSites, removeSite, saveSite, type PageReport } from '@/lib/db';
import { normaliseOrigin, SITE_TYPES, sitePattern, type SiteType } from '@/lib/helpdesks';
import { formatDateTime } from '@/lib/i18n';

type Notice = { kind: 'ok' | 'error'; text: string } | null;

/** A reported page as a file: the anonymised structure, with where it came from for the fixture's url.txt. */
function downloadReport(report: PageReport & { at: string }): void {
  const text = `<!-- Arvio page report: ${report.url.replace(/--/g, '')} (${report.helpdesk}, ${report.at}) -->\n${report.html}`;
  downloadBlob(new Blob([text], { type: 'text/html' }), `arvio-report-${report.at.replace(/[:.]/g, '-')}.html`);
}

export function SitesSettings() {
  const { t, lang } = useI18n();
  const [origin, setOrigin] = useState('');
  const [type, setType] = useState<SiteType>('zammad');
  const [notice, setNotice] = useState<Notice>(null);
  /** The typed origin's pattern when access is held already (then Add asks nothing). */
  const [granted, setGranted] = useState<string | null>(null);
  const sites = useLive(() => listSites(), [], []);
  const reports = useLive(() => listPageReports(), [], []);

  useEffect(() => {
    const normal = normaliseOrigin(origin);
    if (!normal) return;
    const pattern = sitePattern(normal);
    // Checked ahead: the permission prompt must open within the click, before anything awaits.
    // Origins covered by the manifest's content scripts (loopback) show in getAll() only.
    void Promise.all([browser.permissions.contains({ origins: [pattern] }), browser.permissions.getAll()])
      .then(([held, all]) => setGranted(held || originCovered(normal, all.origins ?? []) ? pattern : null))
      .catch(() => setGranted(null));
  }, [origin]);

  const onAdd = (event: Event): void => {
    event.preventDefault();
    const normal = normaliseOrigin(origin);
    if (!normal) {
      setNotice({ kind: 'error', text: t('sites.invalid') });
      return;
    }
    const pattern = sitePattern(normal);
    // First thing in the click: browsers grant permission prompts only within a user gesture.
    const permission = granted === pattern ? Promise.resolve(true) : browser.permissions.request({ origins: [pattern] });
    void permission
      .catch(() => false)
      .then(async (ok) => {
        if (!ok) {
          setNotice({ kind: 'error', text: t('sites.denied', { origin: normal }) });
          return;
        }
        // Stored and mirrored to storage.local; the background registers the content script from there.
        await saveSite({ origin: normal, type });
        setOrigin('');
        setNotice({ kind: 'ok', text: t('sites.added', { origin: normal }) });
      })
      .catch((error: unknown) => setNotice({ kind: 'error', text: errorText(t, error) }));
  };

  const onRemove = async (site: string): Promise<void> => {
    const remaining = await removeSite(site);
    const pattern = sitePattern(site);
    // Another added site on the same host (another port or scheme) keeps the access it needs.
    if (!remaining.some((other) => sitePattern(other.origin) === pattern)) {
      await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
    }
    setNotice({ kind: 'ok', text: t('sites.removed', { origin: site }) });
  };

  return (
    <section class="panel" aria-labelledby="sites-title">
      <h2 id="sites-title">{t('sites.title')}</h2>
      <p class="muted">{t('sites.intro')}</p>
      <form onSubmit={onAdd}>
        <div class="row">
          <div>
            <label for="site-origin">{t('sites.origin')}</label>
            <input
              id="site-origin"
              type="url"
              inputMode="url"
              autoComplete="off"
              placeholder="https://support.example.fi"
              value={origin}
              onInput={(e) => setOrigin(e.currentTarget.value)}
            />
          </div>
          <div>
            <label for="site-type">{t('sites.type')}</label>
            <select id="site-type" value={type} onChange={(e) => setType(e.currentTarget.value as SiteType)}>
              {SITE_TYPES.map((option) => (
                <option key={option} value={option}>
                  {t(`sites.type.${option}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div class="actions">
          <button type="submit" class="primary">
            {t('sites.add')}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {notice && <p class={notice.kind === 'error' ? 'error-text' : 'status'}>{notice.text}</p>}
      </div>
      <h3>{t('sites.list')}</h3>
      {sites.length === 0 ? (
        <p class="muted">{t('sites.empty')}</p>
      ) : (
        <ul class="site-list" aria-label={t('sites.list')}>
          {sites.map((site) => (
            <li key={site.origin}>
              <span class="site-origin">{site.origin}</span> · <span class="site-type">{t(`sites.type.${site.type}`)}</span>{' '}
              <button type="button" aria-label={t('sites.removeLabel', { origin: site.origin })} onClick={() => void onRemove(site.origin)}>
                {t('sites.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('sites.reports.title')}</h3>
      <p class="muted">{t('sites.reports.intro')}</p>
      {reports.length === 0 ? (
        <p class="muted">{t('sites.reports.empty')}</p>
      ) : (
        <ul class="report-list" aria-label={t('sites.reports.title')}>
          {reports.map((report) => (
            <li key={report.key}>
              <code>{report.url}</code> ({helpdeskLabel(t, report.helpdesk)}, {formatDateTime(lang, report.at)}){' '}
              <button type="button" onClick={() => downloadReport(report)}>
                {t('sites.reports.download')}
              </button>{' '}
              <button type="button" onClick={() => void deletePageReport(report.key)}>
                {t('sites.reports.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
