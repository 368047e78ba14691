// Export (CSV in two shapes, JSON) with progress and Cancel, and JSON import with progress and a clear error.
import { useRef, useState } from 'preact/hooks';
import { errorText, reasonText } from '@/components/errorText';
import { useI18n } from '@/components/i18n';
import { importReasonText } from '@/components/describeIssue';
import { notSavedText } from '@/components/notSaved';
import { useLive } from '@/components/useLive';
import { downloadBlob } from '@/components/download';
import type { CsvDelimiter, CsvLocale, ImportError } from '@/lib/export';
import type { Translate } from '@/lib/i18n';
import { dayOf, timeZone } from '@/lib/model';
import { fetchServerExport, getBackendConfig } from '@/lib/sync';
import { exportCsv, exportJson, importExportText, toBlob, type CsvShape, type Progress } from '@/lib/transfer';

type Status =
  | { kind: 'idle' }
  | { kind: 'running'; progress: Progress | null }
  | { kind: 'done'; message: string }
  | { kind: 'error'; message: string };

function today(): string {
  return dayOf(new Date());
}

/** Why a file was not imported, in the UI language: the field at fault and its reason, or the file's. */
export function importErrorText(t: Translate, error: ImportError): string {
  const reason = importReasonText(t, error.reason, 'dashboard.import.notExport');
  return error.path && error.reason.kind !== 'notExport' ? t('dashboard.import.error', { path: error.path, message: reason }) : t('dashboard.import.errorNoPath', { message: reason });
}

export function ExportPanel() {
  const { t, lang } = useI18n();
  const [shape, setShape] = useState<CsvShape>('reviews');
  const [delimiter, setDelimiter] = useState<CsvDelimiter>(lang === 'fi' ? ';' : ',');
  const [redact, setRedact] = useState(false);
  const [exporting, setExporting] = useState<Status>({ kind: 'idle' });
  const [importing, setImporting] = useState<Status>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  // The semicolon form is for a spreadsheet here: headers in the UI's language, times in this computer's zone.
  const locale: CsvLocale = { language: lang, timeZone: timeZone() };

  const run = async (make: (signal: AbortSignal, onProgress: (p: Progress) => void) => AsyncGenerator<string>, type: string, name: string) => {
    const controller = new AbortController();
    abort.current = controller;
    setExporting({ kind: 'running', progress: null });
    try {
      const blob = await toBlob(make(controller.signal, (p) => setExporting({ kind: 'running', progress: p })), type);
      downloadBlob(blob, name);
      setExporting({ kind: 'done', message: t('dashboard.export.done', { name }) });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') setExporting({ kind: 'done', message: t('dashboard.export.cancelled') });
      else setExporting({ kind: 'error', message: errorText(t, e) });
    } finally {
      abort.current = null;
    }
  };

  const onImport = async (file: File) => {
    setImporting({ kind: 'running', progress: null });
    try {
      const result = await importExportText(await file.text(), { onProgress: (p) => setImporting({ kind: 'running', progress: p }) });
      if (!result.ok) {
        setImporting({ kind: 'error', message: importErrorText(t, result.error) });
        return;
      }
      setImporting({ kind: 'done', message: t('dashboard.import.done', result.summary.reviews) });
    } catch (e) {
      // The import is one transaction: a failure (a full storage among them) leaves the profile as it was.
      setImporting({ kind: 'error', message: notSavedText(t, { kind: 'import', file: file.name }, e) });
    }
  };

  const busy = exporting.kind === 'running';
  const backend = useLive(() => getBackendConfig(), [], null);
  const fromServer = async (format: 'csv' | 'json'): Promise<void> => {
    if (!backend) return;
    const controller = new AbortController();
    abort.current = controller;
    setExporting({ kind: 'running', progress: null });
    const name = `arvio-team-reviews-${today()}.${format}`;
    try {
      downloadBlob(await fetchServerExport(backend, format, delimiter, locale, controller.signal), name);
      setExporting({ kind: 'done', message: t('dashboard.export.done', { name }) });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') setExporting({ kind: 'done', message: t('dashboard.export.cancelled') });
      // The backend's refusal is an untyped Error (lib/sync/server-export.ts): said in the user's words, its text kept as detail.
      else setExporting({ kind: 'error', message: t('dashboard.export.serverFailed', { detail: reasonText(t, e) }) });
    } finally {
      abort.current = null;
    }
  };
  return (
    <div class="export-panel">
      <fieldset>
        <legend>{t('dashboard.export.csv')}</legend>
        <div role="radiogroup" aria-label={t('dashboard.export.shape')}>
          {(['reviews', 'ratings'] as const).map((s) => (
            <label key={s} class="inline">
              <input type="radio" name="shape" value={s} checked={shape === s} onChange={() => setShape(s)} /> {t(`dashboard.export.shape.${s}`)}
            </label>
          ))}
        </div>
        <label for="delimiter">{t('dashboard.export.delimiter')}</label>
        <select id="delimiter" value={delimiter} onChange={(e) => setDelimiter(e.currentTarget.value === ';' ? ';' : ',')}>
          <option value=",">{t('dashboard.export.delimiter.comma')}</option>
          <option value=";">{t('dashboard.export.delimiter.semicolon')}</option>
        </select>
        <label class="inline">
          <input type="checkbox" checked={redact} onChange={(e) => setRedact(e.currentTarget.checked)} /> {t('dashboard.export.redact')}
        </label>
        <p>
          <button
            type="button"
            class="primary"
            disabled={busy}
            onClick={() =>
              run(
                (signal, onProgress) => exportCsv({ shape, delimiter, locale, redact, signal, onProgress }),
                'text/csv;charset=utf-8',
                `arvio-${shape}-${today()}.csv`,
              )
            }
          >
            {t('dashboard.export.downloadCsv')}
          </button>
        </p>
      </fieldset>
      <fieldset>
        <legend>{t('dashboard.export.json')}</legend>
        <p class="muted">{t('dashboard.export.jsonHelp')}</p>
        <button
          type="button"
          class="primary"
          disabled={busy}
          onClick={() => run((signal, onProgress) => exportJson({ redact, signal, onProgress }), 'application/json', `arvio-export-${today()}.json`)}
        >
          {t('dashboard.export.downloadJson')}
        </button>
      </fieldset>
      {exporting.kind === 'running' && (
        <div class="progress-row" role="status">
          <progress max={exporting.progress?.total || 1} value={exporting.progress?.done ?? 0} />
          <span>{t('dashboard.export.progress', { done: exporting.progress?.done ?? 0, total: exporting.progress?.total ?? 0 })}</span>
          <button type="button" onClick={() => abort.current?.abort()}>
            {t('dashboard.export.cancel')}
          </button>
        </div>
      )}
      {exporting.kind === 'done' && <p class="export-status" role="status">{exporting.message}</p>}
      {exporting.kind === 'error' && <p class="error-text" role="alert">{exporting.message}</p>}

      {backend && (
        <fieldset>
          <legend>{t('dashboard.export.server')}</legend>
          <p class="muted">{t('dashboard.export.serverHelp', { url: backend.url })}</p>
          <p>
            <button type="button" disabled={busy} onClick={() => void fromServer('csv')}>
              {t('dashboard.export.serverCsv')}
            </button>{' '}
            <button type="button" disabled={busy} onClick={() => void fromServer('json')}>
              {t('dashboard.export.serverJson')}
            </button>
          </p>
        </fieldset>
      )}

      <fieldset>
        <legend>{t('dashboard.import.title')}</legend>
        <label for="import-file">{t('dashboard.import.file')}</label>
        <input
          id="import-file"
          type="file"
          accept=".json,application/json"
          disabled={importing.kind === 'running'}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void onImport(file);
          }}
        />
        <p class="muted">{t('dashboard.import.resume')}</p>
        {importing.kind === 'running' && (
          <div class="progress-row" role="status">
            <progress max={importing.progress?.total || 1} value={importing.progress?.done ?? 0} />
            <span>
              {importing.progress === null
                ? t('dashboard.import.reading')
                : t(importing.progress.phase === 'validating' ? 'dashboard.import.validating' : 'dashboard.import.writing', {
                    done: importing.progress.done,
                    total: importing.progress.total,
                  })}
            </span>
          </div>
        )}
        {importing.kind === 'done' && <p class="import-status" role="status">{importing.message}</p>}
        {importing.kind === 'error' && <p class="error-text import-error" role="alert">{importing.message}</p>}
      </fieldset>
    </div>
  );
}
