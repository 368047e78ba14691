// The lead's view: key figures, trend, distribution, criteria, agents with coverage, reviewer activity.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { judgeCoverage, type AgentRow, type CriterionResult, type DashboardData, type DashboardFilter } from '@/lib/dashboard';
import { formatDecimal, formatMonth, formatNumber, formatPercent, formatWeek } from '@/lib/i18n';
import { familyLabels } from '@/lib/scorecards';
import { Chart } from './Chart';

export function useFormats() {
  const { lang, t } = useI18n();
  return useMemo(
    () => ({
      pct: (v: number | null) => (v === null ? t('dashboard.none') : formatPercent(lang, v)),
      num: (v: number) => formatNumber(lang, v),
      pctAxis: (v: number) => formatPercent(lang, v),
      numAxis: (v: number) => formatNumber(lang, v),
      /** An agreement coefficient (alpha) on an axis: one decimal. */
      alphaAxis: (v: number) => formatDecimal(lang, v, 1),
      month: (m: string) => formatMonth(lang, m),
      /** An ISO week (`2026-W09`, the dashboard's weekly period) in words. */
      week: (w: string) => formatWeek(t, w),
    }),
    [lang, t],
  );
}

export function Kpis({ data }: { data: DashboardData }) {
  const { t } = useI18n();
  const f = useFormats();
  return (
    <dl class="kpis">
      <div class="kpi kpi-reviews">
        <dt>{t('dashboard.kpi.reviews')}</dt>
        <dd>{f.num(data.totals.count)}</dd>
      </div>
      <div class="kpi kpi-quality">
        <dt>{t('dashboard.kpi.quality')}</dt>
        <dd>{f.pct(data.totals.qualityScore)}</dd>
      </div>
      <div class="kpi kpi-pass">
        <dt>{t('dashboard.kpi.passRate')}</dt>
        <dd>{f.pct(data.totals.passRate)}</dd>
      </div>
      <div class="kpi kpi-critical">
        <dt>{t('dashboard.kpi.criticalFails')}</dt>
        <dd>{f.num(data.totals.criticalFails)}</dd>
      </div>
    </dl>
  );
}

export function TrendChart({ data, filter, title }: { data: DashboardData; filter: DashboardFilter; title: string }) {
  const { t } = useI18n();
  const f = useFormats();
  const labels = useMemo(() => data.trend.map((p) => (filter.granularity === 'month' ? f.month(p.period) : f.week(p.period))), [data, filter.granularity, f]);
  const series = useMemo(
    () => [
      { label: t('dashboard.kpi.quality'), values: data.trend.map((p) => p.qualityScore), color: '#1f7a5c' },
      { label: t('dashboard.kpi.passRate'), values: data.trend.map((p) => p.passRate), color: '#a35c00' },
    ],
    [data, t],
  );
  return (
    <Chart title={title} labels={labels} series={series} kind="line" formatY={f.pctAxis} yRange={[0, 1]} xLabel={t('dashboard.trend.period')}>
      <table class="trend-table">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.trend.period')}</th>
            <th scope="col">{t('dashboard.trend.count')}</th>
            <th scope="col">{t('dashboard.kpi.quality')}</th>
            <th scope="col">{t('dashboard.kpi.passRate')}</th>
          </tr>
        </thead>
        <tbody>
          {data.trend
            .filter((p) => p.count > 0)
            .map((p, i) => (
              <tr key={p.period}>
                <th scope="row">{labels[data.trend.indexOf(p)] ?? i}</th>
                <td>{f.num(p.count)}</td>
                <td>{f.pct(p.qualityScore)}</td>
                <td>{f.pct(p.passRate)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </Chart>
  );
}

function DistributionChart({ data }: { data: DashboardData }) {
  const { t, lang } = useI18n();
  const f = useFormats();
  const labels = useMemo(
    () => data.distribution.map((d) => (d.bucket === 'none' ? t('dashboard.distribution.none') : `${Number(d.bucket) * 10}–${Number(d.bucket) * 10 + 10}`)),
    [data, t],
  );
  const series = useMemo(() => [{ label: t('dashboard.distribution.count'), values: data.distribution.map((d) => d.count), color: '#1f7a5c' }], [data, t]);
  return (
    <Chart title={`${t('dashboard.distribution.title')} (%)`} labels={labels} series={series} kind="bars" formatY={f.numAxis}>
      <table class="distribution-table" lang={lang}>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.distribution.bucket')} %</th>
            <th scope="col">{t('dashboard.distribution.count')}</th>
          </tr>
        </thead>
        <tbody>
          {data.distribution.map((d, i) => (
            <tr key={d.bucket}>
              <th scope="row">{labels[i]}</th>
              <td>{f.num(d.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Chart>
  );
}

export function CriteriaChart({ data }: { data: DashboardData }) {
  const { t } = useI18n();
  const f = useFormats();
  // Numbers on the axis (titles would overlap); the table below names them.
  const labels = useMemo(() => data.criteria.map((_c, i) => String(i + 1)), [data]);
  const series = useMemo(() => [{ label: t('dashboard.criteria.mean'), values: data.criteria.map((c) => c.mean), color: '#165a44' }], [data, t]);
  const strongest = data.criteria.slice(0, 3);
  const weakest = data.criteria.length > 3 ? data.criteria.slice(-3).reverse() : [];
  // Criteria are per scorecard: with several cards in view, each criterion names its card.
  const cardLabels = useMemo(() => {
    const ids = [...new Set(data.criteria.map((c) => c.scorecardId))];
    if (ids.length < 2) return null;
    const cards = data.criteria.map((c) => ({ id: c.scorecardId, version: 0, name: c.scorecardName, language: c.scorecardLanguage }));
    return familyLabels(ids, cards, (language) => t(`figures.language.${language}`));
  }, [data, t]);
  const titleOf = (c: CriterionResult) => (cardLabels ? t('figures.criteria.ofCard', { title: c.title, card: cardLabels.get(c.scorecardId) ?? c.scorecardId }) : c.title);
  const keyOf = (c: CriterionResult) => `${c.scorecardId}/${c.criterionId}`;
  return (
    <div class="criteria">
      <div class="strengths-weaknesses">
        <section class="strongest">
          <h3>{t('dashboard.criteria.strongest')}</h3>
          <ol>
            {strongest.map((c) => (
              <li key={keyOf(c)}>
                {titleOf(c)} <span class="muted">{f.pct(c.mean)}</span>
              </li>
            ))}
          </ol>
        </section>
        <section class="weakest">
          <h3>{t('dashboard.criteria.weakest')}</h3>
          <ol>
            {weakest.map((c) => (
              <li key={keyOf(c)}>
                {titleOf(c)} <span class="muted">{f.pct(c.mean)}</span>
              </li>
            ))}
          </ol>
        </section>
      </div>
      <Chart title={t('dashboard.criteria.title')} labels={labels} series={series} kind="bars" formatY={f.pctAxis} yRange={[0, 1]}>
        <table class="criteria-table">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.criteria.criterion')}</th>
              <th scope="col">{t('dashboard.criteria.mean')}</th>
              <th scope="col">{t('dashboard.criteria.count')}</th>
            </tr>
          </thead>
          <tbody>
            {data.criteria.map((c, i) => (
              <tr key={keyOf(c)} data-scorecard={c.scorecardId} data-criterion={c.criterionId}>
                <th scope="row">
                  {i + 1}. {titleOf(c)}
                </th>
                <td>{f.pct(c.mean)}</td>
                <td>{f.num(c.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Chart>
    </div>
  );
}

function Coverage({ data, target, onTarget }: { data: DashboardData; target: number; onTarget: (n: number) => void }) {
  const { t } = useI18n();
  const f = useFormats();
  const coverage = judgeCoverage(data.agents, data.months, target, new Date());
  const { month, below } = coverage;
  return (
    <section class="coverage">
      <h2>{t('dashboard.coverage.title')}</h2>
      <label for="coverage-target">{t('dashboard.coverage.target')}</label>
      <input
        id="coverage-target"
        type="number"
        min={0}
        max={1000}
        value={target}
        onChange={(e) => {
          const n = Number(e.currentTarget.value);
          if (Number.isInteger(n) && n >= 0) onTarget(n);
        }}
      />
      <p class="below-summary">
        {month ? t('dashboard.coverage.below', { month: f.month(month), count: below.length }) : t('figures.coverage.noWholeMonth')}
      </p>
      <p class="muted">{t('figures.coverage.judged')}</p>
      <div class="scroll">
        <table class="agents-table">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.agents.agent')}</th>
              <th scope="col">{t('dashboard.kpi.reviews')}</th>
              <th scope="col">{t('dashboard.kpi.quality')}</th>
              <th scope="col">{t('dashboard.kpi.passRate')}</th>
              {data.months.map((m) => (
                <th scope="col" key={m} data-month={m}>
                  {m >= coverage.currentMonth ? t('figures.coverage.inProgress', { month: f.month(m) }) : f.month(m)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.agents.map((a: AgentRow) => (
              <tr key={a.id} data-agent={a.id} class={below.includes(a) ? 'flagged' : undefined}>
                <th scope="row">
                  {a.name || a.id}
                  {below.includes(a) && <span class="chip flag">{t('dashboard.coverage.flag')}</span>}
                </th>
                <td>{f.num(a.count)}</td>
                <td>{f.pct(a.qualityScore)}</td>
                <td>{f.pct(a.passRate)}</td>
                {data.months.map((m) => {
                  const judged = coverage.cell(a, m);
                  return (
                    <td key={m} data-month={m} class={judged} title={judged === 'inactive' ? t('figures.coverage.inactive') : undefined}>
                      {f.num(a.months[m] ?? 0)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Reviewers({ data, filter }: { data: DashboardData; filter: DashboardFilter }) {
  const { t } = useI18n();
  const f = useFormats();
  const labels = useMemo(() => data.reviewers.map((r) => r.name || r.id), [data]);
  const series = useMemo(() => [{ label: t('dashboard.kpi.reviews'), values: data.reviewers.map((r) => r.count), color: '#5a666e' }], [data, t]);
  return (
    <Chart title={t('dashboard.reviewers.title')} labels={labels} series={series} kind="bars" formatY={f.numAxis}>
      <table class="reviewers-table">
        {filter.team && !filter.agent && !filter.reviewer && <caption class="muted">{t('dashboard.reviewers.teamNote')}</caption>}
        <thead>
          <tr>
            <th scope="col">{t('dashboard.reviewers.reviewer')}</th>
            <th scope="col">{t('dashboard.kpi.reviews')}</th>
            <th scope="col">{t('dashboard.kpi.quality')}</th>
          </tr>
        </thead>
        <tbody>
          {data.reviewers.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.name || r.id}</th>
              <td>{f.num(r.count)}</td>
              <td>{f.pct(r.qualityScore)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Chart>
  );
}

/**
 * False in the view's first frame, true from then on. The sections below the first screen (criteria,
 * agents' coverage, reviewers: most of the view's elements) follow a frame after the key figures
 * instead of holding up their first paint; later filter changes draw everything at once.
 */
function useAfterFirstFrame(): boolean {
  const [after, setAfter] = useState(false);
  // Preact runs effects once the frame is painted.
  useEffect(() => setAfter(true), []);
  return after;
}

export function TeamView(props: { data: DashboardData; filter: DashboardFilter; target: number; onTarget: (n: number) => void }) {
  const { t } = useI18n();
  const { data } = props;
  const below = useAfterFirstFrame();
  return (
    <div class="team">
      <Kpis data={data} />
      {data.totals.count === 0 && <p class="empty">{t('dashboard.empty')}</p>}
      <div class="grid">
        <TrendChart data={data} filter={props.filter} title={t('dashboard.trend.title')} />
        <DistributionChart data={data} />
      </div>
      {below && (
        <>
          <CriteriaChart data={data} />
          <Coverage data={data} target={props.target} onTarget={props.onTarget} />
          <Reviewers data={data} filter={props.filter} />
        </>
      )}
    </div>
  );
}
