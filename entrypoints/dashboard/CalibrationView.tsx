// The dashboard's Calibration view: sessions over time, alpha per criterion by month, the criteria that
// agree least, each reviewer's alignment trend — charts with their numbers as tables — a session's full
// reveal, and the CSV.
import { useMemo, useState } from 'preact/hooks';
import { AgreePanel } from '@/components/calibration/AgreePanel';
import { alphaText, participantLabel, RevealView } from '@/components/calibration/RevealView';
import { StartSessionForm } from '@/components/calibration/StartSessionForm';
import { downloadBlob } from '@/components/download';
import { useI18n } from '@/components/i18n';
import { useLive } from '@/components/useLive';
import {
  calibrationOverview,
  calibrationViewer,
  facilitates,
  revealFigures,
  shownParticipant,
  type AlphaFigure,
  type CalibrationOverview,
} from '@/lib/calibration';
import { calibrationData, calibrationOverviewData, db, listTeamSettings, ratingsOfCalibration, saveCalibrationSession } from '@/lib/db';
import { calibrationCsv, dialectFor } from '@/lib/export';
import { ticketFromLink } from '@/lib/helpdesks';
import { formatDateTime, formatDay, formatPercent } from '@/lib/i18n';
import { dayOf, MAX_CALIBRATION_TICKETS, type CalibrationRatings, type CalibrationSession, type Scorecard, type TicketRef } from '@/lib/model';
import { leadsSomeTeam, nameOfAddress, readRoster, type Roster } from '@/lib/sync';
import { calibrationStartTeams, type TeamSettings } from '@/lib/teamSettings';
import { Chart, SERIES_COLORS } from './Chart';
import { useFormats } from './TeamView';

type Data = Awaited<ReturnType<typeof calibrationOverviewData>>;

export function CalibrationView({ cards }: { cards: Scorecard[] }) {
  const { t, lang } = useI18n();
  // The sessions and their kept figures: the ratings are read only for the session opened, and for the CSV.
  const data = useLive<Data | null>(calibrationOverviewData, [], null);
  const roster = useLive<Roster | null | undefined>(() => readRoster(db()), [], undefined);
  const settings = useLive<TeamSettings[]>(listTeamSettings, [], []);
  const overview = useMemo(
    () => (data && roster !== undefined ? calibrationOverview(data.sessions, data.figures, cards) : null),
    [data, cards, roster],
  );
  const [openId, setOpenId] = useState<string | null>(null);
  // The same elements while a session opens or closes: Preact leaves a reused element as it is.
  const tables = useMemo(
    () =>
      overview &&
      roster !== undefined && (
        <>
          <OverTime overview={overview} />
          <SessionsTable overview={overview} onOpen={setOpenId} />
          <Lowest overview={overview} />
          <ByMonth overview={overview} />
          {/* Each reviewer's alignment is for the leads to follow (the server sends it only to a session's people and leads). */}
          {leadsSomeTeam(roster) && <AlignmentTrend overview={overview} roster={roster} />}
        </>
      ),
    [overview, roster],
  );
  if (!data || !overview || roster === undefined) return <p>{t('common.loading')}</p>;
  const opened = data.sessions.find((s) => s.id === openId) ?? null;
  return (
    <section class="calibration-view" aria-labelledby="calibration-title" data-sessions={overview.sessions.length}>
      <h2 id="calibration-title">{t('calibration.dash.title')}</h2>
      {!roster ? (
        <p class="muted">{t('calibration.dash.noBackend')}</p>
      ) : (
        calibrationStartTeams(roster, settings).length > 0 && <StartFromLinks roster={roster} settings={settings} cards={cards} />
      )}
      {overview.sessions.length === 0 ? (
        <p>{t('calibration.dash.none')}</p>
      ) : (
        <>
          <div class="actions">
            <button
              type="button"
              onClick={async () => {
                const delimiter = lang === 'fi' ? ';' : ',';
                const all = await calibrationData();
                const anonymous = (n: number) => t('calibration.participant', { n });
                const csv = calibrationCsv(all.sessions, all.ratings, cards, dialectFor(delimiter), anonymous);
                downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), 'arvio-calibration.csv');
              }}
            >
              {t('calibration.dash.export')}
            </button>
          </div>
          {opened && (
            <OpenSession
              session={opened}
              card={cards.find((c) => c.id === opened.scorecardId && c.version === opened.scorecardVersion) ?? null}
              roster={roster}
              onClose={() => setOpenId(null)}
            />
          )}
          {tables}
        </>
      )}
    </section>
  );
}

/** The newest sessions the table shows until asked for all (a year of weekly sessions is more than a screen). */
const FIRST_SESSIONS = 25;

/** Sessions over time: each one's alpha, oldest first. Its numbers are the sessions table's, right under it. */
function OverTime({ overview }: { overview: CalibrationOverview }) {
  const { t, lang } = useI18n();
  const f = useFormats();
  const oldestFirst = useMemo(() => [...overview.sessions].reverse(), [overview]);
  const labels = useMemo(() => oldestFirst.map((row) => formatDay(lang, dayOf(row.session.createdAt), true)), [oldestFirst, lang]);
  const series = useMemo(() => [{ label: t('calibration.col.alpha'), values: oldestFirst.map((row) => plotted(row.alpha)), color: SERIES_COLORS[0]! }], [oldestFirst, t]);
  const range = useMemo(() => alphaRange(series[0]!.values), [series]);
  if (oldestFirst.length < 2) return null;
  return (
    <Chart title={t('calibration.dash.overTime')} heading="h3" labels={labels} series={series} kind="line" formatY={f.alphaAxis} yRange={range} xLabel={t('calibration.dash.col.date')} />
  );
}

function SessionsTable({ overview, onOpen }: { overview: CalibrationOverview; onOpen: (id: string) => void }) {
  const { t, lang } = useI18n();
  const f = useFormats();
  const [all, setAll] = useState(false);
  const rows = all ? overview.sessions : overview.sessions.slice(0, FIRST_SESSIONS);
  return (
    <>
      <h3>{t('calibration.dash.sessions')}</h3>
      <table class="calibration-sessions">
        <thead>
          <tr>
            <th scope="col">{t('calibration.dash.col.date')}</th>
            <th scope="col">{t('calibration.dash.col.name')}</th>
            <th scope="col">{t('calibration.dash.col.status')}</th>
            <th scope="col">{t('calibration.dash.col.tickets')}</th>
            <th scope="col">{t('calibration.dash.col.participants')}</th>
            <th scope="col">{t('calibration.col.alpha')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ session, alpha }) => (
            <tr key={session.id}>
              <td>{formatDateTime(lang, session.createdAt)}</td>
              <th scope="row">
                <button type="button" class="link-button" aria-label={t('calibration.dash.open', { title: session.title })} onClick={() => onOpen(session.id)}>
                  {session.title}
                </button>
              </th>
              <td>{t(`calibration.status.${session.status}`)}</td>
              <td>{f.num(session.tickets.length)}</td>
              <td>{f.num(session.participants.length)}</td>
              <td>{alpha ? alphaText(t, lang, alpha, true) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length < overview.sessions.length && (
        <button type="button" onClick={() => setAll(true)}>
          {t('calibration.dash.showAll', { count: overview.sessions.length })}
        </button>
      )}
    </>
  );
}

function Lowest({ overview }: { overview: CalibrationOverview }) {
  const { t, lang } = useI18n();
  return (
    <>
      <h3>{t('calibration.dash.lowest')}</h3>
      {overview.lowest.length === 0 ? (
        <p class="muted">{t('calibration.dash.lowest.none')}</p>
      ) : (
        <ol class="lowest">
          {overview.lowest.map((c) => (
            <li key={c.criterionId}>
              {c.title}: {alphaText(t, lang, c.overall, true)}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** An alpha to plot: none where it is undefined or rests on too few ratings to tell (the table says which). */
const plotted = (figure: AlphaFigure | null | undefined): number | null => (figure && !figure.tooFew ? figure.alpha : null);

/** The y range of alpha charts: up to 1, down to 0 or the lowest alpha shown (alpha can fall below 0). */
function alphaRange(values: readonly (number | null)[]): [number, number] {
  return [Math.min(0, ...values.filter((v): v is number => v !== null)), 1];
}

function ByMonth({ overview }: { overview: CalibrationOverview }) {
  const { t, lang } = useI18n();
  const f = useFormats();
  const labels = useMemo(() => overview.months.map(f.month), [overview, f]);
  const series = useMemo(
    () => overview.criteria.map((c, i) => ({ label: c.title, values: overview.months.map((m) => plotted(c.byMonth.get(m))), color: SERIES_COLORS[i % SERIES_COLORS.length]! })),
    [overview],
  );
  const range = useMemo(() => alphaRange(series.flatMap((s) => s.values)), [series]);
  return (
    <Chart title={t('calibration.dash.byMonth')} heading="h3" labels={labels} series={series} kind="line" formatY={f.alphaAxis} yRange={range} xLabel={t('calibration.dash.col.month')}>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('calibration.col.criterion')}</th>
              {overview.months.map((m) => (
                <th scope="col" key={m}>
                  {f.month(m)}
                </th>
              ))}
              <th scope="col">{t('calibration.dash.col.overall')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.criteria.map((c) => (
              <tr key={c.criterionId}>
                <th scope="row">{c.title}</th>
                {overview.months.map((m) => {
                  const figure = c.byMonth.get(m);
                  return <td key={m}>{figure ? alphaText(t, lang, figure, true) : '–'}</td>;
                })}
                <td>{alphaText(t, lang, c.overall, true)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Chart>
  );
}

function AlignmentTrend({ overview, roster }: { overview: CalibrationOverview; roster: Roster | null }) {
  const { t, lang } = useI18n();
  const f = useFormats();
  const nameOf = (email: string): string => nameOfAddress(roster, email);
  const labels = useMemo(() => overview.months.map(f.month), [overview, f]);
  const series = useMemo(
    () =>
      overview.alignment.map((row, i) => ({
        label: participantLabel(t, row.participant, nameOf),
        values: overview.months.map((m) => row.byMonth.get(m) ?? null),
        color: SERIES_COLORS[i % SERIES_COLORS.length]!,
      })),
    [overview, roster, t],
  );
  if (overview.alignment.length === 0) return null;
  return (
    <Chart title={t('calibration.dash.alignment')} heading="h3" labels={labels} series={series} kind="line" formatY={f.pctAxis} yRange={ALIGNMENT_RANGE} xLabel={t('calibration.dash.col.month')}>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('calibration.dash.col.participant')}</th>
              {overview.months.map((m) => (
                <th scope="col" key={m}>
                  {f.month(m)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {overview.alignment.map((row) => (
              <tr key={'email' in row.participant ? row.participant.email : row.participant.n}>
                <th scope="row">{participantLabel(t, row.participant, nameOf)}</th>
                {overview.months.map((m) => {
                  const value = row.byMonth.get(m);
                  return <td key={m}>{value === undefined ? '–' : formatPercent(lang, value)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Chart>
  );
}

/** Alignment is a share: 0–100 %. */
const ALIGNMENT_RANGE: [number, number] = [0, 1];

/** A whole session: every ticket side by side, and the agreeing (the facilitator or a lead). */
function OpenSession(props: { session: CalibrationSession; card: Scorecard | null; roster: Roster | null; onClose: () => void }) {
  const { session, card, roster, onClose } = props;
  const { t } = useI18n();
  // Its submitted ratings, by the session index (a participant's own draft is not part of the reveal).
  const ratings = useLive<CalibrationRatings[] | null>(
    async () => (await ratingsOfCalibration(session.id)).filter((r) => r.submittedAt !== null),
    [session.id],
    null,
  );
  const viewer = calibrationViewer(roster);
  const me = viewer.me;
  // A lead of the session's own team (a lead elsewhere is a reviewer here): the server's rule.
  const lead = viewer.leads(session.team);
  const figures = useMemo(() => (card && ratings ? revealFigures(session, card, ratings) : null), [session, card, ratings]);
  if (!card || !ratings || !figures) return null;
  const nameOf = (email: string): string => nameOfAddress(roster, email);
  const labels = session.participants.map((p) => participantLabel(t, shownParticipant(p), nameOf));
  const keys = session.tickets.map((x) => x.ticketKey);
  return (
    <section class="calibration-open" aria-label={session.title}>
      <h3>{session.title}</h3>
      <button type="button" onClick={onClose}>
        {t('calibration.dash.close')}
      </button>
      <RevealView session={session} card={card} figures={figures} labels={labels} ticketKeys={keys} />
      {session.revealedAt !== null && (
        <AgreePanel
          session={session}
          card={card}
          ratings={ratings}
          ticketKeys={keys}
          me={me}
          facilitates={facilitates(session, me, lead)}
          lead={lead}
          nameOf={nameOf}
          onSave={saveCalibrationSession}
        />
      )}
    </section>
  );
}

/** The dashboard's way to start a session: 1–10 ticket links, one per line. */
function StartFromLinks({ roster, settings, cards }: { roster: Roster; settings: TeamSettings[]; cards: Scorecard[] }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [done, setDone] = useState(false);
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const parsed = lines.map(ticketFromLink);
  const bad = parsed.findIndex((x) => x === null);
  const tickets: TicketRef[] | null =
    lines.length >= 1 && lines.length <= MAX_CALIBRATION_TICKETS && bad < 0 ? [...new Map(parsed.map((x) => [`${x!.helpdesk}:${x!.ticketId}`, x!])).values()] : null;
  return (
    <details class="start-from-links">
      <summary>{t('calibration.dash.start')}</summary>
      {done && (
        <p class="status" role="status">
          {t('calibration.start.started')}
        </p>
      )}
      <StartSessionForm
        roster={roster}
        settings={settings}
        cards={cards}
        tickets={tickets}
        onStart={async (session) => {
          await saveCalibrationSession(session);
          setText('');
          setDone(true);
        }}
      >
        <label for="cal-links">{t('calibration.start.tickets')}</label>
        <textarea id="cal-links" rows={4} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        {bad >= 0 && <p class="not-saved">{t('calibration.start.ticketsInvalid', { line: bad + 1 })}</p>}
      </StartSessionForm>
    </details>
  );
}
