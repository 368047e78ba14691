// Scorecards to a JSON file and back: export selected or all, import all-or-nothing with the failing field named.
import { downloadBlob } from '@/components/download';
import { useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { notSavedText } from '@/components/notSaved';
import { importScorecards } from '@/lib/db';
import { exportScorecards, parseScorecardsImport, type ImportError } from '@/lib/export';
import type { Translate } from '@/lib/i18n';
import type { Scorecard } from '@/lib/model';
import { importReasonText } from '@/components/describeIssue';

/** `arvio-scorecards-YYYY-MM-DD.json`, by the user's local date. */
export function exportFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `arvio-scorecards-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

/** Why an import was refused, in the UI language: the field at fault and its reason, or the file's. */
export function importErrorText(error: ImportError, t: Translate): string {
  const reason = importReasonText(t, error.reason, 'scorecards.error.notArvioFile');
  return error.path ? t('scorecards.import.failed', { field: error.path, reason }) : t('scorecards.import.failedFile', { reason });
}

type Outcome = { kind: 'ok'; text: string } | { kind: 'error'; text: string } | null;

export function ImportExport({
  all,
  selectedIds,
  onImported,
  mayImport,
}: {
  /** Every version of every card. */
  all: Scorecard[];
  selectedIds: ReadonlySet<string>;
  onImported(): void;
  /** A team's scorecards are its leads': others export them only. */
  mayImport: boolean;
}) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  // A card travels with all its versions: reviews elsewhere may point at any of them.
  const exportCards = (cards: Scorecard[]) => {
    const ordered = [...cards].sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version);
    downloadBlob(new Blob([exportScorecards(ordered)], { type: 'application/json' }), exportFileName(new Date()));
    const ids = new Set(ordered.map((c) => c.id));
    setOutcome({ kind: 'ok', text: t('scorecards.export.done', { count: ids.size, versions: ordered.length }) });
  };

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    try {
      const text = await file.text();
      const result = parseScorecardsImport(text);
      if (!result.ok) {
        setOutcome({ kind: 'error', text: importErrorText(result.error, t) });
        return;
      }
      await importScorecards(result.scorecards);
      const cards = new Set(result.scorecards.map((c) => c.id)).size;
      setOutcome({ kind: 'ok', text: t('scorecards.import.done', { count: result.scorecards.length, cards }) });
      onImported();
    } catch (e) {
      setOutcome({ kind: 'error', text: notSavedText(t, { kind: 'import', file: file.name }, e) });
    } finally {
      setBusy(false);
      // The same file can be chosen again after fixing it.
      input.value = '';
    }
  };

  const selected = all.filter((c) => selectedIds.has(c.id));
  return (
    <section class="panel import-export" aria-labelledby="io-title">
      <h2 id="io-title">{t('scorecards.io.title')}</h2>
      <p class="muted">{t('scorecards.io.help')}</p>
      <div class="io-row">
        <div class="actions">
          <button type="button" disabled={selected.length === 0} onClick={() => exportCards(selected)}>
            {t('scorecards.export.selected', { count: selectedIds.size })}
          </button>
          <button type="button" disabled={all.length === 0} onClick={() => exportCards(all)}>
            {t('scorecards.export.all')}
          </button>
        </div>
        {mayImport && (
          <div class="import">
            <label for="scorecards-import">{t('scorecards.import.label')}</label>
            <input
              id="scorecards-import"
              type="file"
              accept="application/json,.json"
              disabled={busy}
              aria-describedby="scorecards-import-outcome"
              onChange={(e) => void onFile(e.currentTarget)}
            />
          </div>
        )}
      </div>
      <div id="scorecards-import-outcome" aria-live="polite">
        {outcome && (
          <p class={outcome.kind === 'error' ? 'error-box' : 'ok-box'} role={outcome.kind === 'error' ? 'alert' : 'status'}>
            {outcome.text}
          </p>
        )}
      </div>
    </section>
  );
}
