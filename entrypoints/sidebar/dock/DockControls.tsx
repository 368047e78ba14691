// The sidebar's own layout controls: a width handle (drag or arrow keys) and the collapsed rail.
import { useI18n } from '@/components/i18n';
import { formatPercent } from '@/lib/i18n';
import { DOCK_MIN_WIDTH, dockMaxWidth, dockWidth, type DockSize } from '@/lib/model';

const STEP = 20;

/**
 * The left edge of the sidebar as a vertical separator for the keyboard: the arrow keys widen (←) and
 * narrow (→) it, Home and End go to the bounds. The mouse drags the page's grip over it (the dock's):
 * a drag begun in this frame would stop at the frame's edge.
 */
export function ResizeHandle({ size, viewport, onResize }: { size: DockSize; viewport: number; onResize: (size: DockSize) => void }) {
  const { t } = useI18n();
  const width = dockWidth(size, viewport);
  const max = dockMaxWidth(viewport);
  const set = (next: number): void => onResize({ width: Math.min(max, Math.max(DOCK_MIN_WIDTH, Math.round(next))), collapsed: false });

  return (
    <div
      class="resize-handle"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('dock.resize')}
      aria-valuemin={DOCK_MIN_WIDTH}
      aria-valuemax={max}
      aria-valuenow={width}
      aria-valuetext={t('dock.resize.value', { width })}
      tabIndex={0}
      onKeyDown={(event) => {
        const delta = { ArrowLeft: STEP, ArrowRight: -STEP, Home: DOCK_MIN_WIDTH - width, End: max - width }[event.key];
        if (delta === undefined) return;
        event.preventDefault();
        set(width + delta);
      }}
    />
  );
}

/** The collapsed sidebar: expand, the self-check hint count and the review score, top to bottom. */
export function Rail({ hints, score, onExpand }: { hints: number | null; score: number | null | undefined; onExpand: () => void }) {
  const { t, lang } = useI18n();
  return (
    <div class="rail">
      <button type="button" class="rail-expand" aria-label={t('dock.expand')} title={t('dock.expand')} onClick={onExpand}>
        ‹
      </button>
      {hints !== null && (
        <span class={`rail-hints${hints > 0 ? ' has-hints' : ''}`} role="img" aria-label={t('dock.rail.hints', { count: hints })} title={t('dock.rail.hints', { count: hints })}>
          {hints}
        </span>
      )}
      {score !== undefined && (
        <span
          class="rail-score"
          role="img"
          data-score={score ?? ''}
          aria-label={score === null ? t('dock.rail.noScore') : t('dock.rail.score', { score: formatPercent(lang, score) })}
          title={score === null ? t('dock.rail.noScore') : t('dock.rail.score', { score: formatPercent(lang, score) })}
        >
          {score === null ? '–' : formatPercent(lang, score, 0)}
        </span>
      )}
    </div>
  );
}
