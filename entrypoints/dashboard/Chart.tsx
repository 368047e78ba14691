// One uPlot chart with its numbers beside it as a table (the chart is a picture; the table is for everyone).
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { labelStep } from '@/lib/dashboard';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color: string;
}

export interface ChartProps {
  title: string;
  labels: string[];
  series: ChartSeries[];
  kind: 'line' | 'bars';
  /** Formats a y value for the axis (percentages, counts) in the user's locale. */
  formatY: (value: number) => string;
  yRange?: [number, number];
  /** What the x axis counts (a period…), named in the legend when the chart has one. */
  xLabel?: string;
  /** The title's heading level where the chart sits under a section of its own (the Calibration view). */
  heading?: 'h2' | 'h3';
  /** The same numbers as a table (none where a table beside the chart already holds them). */
  children?: ComponentChildren;
}

/** Colours for charts of many series (one per criterion, per reviewer), told apart in order. */
export const SERIES_COLORS = ['#1f7a5c', '#a35c00', '#2f5fa7', '#9b2f6b', '#5a666e', '#6b8e23', '#b03a2e', '#00838f'];

const AXIS_FONT = '12px system-ui, sans-serif';

export function Chart({ title, labels, series, kind, formatY, yRange, xLabel = '', heading: Heading = 'h2', children }: ChartProps) {
  const { t } = useI18n();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el || labels.length === 0) return;
    const xs = labels.map((_, i) => i);
    const bars = kind === 'bars' ? uPlot.paths.bars?.({ size: [0.6, 60] }) : undefined;
    const plot = new uPlot(
      {
        width: Math.max(280, el.clientWidth || 480),
        height: 220,
        legend: { show: series.length > 1 },
        // With nothing under the cursor the legend is a key of the series, not a row of blanks.
        hooks: { setLegend: [(u) => u.root.classList.toggle('idle', u.legend.idx == null)] },
        cursor: { drag: { x: false, y: false } },
        scales: {
          x: { time: false, range: [-0.5, labels.length - 0.5] },
          // Bars and counts start at zero, or small differences look like large ones.
          y: { range: yRange ?? ((_u, _min, max) => [0, max > 0 ? max * 1.1 : 1]) },
        },
        axes: [
          {
            font: AXIS_FONT,
            gap: 4,
            // As many labels as fit the axis's width side by side, evenly spaced (week labels are long).
            splits: (u) => {
              u.ctx.font = AXIS_FONT;
              const widest = Math.max(0, ...labels.map((l) => u.ctx.measureText(l).width)) / uPlot.pxRatio;
              const step = labelStep(labels.length, widest, u.bbox.width / uPlot.pxRatio);
              return labels.map((_, i) => i).filter((i) => i % step === 0);
            },
            values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? (labels[v] ?? '') : '')),
          },
          { values: (_u, splits) => splits.map((v) => formatY(v)), size: 60 },
        ],
        series: [
          // The legend's first entry: the point under the cursor, by its own label (uPlot's default is an English "Value").
          { label: xLabel, value: (_u: uPlot, v: number | null) => (v === null ? '' : (labels[v] ?? '')) },
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            fill: kind === 'bars' ? `${s.color}cc` : undefined,
            width: kind === 'bars' ? 0 : 2,
            points: { show: kind === 'line' },
            paths: bars,
            spanGaps: true,
            value: (_u: uPlot, v: number | null) => (v === null ? '–' : formatY(v)),
          })),
        ],
      },
      [xs, ...series.map((s) => s.values)] as uPlot.AlignedData,
      el,
    );
    return () => plot.destroy();
  }, [labels, series, kind, formatY, yRange, xLabel]);
  return (
    <figure class="chart">
      <figcaption>
        <Heading>{title}</Heading>
      </figcaption>
      <div ref={host} class="plot" role="img" aria-label={t('dashboard.chart.label', { title })} />
      {children !== undefined && (
        <details open>
          <summary>{t('dashboard.table.show')}</summary>
          {children}
        </details>
      )}
    </figure>
  );
}
