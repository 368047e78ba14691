// One criterion in the editor: texts, weight, scale with a label and described target per point, flags, group, moving.
import { useI18n } from '@/components/i18n';
import { SCALE_POINTS, type Criterion, type Group, type Language, type Level, type ScaleKind } from '@/lib/model';
import { levelNumber, SCALE_LABELS } from '@/lib/scorecards';
import { errorProps, FieldError, type FieldErrors } from './validation';

const SCALES: ScaleKind[] = ['binary', 'three', 'four', 'five'];

/**
 * A new scale keeps the texts already written, point by point; a label that was still the old
 * scale's default becomes the new scale's default, so "Yes" does not end up as the top of five.
 */
export function rescale(criterion: Criterion, scale: ScaleKind, lang: Language): Criterion {
  const points = SCALE_POINTS[scale];
  const oldDefaults = SCALE_LABELS[criterion.scale][lang];
  const newDefaults = SCALE_LABELS[scale][lang];
  const levels: Level[] = Array.from({ length: points }, (_, value) => {
    const old = criterion.levels[value];
    const fallback = newDefaults[value] ?? String(value);
    if (!old) return { value, label: fallback, target: '' };
    const label = old.label === oldDefaults[value] ? fallback : old.label;
    return { value, label, target: old.target };
  });
  return { ...criterion, scale, levels };
}

export interface CriterionEditorProps {
  criterion: Criterion;
  /** Index in the card's criteria array: error keys are `criteria.<index>.…`. */
  index: number;
  /** 1-based position within its group, and the group's size, for the accessible name and move buttons. */
  position: number;
  count: number;
  groups: Group[];
  language: Language;
  errors: FieldErrors;
  onChange(next: Criterion): void;
  onMove(delta: -1 | 1, via: 'keyboard' | 'up' | 'down'): void;
  onRemove(): void;
  canRemove: boolean;
}

export function CriterionEditor(props: CriterionEditorProps) {
  const { t } = useI18n();
  const { criterion: c, index, errors, onChange } = props;
  const base = `crit-${c.id}`;
  const key = (field: string) => `criteria.${index}.${field}`;
  const set = (patch: Partial<Criterion>) => onChange({ ...c, ...patch });
  const setLevel = (i: number, patch: Partial<Level>) =>
    set({ levels: c.levels.map((l, k) => (k === i ? { ...l, ...patch } : l)) });

  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    // Alt+Down opens a native select's list; leave selects alone.
    if (event.target instanceof HTMLSelectElement) return;
    event.preventDefault();
    props.onMove(event.key === 'ArrowUp' ? -1 : 1, 'keyboard');
  };

  const title = c.title.trim() || t('scorecards.criterion.untitled');
  return (
    <article
      class="criterion"
      tabIndex={0}
      data-criterion-id={c.id}
      aria-label={t('scorecards.criterion.aria', { position: props.position, count: props.count, title })}
      aria-describedby="criterion-move-help"
      onKeyDown={onKeyDown}
    >
      <div class="criterion-head">
        <span class="criterion-number" aria-hidden="true">
          {props.position}
        </span>
        <div class="grow">
          <label for={`${base}-title`}>{t('scorecards.criterion.title')}</label>
          <input
            id={`${base}-title`}
            type="text"
            value={c.title}
            maxLength={300}
            onInput={(e) => set({ title: e.currentTarget.value })}
            {...errorProps(errors, key('title'), `${base}-title`)}
          />
          <FieldError errors={errors} field={key('title')} id={`${base}-title`} />
        </div>
        <div class="move-buttons">
          <button
            type="button"
            data-move="up"
            disabled={props.position === 1}
            aria-label={t('scorecards.criterion.moveUp', { title })}
            title={t('scorecards.criterion.moveUp', { title })}
            onClick={() => props.onMove(-1, 'up')}
          >
            ↑
          </button>
          <button
            type="button"
            data-move="down"
            disabled={props.position === props.count}
            aria-label={t('scorecards.criterion.moveDown', { title })}
            title={t('scorecards.criterion.moveDown', { title })}
            onClick={() => props.onMove(1, 'down')}
          >
            ↓
          </button>
        </div>
      </div>

      <label for={`${base}-description`}>{t('scorecards.criterion.description')}</label>
      <textarea
        id={`${base}-description`}
        rows={2}
        value={c.description}
        onInput={(e) => set({ description: e.currentTarget.value })}
        {...errorProps(errors, key('description'), `${base}-description`)}
      />
      <FieldError errors={errors} field={key('description')} id={`${base}-description`} />

      <div class="row compact">
        <div>
          <label for={`${base}-group`}>{t('scorecards.criterion.group')}</label>
          <select
            id={`${base}-group`}
            value={c.groupId}
            onChange={(e) => set({ groupId: e.currentTarget.value })}
            {...errorProps(errors, key('groupId'), `${base}-group`)}
          >
            {props.groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.title || g.id}
              </option>
            ))}
          </select>
          <FieldError errors={errors} field={key('groupId')} id={`${base}-group`} />
        </div>
        <div>
          <label for={`${base}-weight`}>{t('scorecards.criterion.weight')}</label>
          <input
            id={`${base}-weight`}
            type="number"
            min={0}
            max={100}
            step="any"
            value={Number.isNaN(c.weight) ? '' : c.weight}
            onInput={(e) => set({ weight: e.currentTarget.value === '' ? Number.NaN : Number(e.currentTarget.value) })}
            {...errorProps(errors, key('weight'), `${base}-weight`)}
          />
          <FieldError errors={errors} field={key('weight')} id={`${base}-weight`} />
        </div>
        <div>
          <label for={`${base}-scale`}>{t('scorecards.criterion.scale')}</label>
          <select
            id={`${base}-scale`}
            value={c.scale}
            onChange={(e) => onChange(rescale(c, e.currentTarget.value as ScaleKind, props.language))}
          >
            {SCALES.map((s) => (
              <option key={s} value={s}>
                {t(`scorecards.scale.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div class="flags">
        <label class="check">
          <input type="checkbox" checked={c.naAllowed} onChange={(e) => set({ naAllowed: e.currentTarget.checked })} />
          {t('scorecards.criterion.naAllowed')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={c.selfCheckable}
            onChange={(e) => set({ selfCheckable: e.currentTarget.checked })}
          />
          {t('scorecards.criterion.selfCheckable')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={c.critical !== null}
            onChange={(e) => set({ critical: e.currentTarget.checked ? { threshold: 0.5 } : null })}
          />
          {t('scorecards.criterion.critical')}
        </label>
        {c.critical && (
          <div class="threshold">
            <label for={`${base}-threshold`}>{t('scorecards.criterion.threshold')}</label>
            <input
              id={`${base}-threshold`}
              type="number"
              min={1}
              max={100}
              step="any"
              value={Number.isNaN(c.critical.threshold) ? '' : Math.round(c.critical.threshold * 1000) / 10}
              onInput={(e) =>
                set({
                  critical: {
                    threshold: e.currentTarget.value === '' ? Number.NaN : Number(e.currentTarget.value) / 100,
                  },
                })
              }
              {...errorProps(errors, key('critical.threshold'), `${base}-threshold`)}
            />
            <FieldError errors={errors} field={key('critical.threshold')} id={`${base}-threshold`} />
          </div>
        )}
      </div>

      <table class="levels">
        <caption>{t('scorecards.criterion.levels')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('scorecards.level.point')}</th>
            <th scope="col">{t('scorecards.level.label')}</th>
            <th scope="col">{t('scorecards.level.target')}</th>
          </tr>
        </thead>
        <tbody>
          {c.levels.map((level, i) => {
            const id = `${base}-level-${i}`;
            return (
              <tr key={i}>
                <td class="point">{levelNumber(c, level.value)}</td>
                <td>
                  <input
                    id={`${id}-label`}
                    type="text"
                    value={level.label}
                    maxLength={300}
                    aria-label={t('scorecards.level.labelOf', { point: levelNumber(c, level.value) })}
                    onInput={(e) => setLevel(i, { label: e.currentTarget.value })}
                    {...errorProps(errors, key(`levels.${i}.label`), `${id}-label`)}
                  />
                  <FieldError errors={errors} field={key(`levels.${i}.label`)} id={`${id}-label`} />
                </td>
                <td>
                  <textarea
                    id={`${id}-target`}
                    rows={2}
                    value={level.target}
                    aria-label={t('scorecards.level.targetOf', { point: levelNumber(c, level.value) })}
                    onInput={(e) => setLevel(i, { target: e.currentTarget.value })}
                    {...errorProps(errors, key(`levels.${i}.target`), `${id}-target`)}
                  />
                  <FieldError errors={errors} field={key(`levels.${i}.target`)} id={`${id}-target`} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <FieldError errors={errors} field={key('levels')} id={`${base}-levels`} />

      <div class="criterion-foot">
        <button
          type="button"
          class="danger"
          disabled={!props.canRemove}
          aria-label={t('scorecards.criterion.remove', { title })}
          onClick={props.onRemove}
        >
          {t('scorecards.criterion.removeShort')}
        </button>
      </div>
    </article>
  );
}
