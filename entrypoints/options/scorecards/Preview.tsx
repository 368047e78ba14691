// How a reviewer will see a scorecard: criteria by group, level buttons, and the described target of each point.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import type { Criterion, Scorecard } from '@/lib/model';
import type { Translate } from '@/lib/i18n';
import { levelNumber } from '@/lib/scorecards';

/** Weight, critical threshold, N/A and self-check as short words, shared by the preview and the print view. */
export function criterionFacts(c: Criterion, t: Translate): string[] {
  const facts = [t('scorecards.facts.weight', { weight: c.weight })];
  if (c.critical) facts.push(t('scorecards.facts.critical', { threshold: Math.round(c.critical.threshold * 1000) / 10 }));
  if (c.naAllowed) facts.push(t('scorecards.facts.na'));
  if (c.selfCheckable) facts.push(t('scorecards.facts.selfCheck'));
  return facts;
}

function PreviewCriterion({ criterion: c }: { criterion: Criterion }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<number | 'na' | null>(null);
  return (
    <li class={`preview-criterion${c.critical ? ' is-critical' : ''}`}>
      <div class="preview-criterion-head">
        <h4>{c.title}</h4>
        <span class="facts">
          {criterionFacts(c, t).map((f) => (
            <span key={f} class="chip">
              {f}
            </span>
          ))}
        </span>
      </div>
      {c.description && <p class="muted">{c.description}</p>}
      <div class="rating" role="group" aria-label={t('scorecards.preview.rate', { title: c.title })}>
        {c.levels.map((l) => (
          <button
            key={l.value}
            type="button"
            aria-pressed={chosen === l.value}
            title={l.target}
            onClick={() => setChosen(l.value)}
          >
            <span class="point">{levelNumber(c, l.value)}</span> {l.label}
          </button>
        ))}
        {c.naAllowed && (
          <button type="button" aria-pressed={chosen === 'na'} onClick={() => setChosen('na')}>
            {t('scorecards.preview.na')}
          </button>
        )}
      </div>
      <dl class="targets">
        {c.levels.map((l) => (
          <div key={l.value} class={chosen === l.value ? 'chosen' : undefined}>
            <dt>
              {levelNumber(c, l.value)} · {l.label}
            </dt>
            <dd>{l.target || <span class="muted">{t('scorecards.preview.noTarget')}</span>}</dd>
          </div>
        ))}
      </dl>
    </li>
  );
}

export function Preview({ card, onClose }: { card: Scorecard; onClose(): void }) {
  const { t } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section class="panel preview" aria-labelledby="preview-title" lang={card.language}>
      <div class="editor-head">
        <h2 id="preview-title" tabIndex={-1} ref={headingRef}>
          {t('scorecards.preview.title', { name: card.name })}
        </h2>
        <span class={`chip status-${card.status}`}>
          {t(`scorecards.status.${card.status}`)} · {t('scorecards.version', { version: card.version })}
        </span>
      </div>
      <p class="muted">
        {t('scorecards.preview.help')} {t('scorecards.facts.passMark', { passMark: card.passMark })} ·{' '}
        {card.channels.map((ch) => t(`channel.${ch}`)).join(', ')}
      </p>
      {card.groups.map((g) => {
        const members = card.criteria.filter((c) => c.groupId === g.id);
        if (members.length === 0) return null;
        return (
          <section key={g.id} class="preview-group" aria-label={g.title}>
            <h3>{g.title}</h3>
            <ol>
              {members.map((c) => (
                <PreviewCriterion key={c.id} criterion={c} />
              ))}
            </ol>
          </section>
        );
      })}
      <div class="actions">
        <button type="button" class="primary" onClick={onClose}>
          {t('scorecards.action.back')}
        </button>
      </div>
    </section>
  );
}
