// Coaching form templates: the list (latest version of each), and the editor of sections and fields
// (free text, a choice, a number with a target, yes/no), versioned like scorecards.
import { useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { notSavedText } from '@/components/notSaved';
import { useLive } from '@/components/useLive';
import { blankField, blankSection, deleteFormDraft, listForms, newCoachingForm, saveForm } from '@/lib/coaching';
import { db, latestVersions } from '@/lib/db';
import { publishingTeam } from '@/lib/sync';
import type { CoachingField, CoachingForm, CoachingSection } from '@/lib/model/coaching';
import { coachingFormSchema } from '@/lib/model/coaching';
import { archive, newDraftFrom, publish } from '@/lib/scorecards';

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
  const [editing, setEditing] = useState<CoachingForm | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (!all) return <p>{t('common.loading')}</p>;
  const run = (form: CoachingForm, next: Promise<unknown>) =>
    next.then(
      () => setProblem(null),
      (error: unknown) => setProblem(notSavedText(t, { kind: 'coachingForm', name: form.name }, error)),
    );
  if (editing) return <FormEditor form={editing} onClose={() => setEditing(null)} />;
  return (
    <section aria-labelledby="forms-title">
      <h2 id="forms-title">{t('coaching.forms.title')}</h2>
      <button type="button" onClick={() => setEditing(newCoachingForm(`cf-${crypto.randomUUID()}`, lang, new Date()))}>
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
          {latestVersions(all)
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((form) => (
              <tr key={form.id} data-form={form.id}>
                <th scope="row">{form.name}</th>
                <td class="num">{form.version}</td>
                <td>{t(`coaching.formStatus.${form.status}`)}</td>
                <td class="inline-controls">
                  <button type="button" aria-label={t('coaching.forms.editOf', { name: form.name })} onClick={() => setEditing(newDraftFrom(form, new Date()))}>
                    {t('coaching.forms.edit')}
                  </button>
                  {form.status === 'draft' && (
                    <button type="button" aria-label={t('coaching.forms.publishOf', { name: form.name })} onClick={async () => run(form, saveForm(publish(form, new Date(), await publishingTeam(db()))))}>
                      {t('coaching.forms.publish')}
                    </button>
                  )}
                  {form.status === 'published' && (
                    <button type="button" aria-label={t('coaching.forms.archiveOf', { name: form.name })} onClick={() => run(form, saveForm(archive(form, new Date())))}>
                      {t('coaching.forms.archive')}
                    </button>
                  )}
                  {form.status === 'draft' && (
                    <button type="button" aria-label={t('coaching.forms.deleteOf', { name: form.name })} onClick={() => run(form, deleteFormDraft(form))}>
                      {t('coaching.forms.delete')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      {problem && (
        <p class="not-saved" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

function FormEditor({ form: initial, onClose }: { form: CoachingForm; onClose(): void }) {
  const { t } = useI18n();
  const [form, setForm] = useState(initial);
  const [message, setMessage] = useState<string | null>(null);
  const lang = form.language;
  const fieldIds = () => form.sections.flatMap((s) => s.fields.map((f) => f.id));
  const setSection = (i: number, section: CoachingSection) => setForm({ ...form, sections: form.sections.map((s, k) => (k === i ? section : s)) });
  const setField = (si: number, fi: number, field: CoachingField) =>
    setSection(si, { ...form.sections[si]!, fields: form.sections[si]!.fields.map((f, k) => (k === fi ? field : f)) });
  const save = async (status: 'draft' | 'published') => {
    const next = status === 'published' ? publish(form, new Date(), await publishingTeam(db())) : { ...form, updatedAt: new Date().toISOString() };
    const checked = coachingFormSchema.safeParse(next);
    if (!checked.success) {
      setMessage(checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      return;
    }
    try {
      await saveForm(checked.data);
      setForm(checked.data);
      setMessage(status === 'published' ? t('coaching.forms.published', { version: checked.data.version }) : t('common.saved'));
    } catch (error) {
      setMessage(notSavedText(t, { kind: 'coachingForm', name: form.name }, error));
    }
  };
  return (
    <section aria-labelledby="editor-title" class="form-editor">
      <h2 id="editor-title">{t('coaching.forms.editing', { name: form.name, version: form.version })}</h2>
      <label>
        {t('coaching.forms.name')} <input type="text" value={form.name} onInput={(e) => setForm({ ...form, name: e.currentTarget.value })} />
      </label>
      <label>
        {t('coaching.forms.language')}{' '}
        <select value={form.language} onChange={(e) => setForm({ ...form, language: e.currentTarget.value as 'fi' | 'en' })}>
          <option value="fi">Suomi</option>
          <option value="en">English</option>
        </select>
      </label>
      {form.sections.map((section, si) => (
        <fieldset key={section.id} class="editor-section" data-section={section.id}>
          <legend>{t('coaching.forms.section', { n: si + 1 })}</legend>
          <label>
            {t('coaching.forms.sectionTitle', { n: si + 1 })}{' '}
            <input type="text" value={section.title} onInput={(e) => setSection(si, { ...section, title: e.currentTarget.value })} />
          </label>
          <span class="inline-controls">
            <button type="button" aria-label={t('coaching.forms.sectionUp', { n: si + 1 })} onClick={() => setForm({ ...form, sections: move(form.sections, si, -1) })}>↑</button>
            <button type="button" aria-label={t('coaching.forms.sectionDown', { n: si + 1 })} onClick={() => setForm({ ...form, sections: move(form.sections, si, 1) })}>↓</button>
            <button type="button" disabled={form.sections.length < 2} onClick={() => setForm({ ...form, sections: form.sections.filter((_, k) => k !== si) })}>
              {t('coaching.forms.removeSection', { n: si + 1 })}
            </button>
          </span>
          {section.fields.map((field, fi) => (
            <FieldEditor
              key={field.id}
              field={field}
              label={`${si + 1}.${fi + 1}`}
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
        </fieldset>
      ))}
      <p class="inline-controls">
        <button type="button" onClick={() => setForm({ ...form, sections: [...form.sections, blankSection(freeId('s', form.sections.map((s) => s.id)), lang, freeId('f', fieldIds()))] })}>
          {t('coaching.forms.addSection')}
        </button>
        <button type="button" onClick={() => void save('draft')}>
          {t('coaching.forms.saveDraft')}
        </button>
        <button type="button" class="primary" onClick={() => void save('published')}>
          {t('coaching.forms.publish')}
        </button>
        <button type="button" onClick={onClose}>
          {t('coaching.forms.close')}
        </button>
      </p>
      <p role="status">{message ?? ''}</p>
    </section>
  );
}

function FieldEditor({ field, label, onChange, onMove, onRemove }: { field: CoachingField; label: string; onChange(f: CoachingField): void; onMove(delta: number): void; onRemove: (() => void) | null }) {
  const { t } = useI18n();
  return (
    <div class="editor-field" data-field={field.id}>
      <p class="muted">
        {label} · {t(`coaching.fieldKind.${field.kind}`)}
      </p>
      <label>
        {t('coaching.forms.fieldLabel', { n: label })} <input type="text" value={field.label} onInput={(e) => onChange({ ...field, label: e.currentTarget.value })} />
      </label>
      <label>
        {t('coaching.forms.fieldHelp', { n: label })} <input type="text" value={field.help} onInput={(e) => onChange({ ...field, help: e.currentTarget.value })} />
      </label>
      {field.kind === 'number' && (
        <>
          <label>
            {t('coaching.forms.target', { n: label })}{' '}
            <input type="number" value={field.target === null ? '' : String(field.target)} onInput={(e) => onChange({ ...field, target: e.currentTarget.value === '' ? null : Number(e.currentTarget.value) })} />
          </label>
          <label>
            {t('coaching.forms.unit', { n: label })} <input type="text" value={field.unit} onInput={(e) => onChange({ ...field, unit: e.currentTarget.value })} />
          </label>
        </>
      )}
      {field.kind === 'choice' &&
        field.options.map((o, k) => (
          <span class="inline-controls" key={o.id}>
            <label>
              {t('coaching.forms.option', { n: label, k: k + 1 })}{' '}
              <input type="text" value={o.label} onInput={(e) => onChange({ ...field, options: field.options.map((x, j) => (j === k ? { ...x, label: e.currentTarget.value } : x)) })} />
            </label>
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
