// A coaching form filled in (editable for the coach) or read (the agent's copy, the printed summary).
import { useI18n } from '@/components/i18n';
import { formatNumber, type Translate } from '@/lib/i18n';
import type { CoachingAnswer, CoachingField, CoachingForm, Language } from '@/lib/model';

type Value = CoachingAnswer['value'];

export function FormAnswers({ form, answers, onAnswer }: { form: CoachingForm; answers: readonly CoachingAnswer[]; onAnswer?(answer: CoachingAnswer): void }) {
  const valueOf = (fieldId: string): Value => answers.find((a) => a.fieldId === fieldId)?.value ?? null;
  return (
    <>
      {form.sections.map((section) => (
        <fieldset key={section.id} class="form-section" data-section={section.id}>
          <legend>{section.title}</legend>
          {section.fields.map((field) => (
            <div key={field.id} class="form-field" data-field={field.id}>
              {onAnswer ? (
                <FieldInput field={field} value={valueOf(field.id)} onChange={(value) => onAnswer({ fieldId: field.id, value })} />
              ) : (
                <FieldRead field={field} value={valueOf(field.id)} />
              )}
            </div>
          ))}
        </fieldset>
      ))}
    </>
  );
}

function FieldInput({ field, value, onChange }: { field: CoachingField; value: Value; onChange(value: Value): void }) {
  const { t } = useI18n();
  const id = `field-${field.id}`;
  const help = field.help ? <p class="help" id={`${id}-help`}>{field.help}</p> : null;
  const described = field.help ? `${id}-help` : undefined;
  switch (field.kind) {
    case 'text':
      return (
        <>
          <label for={id}>{field.label}</label>
          {help}
          <textarea id={id} aria-describedby={described} value={typeof value === 'string' ? value : ''} onInput={(e) => onChange(e.currentTarget.value || null)} />
        </>
      );
    case 'number':
      return (
        <>
          <label for={id}>
            {field.label}
            {field.unit && ` (${field.unit})`}
          </label>
          {help}
          <input
            id={id}
            type="number"
            aria-describedby={described}
            value={typeof value === 'number' ? String(value) : ''}
            onInput={(e) => onChange(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}
          />{' '}
          {field.target !== null && <span class="muted">{t('coaching.field.target', { target: field.target, unit: field.unit })}</span>}
        </>
      );
    case 'yesNo':
      return (
        <>
          <label for={id}>{field.label}</label>
          {help}
          <select id={id} aria-describedby={described} value={value === true ? 'yes' : value === false ? 'no' : ''} onChange={(e) => onChange(e.currentTarget.value === '' ? null : e.currentTarget.value === 'yes')}>
            <option value="">{t('coaching.field.unanswered')}</option>
            <option value="yes">{t('coaching.field.yes')}</option>
            <option value="no">{t('coaching.field.no')}</option>
          </select>
        </>
      );
    case 'choice':
      return (
        <>
          <label for={id}>{field.label}</label>
          {help}
          <select id={id} aria-describedby={described} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value || null)}>
            <option value="">{t('coaching.field.unanswered')}</option>
            {field.options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </>
      );
  }
}

/** The answer as text: a choice by its label, yes/no in words, a number (in the reader's locale) against its target. */
export function answerText(field: CoachingField, value: Value, t: Translate, lang: Language): string {
  if (value === null) return t('coaching.field.unanswered');
  if (field.kind === 'choice') return field.options.find((o) => o.id === value)?.label ?? String(value);
  if (field.kind === 'yesNo') return value === true ? t('coaching.field.yes') : t('coaching.field.no');
  if (field.kind === 'number') return `${typeof value === 'number' ? formatNumber(lang, value) : value}${field.unit ? ` ${field.unit}` : ''}${field.target !== null ? ` (${t('coaching.field.target', { target: field.target, unit: field.unit })})` : ''}`;
  return String(value);
}

function FieldRead({ field, value }: { field: CoachingField; value: Value }) {
  const { t, lang } = useI18n();
  return (
    <p>
      <strong>{field.label}:</strong> <span class="answer">{answerText(field, value, t, lang)}</span>
    </p>
  );
}
