// Editing one scorecard draft: name, language, channels, pass mark, groups and criteria; saved as the lead edits, validated before saving or publishing.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { notSavedText } from '@/components/notSaved';
import { useAutosave } from '@/components/useAutosave';
import { saveScorecard } from '@/lib/db';
import type { Channel, Criterion, Group, Language, Scorecard } from '@/lib/model';
import { blankCriterion, moveCriterion, publish } from '@/lib/scorecards';
import { CriterionEditor } from './CriterionEditor';
import { errorProps, FieldError, validateCard, type FieldErrors } from './validation';
import { usePublishTeam } from '@/components/publishTeam';

export const CHANNELS: Channel[] = ['email', 'chat', 'call'];

export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}

export function printUrl(card: Pick<Scorecard, 'id' | 'version'>): string {
  return `/print.html?id=${encodeURIComponent(card.id)}&version=${card.version}`;
}

/** A value safe inside a quoted CSS attribute selector. */
function quoted(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

type Focus = { criterionId: string; on: 'container' | 'up' | 'down' | 'title' } | { selector: string } | null;

export interface ScorecardEditorProps {
  /** A draft: either an existing draft version or the new draft made from a published one (newDraftFrom). */
  initial: Scorecard;
  /** The published version this draft was made from, when editing a published card. */
  frozenFrom: number | null;
  /** Whether this version is already in the database (a fresh draft of a published card is not, until saved). */
  stored: boolean;
  onDone(message: string): void;
  onPreview(card: Scorecard): void;
}

export function ScorecardEditor(props: ScorecardEditorProps) {
  const { t } = useI18n();
  const [card, setCard] = useState<Scorecard>(props.initial);
  const [stored, setStored] = useState(props.stored);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [checked, setChecked] = useState(false);
  const [status, setStatus] = useState('');
  const [focus, setFocus] = useState<Focus>(null);
  const [leaving, setLeaving] = useState(false);
  const rootRef = useRef<HTMLElement>(null);
  const stayRef = useRef<HTMLButtonElement>(null);
  const { picker: teamPicker, publishTeam } = usePublishTeam(card, 'card-team');

  // As the coaching form editor: saved after a pause in typing, and on leaving (Back to list, another
  // section, the tab closed); saves in line, so an older draft never lands after a newer one or after
  // publishing. Only a draft is ever here (a published card's edit is its next version, newDraftFrom),
  // so a frozen version is never written. An edit the checks refuse is not saved: it waits, its
  // problems shown, and leaving asks first.
  const autosave = useAutosave<Scorecard>(async (next) => {
    const found = validateCard(next, t);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      setChecked(true);
      setStatus('');
      throw new Error('invalid');
    }
    const stamped: Scorecard = { ...next, updatedAt: new Date().toISOString() };
    try {
      await saveScorecard(stamped);
    } catch (e) {
      setStatus(notSavedText(t, { kind: 'scorecard', name: next.name, version: next.version }, e));
      throw e;
    }
    setStored(true);
    // Printing shows the stored version: it matches what is shown once no newer edit waits.
    if (autosave.waiting() === null) setDirty(false);
    setStatus(t('scorecards.editor.saved', { version: stamped.version }));
  }, { refuses: (next) => Object.keys(validateCard(next, t)).length > 0 });

  useEffect(() => {
    rootRef.current?.querySelector<HTMLElement>('h2')?.focus();
  }, []);
  useEffect(() => {
    if (leaving) stayRef.current?.focus();
  }, [leaving]);

  // Focus follows what the user acted on: a moved criterion, a new group's title, a new criterion.
  useEffect(() => {
    if (!focus || !rootRef.current) return;
    let target: HTMLElement | null = null;
    if ('selector' in focus) target = rootRef.current.querySelector<HTMLElement>(focus.selector);
    else {
      const item = rootRef.current.querySelector<HTMLElement>(`[data-criterion-id=${quoted(focus.criterionId)}]`);
      if (item && focus.on === 'title') target = item.querySelector<HTMLElement>('input[type="text"]');
      else if (item && (focus.on === 'up' || focus.on === 'down')) {
        const button = item.querySelector<HTMLButtonElement>(`button[data-move="${focus.on}"]`);
        target = button && !button.disabled ? button : item;
      } else target = item;
    }
    target?.focus();
    setFocus(null);
  }, [focus]);

  const update = (next: Scorecard) => {
    setCard(next);
    setDirty(true);
    setStatus('');
    setLeaving(false);
    // Once the user has tried to save, errors follow every edit so a fixed field clears at once.
    if (checked) setErrors(validateCard(next, t));
    autosave.edit(next);
  };
  const updateCriterion = (id: string, next: Criterion) =>
    update({ ...card, criteria: card.criteria.map((c) => (c.id === id ? next : c)) });
  const updateGroup = (id: string, patch: Partial<Group>) =>
    update({ ...card, groups: card.groups.map((g) => (g.id === id ? { ...g, ...patch } : g)) });

  const check = (candidate: Scorecard): boolean => {
    const found = validateCard(candidate, t);
    setErrors(found);
    setChecked(true);
    if (Object.keys(found).length === 0) return true;
    setStatus('');
    // Take the user to the first field that needs fixing.
    requestAnimationFrame(() => rootRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    return false;
  };

  const save = async () => {
    // Deliberately: the draft as shown is saved even when nothing has changed since it was opened; its
    // problems, if any, are shown by their fields at once (the edit keeps waiting, unsaved).
    if (!check(card)) return;
    autosave.edit(autosave.waiting() ?? card);
    await autosave.flush();
  };

  const publishing = useRef(false);
  const publishNow = async () => {
    if (publishing.current || !check(card)) return;
    publishing.current = true;
    const shown = card;
    const waiting = autosave.waiting();
    autosave.drop();
    try {
      const published = publish(shown, new Date(), await publishTeam());
      await autosave.after(() => saveScorecard(published));
      props.onDone(t('scorecards.notice.published', { name: published.name, version: published.version }));
    } catch (e) {
      // Not published: the draft as shown is still to save.
      if (waiting !== null) autosave.edit(waiting);
      setStatus(notSavedText(t, { kind: 'scorecard', name: shown.name, version: shown.version }, e));
    } finally {
      publishing.current = false;
    }
  };

  const close = async () => {
    // What cannot be saved (a problem shown above, a full disk) is not dropped silently: the lead chooses.
    if (await autosave.flush()) props.onDone('');
    else setLeaving(true);
  };
  const discard = () => {
    autosave.drop();
    props.onDone(t('scorecards.notice.discarded'));
  };

  const addGroup = () => {
    const id = newId('g');
    update({ ...card, groups: [...card.groups, { id, title: t('scorecards.group.newTitle'), kind: 'phase' }] });
    setFocus({ selector: `[id=${quoted(`group-${id}-title`)}]` });
  };
  const removeGroup = (id: string) => {
    update({ ...card, groups: card.groups.filter((g) => g.id !== id) });
    setFocus({ selector: '#add-group' });
  };
  const addCriterion = (groupId: string) => {
    const id = newId('c');
    update({ ...card, criteria: [...card.criteria, blankCriterion(groupId, id, card.language)] });
    setFocus({ criterionId: id, on: 'title' });
  };
  const removeCriterion = (c: Criterion) => {
    update({ ...card, criteria: card.criteria.filter((x) => x.id !== c.id) });
    setFocus({ selector: `[id=${quoted(`add-criterion-${c.groupId}`)}]` });
  };
  const move = (c: Criterion, delta: -1 | 1, via: 'keyboard' | 'up' | 'down') => {
    const next = moveCriterion(card, c.id, delta);
    if (next !== card) update(next);
    setFocus({ criterionId: c.id, on: via === 'keyboard' ? 'container' : via });
  };
  const toggleChannel = (channel: Channel, on: boolean) =>
    update({ ...card, channels: CHANNELS.filter((ch) => (ch === channel ? on : card.channels.includes(ch))) });

  const cardErrors = Object.entries(errors).filter(([key]) => key === '' || key === 'groups' || key === 'criteria');
  const errorCount = Object.keys(errors).length;

  return (
    <section class="panel editor" ref={rootRef} aria-labelledby="editor-title">
      <div class="editor-head">
        <h2 id="editor-title" tabIndex={-1}>
          {t('scorecards.editor.title', { name: card.name || t('scorecards.untitled') })}
        </h2>
        <span class={`chip status-${card.status}`}>
          {t(`scorecards.status.${card.status}`)} · {t('scorecards.version', { version: card.version })}
        </span>
      </div>
      {props.frozenFrom !== null && (
        <p class="notice" role="note">
          {t('scorecards.editor.frozen', { from: props.frozenFrom, version: card.version })}
        </p>
      )}
      <p class="muted">{t('scorecards.editor.autosave')}</p>
      {errorCount > 0 && (
        <div class="error-summary" role="alert">
          <p>{t('scorecards.editor.invalid', { count: errorCount })}</p>
          {cardErrors.map(([key, message]) => (
            <p key={key}>{message}</p>
          ))}
        </div>
      )}

      <fieldset>
        <legend>{t('scorecards.editor.basics')}</legend>
        <div class="row">
          <div>
            <label for="card-name">{t('scorecards.field.name')}</label>
            <input
              id="card-name"
              type="text"
              value={card.name}
              maxLength={300}
              onInput={(e) => update({ ...card, name: e.currentTarget.value })}
              {...errorProps(errors, 'name', 'card-name')}
            />
            <FieldError errors={errors} field="name" id="card-name" />
          </div>
          <div>
            <label for="card-language">{t('scorecards.field.language')}</label>
            <select
              id="card-language"
              value={card.language}
              onChange={(e) => update({ ...card, language: e.currentTarget.value as Language })}
            >
              <option value="fi">{t('options.language.fi')}</option>
              <option value="en">{t('options.language.en')}</option>
            </select>
          </div>
          <div>
            <label for="card-passmark">{t('scorecards.field.passMark')}</label>
            <input
              id="card-passmark"
              type="number"
              min={0}
              max={100}
              step="any"
              value={Number.isNaN(card.passMark) ? '' : card.passMark}
              onInput={(e) =>
                update({ ...card, passMark: e.currentTarget.value === '' ? Number.NaN : Number(e.currentTarget.value) })
              }
              {...errorProps(errors, 'passMark', 'card-passmark')}
            />
            <FieldError errors={errors} field="passMark" id="card-passmark" />
          </div>
        </div>
        <fieldset class="inline" {...errorProps(errors, 'channels', 'card-channels')}>
          <legend>{t('scorecards.field.channels')}</legend>
          {CHANNELS.map((ch) => (
            <label class="check" key={ch}>
              <input
                type="checkbox"
                checked={card.channels.includes(ch)}
                onChange={(e) => toggleChannel(ch, e.currentTarget.checked)}
              />
              {t(`channel.${ch}`)}
            </label>
          ))}
          <FieldError errors={errors} field="channels" id="card-channels" />
        </fieldset>
      </fieldset>

      <fieldset>
        <legend>{t('scorecards.editor.groups')}</legend>
        <p class="muted">{t('scorecards.group.help')}</p>
        <ul class="groups">
          {card.groups.map((g, i) => {
            const used = card.criteria.filter((c) => c.groupId === g.id).length;
            const base = `group-${g.id}`;
            return (
              <li key={g.id} class="group-row">
                <div class="grow">
                  <label for={`${base}-title`}>{t('scorecards.group.name', { n: i + 1 })}</label>
                  <input
                    id={`${base}-title`}
                    type="text"
                    value={g.title}
                    maxLength={300}
                    onInput={(e) => updateGroup(g.id, { title: e.currentTarget.value })}
                    {...errorProps(errors, `groups.${i}.title`, `${base}-title`)}
                  />
                  <FieldError errors={errors} field={`groups.${i}.title`} id={`${base}-title`} />
                </div>
                <div>
                  <label for={`${base}-kind`}>{t('scorecards.group.kind')}</label>
                  <select
                    id={`${base}-kind`}
                    value={g.kind}
                    onChange={(e) => updateGroup(g.id, { kind: e.currentTarget.value as Group['kind'] })}
                  >
                    <option value="phase">{t('scorecards.group.kind.phase')}</option>
                    <option value="interaction">{t('scorecards.group.kind.interaction')}</option>
                  </select>
                </div>
                <div class="group-remove">
                  <button
                    type="button"
                    disabled={used > 0 || card.groups.length === 1}
                    aria-label={t('scorecards.group.remove', { title: g.title || g.id })}
                    title={used > 0 ? t('scorecards.group.notEmpty', { count: used }) : undefined}
                    onClick={() => removeGroup(g.id)}
                  >
                    {t('scorecards.action.remove')}
                  </button>
                  {used > 0 && <span class="muted">{t('scorecards.group.notEmpty', { count: used })}</span>}
                </div>
              </li>
            );
          })}
        </ul>
        <button type="button" id="add-group" onClick={addGroup}>
          {t('scorecards.group.add')}
        </button>
      </fieldset>

      <div class="criteria">
        <h3>{t('scorecards.editor.criteria')}</h3>
        <p class="muted" id="criterion-move-help">
          {t('scorecards.criterion.moveHelp')}
        </p>
        {card.groups.map((g) => {
          const members = card.criteria.filter((c) => c.groupId === g.id);
          return (
            <section key={g.id} class="criteria-group" aria-label={g.title || g.id}>
              <h4>
                {g.title || g.id} <span class="muted">· {t(`scorecards.group.kind.${g.kind}`)}</span>
              </h4>
              {members.length === 0 && <p class="muted">{t('scorecards.group.empty')}</p>}
              {members.map((c, position) => (
                <CriterionEditor
                  key={c.id}
                  criterion={c}
                  index={card.criteria.indexOf(c)}
                  position={position + 1}
                  count={members.length}
                  groups={card.groups}
                  language={card.language}
                  errors={errors}
                  canRemove={card.criteria.length > 1}
                  onChange={(next) => updateCriterion(c.id, next)}
                  onMove={(delta, via) => move(c, delta, via)}
                  onRemove={() => removeCriterion(c)}
                />
              ))}
              <button type="button" id={`add-criterion-${g.id}`} onClick={() => addCriterion(g.id)}>
                {t('scorecards.criterion.add', { group: g.title || g.id })}
              </button>
            </section>
          );
        })}
      </div>

      {teamPicker}
      <div class="actions sticky-actions">
        <button type="button" class="primary" onClick={() => void save()}>
          {t('scorecards.action.saveDraft')}
        </button>
        <button type="button" onClick={() => void publishNow()}>
          {t('scorecards.action.publish')}
        </button>
        <button type="button" id="editor-preview" onClick={() => props.onPreview(card)}>
          {t('scorecards.action.preview')}
        </button>
        {stored && !dirty ? (
          <a class="button" href={printUrl(card)} target="_blank" rel="noopener">
            {t('scorecards.action.print')}
          </a>
        ) : (
          <button type="button" disabled title={t('scorecards.editor.printNeedsSave')}>
            {t('scorecards.action.print')}
          </button>
        )}
        <button type="button" onClick={() => void close()}>
          {t('scorecards.action.close')}
        </button>
        <span role="status" class="status">
          {status}
        </span>
      </div>
      {leaving && (
        <p class="actions" role="group" aria-labelledby="leave-question">
          <span id="leave-question">{t('scorecards.editor.leaveUnsaved')}</span>
          <button type="button" ref={stayRef} onClick={() => setLeaving(false)}>
            {t('scorecards.editor.keepEditing')}
          </button>
          <button type="button" onClick={discard}>
            {t('scorecards.editor.leaveWithout')}
          </button>
        </p>
      )}
    </section>
  );
}
