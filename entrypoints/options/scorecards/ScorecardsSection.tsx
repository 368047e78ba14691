// The scorecards part of the options page: the list, and the editor or preview of one card in its place.
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '@/components/errorText';
import { useI18n } from '@/components/i18n';
import { useLive } from '@/components/useLive';
import { notSavedText } from '@/components/notSaved';
import { db, deleteScorecardDraft, ensureBuiltInScorecards, listScorecards, saveScorecard } from '@/lib/db';
import type { Scorecard } from '@/lib/model';
import { archive, blankScorecard, duplicate, newDraftFrom, publish } from '@/lib/scorecards';
import { ImportExport } from './ImportExport';
import { Preview } from './Preview';
import { ScorecardEditor } from './ScorecardEditor';
import { ScorecardList, type RowAction } from './ScorecardList';
import { leadsSomeTeam, mayChangeVersions, publishingTeam, publishingTeamsOf, readRoster, type Roster } from '@/lib/sync';
import { asksForTeam } from '@/components/publishTeam';
import { validateCard } from './validation';
import './style.css';

type View =
  | { kind: 'list' }
  | { kind: 'edit'; card: Scorecard; frozenFrom: number | null; stored: boolean; key: number; previewing: Scorecard | null }
  | { kind: 'preview'; card: Scorecard };

export function ScorecardsSection() {
  const { t, lang } = useI18n();
  const [all, setAll] = useState<Scorecard[] | null>(null);
  // Who keeps the cards: the team backend's roster (null without one), as a sync or a connection changes it.
  const roster = useLive<Roster | null | undefined>(() => readRoster(db()), [], undefined);
  const [view, setView] = useState<View>({ kind: 'list' });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const editKey = useRef(0);

  const refresh = async () => setAll(await listScorecards());
  const mayCreate = roster !== undefined && leadsSomeTeam(roster);
  useEffect(() => {
    // The background seeds the built-in templates on install; a page opened first must not show an empty list.
    void ensureBuiltInScorecards().then(refresh);
  }, []);

  const backToList = async (message: string) => {
    await refresh();
    setNotice(message);
    setView({ kind: 'list' });
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  /** `team`: for a built-in, the team whose own edit of it starts (the list's choice); else the one published into. */
  const edit = async (card: Scorecard, team?: string) => {
    const draft = newDraftFrom(card, new Date(), team ?? (await publishingTeam(db())));
    editKey.current += 1;
    setNotice('');
    setView({
      kind: 'edit',
      card: draft,
      frozenFrom: card.status === 'draft' ? null : card.version,
      stored: card.status === 'draft',
      key: editKey.current,
      previewing: null,
    });
  };

  const run = async (action: RowAction, card: Scorecard, team?: string) => {
    const now = new Date();
    try {
      switch (action) {
        case 'edit':
          return edit(card, team);
        case 'preview':
          return setView({ kind: 'preview', card });
        case 'duplicate': {
          const copy = duplicate(card, crypto.randomUUID(), now, t('scorecards.copySuffix'));
          await saveScorecard(copy);
          await refresh();
          return setNotice(t('scorecards.notice.duplicated', { name: copy.name }));
        }
        case 'publish': {
          // A draft with problems opens in the editor, where the problems are shown by their fields, and so
          // does a new card of a lead of several teams, who chooses its team there.
          if (Object.keys(validateCard(card, t)).length > 0) return edit(card);
          if (await asksForTeam(card)) return edit(card);
          const published = publish(card, now, await publishingTeam(db()));
          await saveScorecard(published);
          await refresh();
          return setNotice(t('scorecards.notice.published', { name: card.name, version: card.version }));
        }
        case 'archive':
          await saveScorecard(archive(card, now));
          await refresh();
          return setNotice(t('scorecards.notice.archived', { name: card.name }));
        case 'delete':
          await deleteScorecardDraft(card);
          setConfirming(null);
          await refresh();
          setNotice(t('scorecards.notice.deleted', { name: card.name, version: card.version }));
          return requestAnimationFrame(() => headingRef.current?.focus());
      }
    } catch (e) {
      // Deleting a draft frees space; every other action writes a version of this card.
      setNotice(
        action === 'delete'
          ? errorText(t, e)
          : notSavedText(t, { kind: 'scorecard', name: card.name, version: card.version }, e),
      );
    }
  };

  const createNew = () => {
    editKey.current += 1;
    setNotice('');
    setView({
      kind: 'edit',
      card: blankScorecard(crypto.randomUUID(), lang, new Date()),
      frozenFrom: null,
      stored: false,
      key: editKey.current,
      previewing: null,
    });
  };

  if (view.kind === 'edit') {
    // The editor stays mounted (hidden) while its card is previewed, so unsaved edits survive the visit.
    return (
      <>
        <div hidden={view.previewing !== null}>
          <ScorecardEditor
            key={view.key}
            initial={view.card}
            frozenFrom={view.frozenFrom}
            stored={view.stored}
            onDone={(message) => void backToList(message)}
            onPreview={(card) => setView({ ...view, previewing: card })}
          />
        </div>
        {view.previewing && (
          <Preview
            card={view.previewing}
            onClose={() => {
              setView({ ...view, previewing: null });
              requestAnimationFrame(() => document.getElementById('editor-preview')?.focus());
            }}
          />
        )}
      </>
    );
  }
  if (view.kind === 'preview') {
    return <Preview card={view.card} onClose={() => void backToList('')} />;
  }

  return (
    <>
      <section class="panel scorecards" aria-labelledby="scorecards-title">
        <div class="section-head">
          <h2 id="scorecards-title" tabIndex={-1} ref={headingRef}>
            {t('scorecards.title')}
          </h2>
          {mayCreate && (
            <button type="button" class="primary" onClick={createNew}>
              {t('scorecards.action.new')}
            </button>
          )}
        </div>
        <p class="muted">{t(mayCreate ? 'scorecards.help' : 'scorecards.help.leadsKeep')}</p>
        <p role="status" class="notice-line">
          {notice}
        </p>
        {all === null || roster === undefined ? (
          <p>{t('common.loading')}</p>
        ) : (
          <ScorecardList
            all={all}
            selectedIds={selected}
            onSelect={(id, on) => {
              const next = new Set(selected);
              if (on) next.add(id);
              else next.delete(id);
              setSelected(next);
            }}
            onAction={(action, card, team) => void run(action, card, team)}
            mayChange={(card) => mayChangeVersions(roster, card)}
            publishingTeams={publishingTeamsOf(roster)}
            mayCreate={mayCreate}
            onPreviewVersion={(card) => setView({ kind: 'preview', card })}
            confirmingDelete={confirming}
            onConfirmDelete={(card) => setConfirming(card ? card.id : null)}
          />
        )}
      </section>
      {all !== null && roster !== undefined && <ImportExport all={all} selectedIds={selected} onImported={() => void refresh()} mayImport={mayCreate} />}
    </>
  );
}
