// Coaching form templates: the list (latest version of each), and the editor of sections and fields
// (free text, a choice, a number with a target, yes/no), versioned like scorecards.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { notSavedText } from '@/components/notSaved';
import { namedTwice, rowName } from '@/components/rowName';
import { useAutosave } from '@/components/useAutosave';
import { useLive } from '@/components/useLive';
import { blankField, blankSection, deleteFormDraft, listForms, newCoachingForm, saveForm } from '@/lib/coaching';
import { db, decidingVersion, listedVersions, versionsOfRow } from '@/lib/db';
import { formatDateTime, type Translate } from '@/lib/i18n';
import { mayChangeVersions, publishingTeam, publishingTeamsOf, readRoster, type Roster } from '@/lib/sync';
import { asksForTeam, usePublishTeam } from '@/components/publishTeam';
import { coachingFormSchema, type CoachingField, type CoachingForm, type CoachingSection } from '@/lib/model';
import { archive, newDraftFrom, publish, teamsOfRow } from '@/lib/scorecards';
import { describeIssue } from '@/components/describeIssue';
import { errorProps, FieldError, fieldKey, type FieldErrors } from '../options/scorecards/validation';

const KINDS: CoachingField['kind'][] = ['text', 'choice', 'number', 'yesNo'];

function move<T>(items: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item!);
  return next;
}

/** An id not used yet among `taken`: prefix + the first free number. */
function freeId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

export function FormsView() {
  const { t, lang } = useI18n();
  const all = useLive<CoachingForm[] | null>(listForms, [], null);
  // Whose forms the user may change: the team backend's roster (null without one).
  const roster = useLive<Roster | null | undefined>(() => readRoster(db()), [], undefined);
  const [editing, setEditing] = useState<CoachingForm | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const opened = useRef(false);
  // Back from the editor, the keyboard starts again at the list rather than at the top of the page.
  useEffect(() => {
    if (editing) opened.current = true;
    else if (opened.current) heading.current?.focus();
  }, [editing]);
  if (!all || roster === undefined) return <p>{t('common.loading')}</p>;
  const publishing = publishingTeamsOf(roster);
  const rows = listedVersions(all, publishing.map((team) => team.id)).sort((a, b) => a.name.localeCompare(b.name));
  const twice = namedTwice(rows, publishing.length > 1);
  const run = (form: CoachingForm, next: Promise<unknown>) => {
    setNotice(null);
    return next.then(
      () => setProblem(null),
      (error: unknown) => setProblem(notSavedText(t, { kind: 'coachingForm', name: form.name }, error)),
    );
  };
  const open = (form: CoachingForm) => {
    setNotice(null);
    setEditing(form);
  };
  if (editing)
    return (
      <FormEditor
        form={editing}
        onClose={(said) => {
          setEditing(null);
          setNotice(said ?? null);
        }}
      />
    );
  return (
    <section aria-labelledby="forms-title">
      <h2 id="forms-title" tabIndex={-1} ref={heading}>
        {t('coaching.forms.title')}
      </h2>
      <button type="button" onClick={() => open(newCoachingForm(`cf-${crypto.randomUUID()}`, lang, new Date()))}>
        {t('coaching.forms.new')}
      </button>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('coaching.forms.name')}</th>
            <th scope="col">{t('coaching.forms.version')}</th>
            <th scope="col">{t('coaching.forms.status')}</th>
            <th scope="col">{t('coaching.plan.do')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((form) => {
            // A draft that continues a published version is that version's team's to change.
            const deciding = decidingVersion(versionsOfRow(all, form), form);
            // A lead of several teams sees whose each form is, and edits a built-in into a team's own edit of it.
            const { team, editFor } = teamsOfRow(form, all, publishing);
            const name = rowName(t, form, twice, team);
            const edit = async (into?: string) => open(newDraftFrom(form, new Date(), into ?? (await publishingTeam(db()))));
            return (
              <tr key={form.id} data-form={form.id}>
                <th scope="row">
                  {form.name}
                  {team && <span class="muted block">{t('common.team', { team: team.name })}</span>}
                </th>
                <td class="num">{form.version}</td>
                <td>{t(`coaching.formStatus.${form.status}`)}</td>
                <td class="inline-controls">
                  {mayChangeVersions(roster, deciding) ? (
                    <>
                      {editFor.length === 0 ? (
                        <button type="button" aria-label={t('coaching.forms.editOf', { name })} onClick={() => void edit()}>
                          {t('coaching.forms.edit')}
                        </button>
                      ) : (
                        editFor.map((choice) => (
                          <button key={choice.id} type="button" aria-label={t('common.editForOf', { name, team: choice.name })} onClick={() => void edit(choice.id)}>
                            {t('common.editFor', { team: choice.name })}
                          </button>
                        ))
                      )}
                      {form.status === 'draft' && (
                        <button type="button" aria-label={t('coaching.forms.publishOf', { name })} onClick={async () => {
                            // A new form of a lead of several teams opens in the editor, where its team is chosen.
                            if (await asksForTeam(form)) return open(form);
                            return run(form, saveForm(publish(form, new Date(), await publishingTeam(db()))));
                          }}>
                          {t('coaching.forms.publish')}
                        </button>
                      )}
                      {form.status === 'published' && (
                        <button type="button" aria-label={t('coaching.forms.archiveOf', { name })} onClick={() => run(form, saveForm(archive(form, new Date())))}>
                          {t('coaching.forms.archive')}
                        </button>
                      )}
                    </>
                  ) : (
                    <span class="muted">{t(deciding.team === null ? 'coaching.forms.organisations' : 'coaching.forms.anotherTeams')}</span>
                  )}
                  {form.status === 'draft' && (
                    <button type="button" aria-label={t('coaching.forms.deleteOf', { name })} onClick={() => run(form, deleteFormDraft(form))}>
                      {t('coaching.forms.delete')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p role="status">{notice ?? ''}</p>
      {problem && (
        <p class="not-saved" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

/** Where a problem is, in the editor's own words ("Question 2.1"); null where no control names it. */
function placeOf(t: Translate, key: string): string | null {
  const parts = key.split('.');
  if (key === 'name') return t('coaching.forms.name');
  if (parts[0] !== 'sections' || parts.length < 3) return null;
  const n = Number(parts[1]) + 1;
  if (parts.length === 3) return parts[2] === 'title' ? t('coaching.forms.sectionTitle', { n }) : t('coaching.forms.section', { n });
  const q = `${n}.${Number(parts[3]) + 1}`;
  switch (parts[4]) {
    case 'help':
      return t('coaching.forms.fieldHelp', { n: q });
    case 'target':
      return t('coaching.forms.target', { n: q });
    case 'unit':
      return t('coaching.forms.unit', { n: q });
    case 'options':
      if (parts.length >= 6) return t('coaching.forms.option', { n: q, k: Number(parts[5]) + 1 });
      return t('coaching.forms.fieldLabel', { n: q });
    default:
      return t('coaching.forms.fieldLabel', { n: q });
  }
}

/** The form's problems by field key (`name`, `sections.1.fields.0.label`), as saving would find them; empty when it saves. */
function validateForm(form: CoachingForm, t: Translate): FieldErrors {
  const result = coachingFormSchema.safeParse(form);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) errors[fieldKey(issue.path)] ??= describeIssue(issue, t, form);
  return errors;
}

/** Why a draft was not saved: the first problem, where it is. */
function invalidText(t: Translate, form: CoachingForm, errors: FieldErrors): string {
  const [key, reason] = Object.entries(errors)[0]!;
  const place = placeOf(t, key);
  return notSavedText(t, { kind: 'coachingForm', name: form.name }, new Error(place ? t('coaching.forms.fixFirst', { place, reason }) : reason));
}

/**
 * The editor of one draft. Every edit is saved as the draft after a pause in typing (drafts stay on this
 * computer: they are never sent), and whatever is still waiting is saved when the editor is left — by
 * its Close button, another view, or the tab closing. Publishing stays a deliberate step.
 */
function FormEditor({ form: initial, onClose }: { form: CoachingForm; onClose(notice?: string): void }) {
  const { t, lang: uiLang } = useI18n();
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const root = useRef<HTMLElement>(null);
  const stay = useRef<HTMLButtonElement>(null);
  const lang = form.language;
  const { picker: teamPicker, publishTeam } = usePublishTeam(form, 'form-team');
  const fieldIds = () => form.sections.flatMap((s) => s.fields.map((f) => f.id));

  const focusFirstInvalid = () => requestAnimationFrame(() => root.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  // Saved after a pause in typing, and on leaving (Close, another view, the tab closed); saves in line,
  // so an older draft never lands after a newer one or after publishing. An edit the form's checks
  // refuse (a name left empty) is not saved: it waits, shown, and leaving by Close asks first.
  const autosave = useAutosave<CoachingForm>(async (next) => {
    const found = validateForm(next, t);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      setProblem(invalidText(t, next, found));
      throw new Error('invalid');
    }
    const stamped: CoachingForm = { ...next, updatedAt: new Date().toISOString() };
    try {
      await saveForm(stamped);
    } catch (error) {
      setProblem(notSavedText(t, { kind: 'coachingForm', name: next.name }, error));
      throw error;
    }
    setSavedAt(stamped.updatedAt);
    setProblem(null);
    setErrors({});
  }, { refuses: (next) => Object.keys(validateForm(next, t)).length > 0 });
  useEffect(() => {
    root.current?.querySelector<HTMLElement>('#editor-title')?.focus();
  }, []);
  useEffect(() => {
    if (leaving) stay.current?.focus();
  }, [leaving]);

  /** An edit: shown at once, saved after a pause; problems already shown follow it, so a fixed field clears at once. */
  const edit = (next: CoachingForm): void => {
    setForm(next);
    setLeaving(false);
    if (Object.keys(errors).length > 0) {
      const found = validateForm(next, t);
      setErrors(found);
      if (Object.keys(found).length === 0) setProblem(null);
    }
    autosave.edit(next);
  };
  const setSection = (i: number, section: CoachingSection) => edit({ ...form, sections: form.sections.map((s, k) => (k === i ? section : s)) });
  const setField = (si: number, fi: number, field: CoachingField) =>
    setSection(si, { ...form.sections[si]!, fields: form.sections[si]!.fields.map((f, k) => (k === fi ? field : f)) });

  const saveNow = async () => {
    // Deliberately: the draft as shown is saved even when nothing has changed since it was opened.
    autosave.edit(autosave.waiting() ?? form);
    if (!(await autosave.flush()) && autosave.waiting() !== null) focusFirstInvalid();
  };
  const close = async () => {
    // What cannot be saved (a problem shown above) is not dropped silently: the lead chooses.
    if (await autosave.flush()) onClose();
    else setLeaving(true);
  };
  const discard = () => {
    autosave.drop();
    onClose();
  };
  const publishing = useRef(false);
  const publishNow = async () => {
    if (publishing.current) return;
    const found = validateForm(form, t);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      setProblem(invalidText(t, form, found));
      focusFirstInvalid();
      return;
    }
    publishing.current = true;
    const shown = form;
    const waiting = autosave.waiting();
    autosave.drop();
    try {
      const next = publish(shown, new Date(), await publishTeam());
      await autosave.after(() => saveForm(next));
      onClose(t('coaching.forms.published', { version: next.version }));
    } catch (error) {
      // Not published: the draft as shown is still to save.
      if (waiting !== null) autosave.edit(waiting);
      setProblem(notSavedText(t, { kind: 'coachingForm', name: shown.name }, error));
    } finally {
      publishing.current = false;
    }
  };

  const invalid = (key: string, id: string) => errorProps(errors, key, id);
  return (
    <section aria-labelledby="editor-title" class="form-editor" ref={root}>
      <h2 id="editor-title" tabIndex={-1}>
        {t('coaching.forms.editing', { name: form.name, version: form.version })}
      </h2>
      <p class="muted">{t('coaching.forms.autosave')}</p>
      <label>
        {t('coaching.forms.name')} <input type="text" value={form.name} onInput={(e) => edit({ ...form, name: e.currentTarget.value })} {...invalid('name', 'form-name')} />
      </label>
      <FieldError errors={errors} field="name" id="form-name" />
      <label>
        {t('coaching.forms.language')}{' '}
        <select value={form.language} onChange={(e) => edit({ ...form, language: e.currentTarget.value as 'fi' | 'en' })}>
          <option value="fi">{t('options.language.fi')}</option>
          <option value="en">{t('options.language.en')}</option>
        </select>
      </label>
      {form.sections.map((section, si) => (
        <fieldset key={section.id} class="editor-section" data-section={section.id}>
          <legend>{t('coaching.forms.section', { n: si + 1 })}</legend>
          <label>
            {t('coaching.forms.sectionTitle', { n: si + 1 })}{' '}
            <input type="text" value={section.title} onInput={(e) => setSection(si, { ...section, title: e.currentTarget.value })} {...invalid(`sections.${si}.title`, `s${si}-title`)} />
          </label>
          <FieldError errors={errors} field={`sections.${si}.title`} id={`s${si}-title`} />
          <span class="inline-controls">
            <button type="button" aria-label={t('coaching.forms.sectionUp', { n: si + 1 })} onClick={() => edit({ ...form, sections: move(form.sections, si, -1) })}>↑</button>
            <button type="button" aria-label={t('coaching.forms.sectionDown', { n: si + 1 })} onClick={() => edit({ ...form, sections: move(form.sections, si, 1) })}>↓</button>
            <button type="button" disabled={form.sections.length < 2} onClick={() => edit({ ...form, sections: form.sections.filter((_, k) => k !== si) })}>
              {t('coaching.forms.removeSection', { n: si + 1 })}
            </button>
          </span>
          {section.fields.map((field, fi) => (
            <FieldEditor
              key={field.id}
              field={field}
              label={`${si + 1}.${fi + 1}`}
              errors={errors}
              path={`sections.${si}.fields.${fi}`}
              onChange={(f) => setField(si, fi, f)}
              onMove={(delta) => setSection(si, { ...section, fields: move(section.fields, fi, delta) })}
              onRemove={section.fields.length > 1 ? () => setSection(si, { ...section, fields: section.fields.filter((_, k) => k !== fi) }) : null}
            />
          ))}
          <span class="inline-controls">
            {KINDS.map((kind) => (
              <button key={kind} type="button" onClick={() => setSection(si, { ...section, fields: [...section.fields, blankField(kind, freeId('f', fieldIds()), lang)] })}>
                {t('coaching.forms.addField', { kind: t(`coaching.fieldKind.${kind}`), n: si + 1 })}
              </button>
            ))}
          </span>
          <FieldError errors={errors} field={`sections.${si}.fields`} id={`s${si}-fields`} />
        </fieldset>
      ))}
      <FieldError errors={errors} field="sections" id="form-sections" />
      {teamPicker}
      <p class="inline-controls">
        <button type="button" onClick={() => edit({ ...form, sections: [...form.sections, blankSection(freeId('s', form.sections.map((s) => s.id)), lang, freeId('f', fieldIds()))] })}>
          {t('coaching.forms.addSection')}
        </button>
        <button type="button" onClick={() => void saveNow()}>
          {t('coaching.forms.saveDraft')}
        </button>
        <button type="button" class="primary" onClick={() => void publishNow()}>
          {t('coaching.forms.publish')}
        </button>
        <button type="button" onClick={() => void close()}>
          {t('coaching.forms.close')}
        </button>
        <span role="status" class="save-state">
          {savedAt && !problem ? t('coaching.forms.saved', { at: formatDateTime(uiLang, savedAt) }) : ''}
        </span>
      </p>
      {problem && (
        <p class="not-saved" role="alert">
          {problem}
        </p>
      )}
      {leaving && (
        <p class="inline-controls" role="group" aria-labelledby="leave-question">
          <span id="leave-question">{t('coaching.forms.leaveUnsaved')}</span>
          <button type="button" ref={stay} onClick={() => setLeaving(false)}>
            {t('coaching.forms.keepEditing')}
          </button>
          <button type="button" onClick={discard}>
            {t('coaching.forms.leaveWithout')}
          </button>
        </p>
      )}
    </section>
  );
}

function FieldEditor({
  field,
  label,
  errors,
  path,
  onChange,
  onMove,
  onRemove,
}: {
  field: CoachingField;
  label: string;
  errors: FieldErrors;
  /** The field's place in the form, as problems name it: `sections.1.fields.0`. */
  path: string;
  onChange(f: CoachingField): void;
  onMove(delta: number): void;
  onRemove: (() => void) | null;
}) {
  const { t } = useI18n();
  const id = path.replace(/\W+/g, '-');
  const invalid = (key: string) => errorProps(errors, `${path}.${key}`, `${id}-${key.replace(/\W+/g, '-')}`);
  const problem = (key: string) => <FieldError errors={errors} field={`${path}.${key}`} id={`${id}-${key.replace(/\W+/g, '-')}`} />;
  return (
    <div class="editor-field" data-field={field.id}>
      <p class="muted">
        {label} · {t(`coaching.fieldKind.${field.kind}`)}
      </p>
      <label>
        {t('coaching.forms.fieldLabel', { n: label })} <input type="text" value={field.label} onInput={(e) => onChange({ ...field, label: e.currentTarget.value })} {...invalid('label')} />
      </label>
      {problem('label')}
      <label>
        {t('coaching.forms.fieldHelp', { n: label })} <input type="text" value={field.help} onInput={(e) => onChange({ ...field, help: e.currentTarget.value })} {...invalid('help')} />
      </label>
      {problem('help')}
      {field.kind === 'number' && (
        <>
          <label>
            {t('coaching.forms.target', { n: label })}{' '}
            <input type="number" value={field.target === null ? '' : String(field.target)} onInput={(e) => onChange({ ...field, target: e.currentTarget.value === '' ? null : Number(e.currentTarget.value) })} {...invalid('target')} />
          </label>
          {problem('target')}
          <label>
            {t('coaching.forms.unit', { n: label })} <input type="text" value={field.unit} onInput={(e) => onChange({ ...field, unit: e.currentTarget.value })} {...invalid('unit')} />
          </label>
          {problem('unit')}
        </>
      )}
      {field.kind === 'choice' &&
        field.options.map((o, k) => (
          <span class="inline-controls" key={o.id}>
            <label>
              {t('coaching.forms.option', { n: label, k: k + 1 })}{' '}
              <input type="text" value={o.label} onInput={(e) => onChange({ ...field, options: field.options.map((x, j) => (j === k ? { ...x, label: e.currentTarget.value } : x)) })} {...invalid(`options.${k}.label`)} />
            </label>
            {problem(`options.${k}.label`)}
            {/* A choice keeps at least two options. */}
            {field.options.length > 2 && (
              <button type="button" onClick={() => onChange({ ...field, options: field.options.filter((_, j) => j !== k) })}>
                {t('coaching.forms.removeOption', { n: label, k: k + 1 })}
              </button>
            )}
          </span>
        ))}
      {field.kind === 'choice' && (
        <button type="button" onClick={() => onChange({ ...field, options: [...field.options, { id: freeId('o', field.options.map((o) => o.id)), label: '…' }] })}>
          {t('coaching.forms.addOption', { n: label })}
        </button>
      )}
      {field.kind === 'choice' && problem('options')}
      <span class="inline-controls">
        <button type="button" aria-label={t('coaching.forms.fieldUp', { n: label })} onClick={() => onMove(-1)}>↑</button>
        <button type="button" aria-label={t('coaching.forms.fieldDown', { n: label })} onClick={() => onMove(1)}>↓</button>
        {onRemove && (
          <button type="button" onClick={onRemove}>
            {t('coaching.forms.removeField', { n: label })}
          </button>
        )}
      </span>
    </div>
  );
}
