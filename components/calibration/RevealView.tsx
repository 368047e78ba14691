// The reveal: every participant's rating side by side per ticket and criterion, spread, agreement and alpha.
import { useState } from 'preact/hooks';
import {
  agreementShares,
  MIN_PAIRABLE_VALUES,
  type AlphaFigure,
  type PairAgreement,
  type RevealFigures,
  type ShownParticipant,
  type TicketFigures,
} from '@/lib/calibration';
import { formatDecimal, formatPercent, type Translate } from '@/lib/i18n';
import type { CalibrationSession, Language, Scorecard } from '@/lib/model';
import { useI18n } from '../i18n';

interface Props {
  session: CalibrationSession;
  card: Scorecard;
  figures: RevealFigures;
  /** Column headings per participant (names, or "Participant n" when names are not shown). */
  labels: readonly string[];
  /** The tickets to show (the sidebar shows the one in view; the dashboard all). */
  ticketKeys: readonly string[];
}

/** Alpha as the reveal says it: a figure with what it rests on, "too few ratings to tell", or undefined. */
export function alphaText(t: Translate, lang: Language, figure: AlphaFigure, short = false): string {
  if (figure.tooFew) return short ? t('calibration.alpha.tooFewShort', { pairable: figure.pairable }) : t('calibration.alpha.tooFew', { pairable: figure.pairable, min: MIN_PAIRABLE_VALUES });
  if (figure.alpha === null) return t('calibration.alpha.undefined');
  const alpha = formatDecimal(lang, figure.alpha, 3);
  return short ? t('calibration.alpha.value', { alpha, pairable: figure.pairable }) : t('calibration.alpha.session', { alpha, pairable: figure.pairable });
}

/** A participant's heading: their name, or "Participant n" where the reader may not know who (lib/calibration/names.ts). */
export function participantLabel(t: Translate, shown: ShownParticipant, nameOf: (email: string) => string): string {
  return 'email' in shown ? nameOf(shown.email) : t('calibration.participant', { n: shown.n });
}

function shares(lang: Language, agreement: PairAgreement): { exact: string; withinOne: string } {
  const s = agreementShares(agreement);
  return s ? { exact: formatPercent(lang, s.exact), withinOne: formatPercent(lang, s.withinOne) } : { exact: '–', withinOne: '–' };
}

/**
 * The session summary first (alpha, agreement per criterion, each participant's review score per
 * ticket beside the agreed one), then each ticket's ratings side by side in a disclosure: the first
 * open, the others built when opened (a big session's cells are most of the reveal's cost).
 */
export function RevealView({ session, card, figures, labels, ticketKeys }: Props) {
  const { t, lang } = useI18n();
  const total = shares(lang, figures.session.agreement);
  const score = (value: number | null): string => (value === null ? '–' : formatPercent(lang, value));
  const shown = figures.tickets.filter((x) => ticketKeys.includes(x.ticketKey));
  const ticketId = (key: string): string => session.tickets.find((x) => x.ticketKey === key)?.ticket.ticketId ?? key;
  return (
    <section class="reveal" aria-label={t('calibration.reveal.title')}>
      <h3>{t('calibration.reveal.title')}</h3>
      <p class="alpha" data-testid="session-alpha" data-alpha={figures.session.alpha.tooFew ? '' : String(figures.session.alpha.alpha ?? '')}>
        {alphaText(t, lang, figures.session.alpha)}
      </p>
      <p class="muted">{t('calibration.agreement.session', total)}</p>
      <div class="table-wrap">
        <table class="reveal-table" aria-label={t('calibration.perCriterion')}>
          <caption>{t('calibration.perCriterion')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('calibration.col.criterion')}</th>
              <th scope="col">{t('calibration.col.alpha')}</th>
              <th scope="col">{t('calibration.col.exact')}</th>
              <th scope="col">{t('calibration.col.withinOne')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.criteria.map((row) => {
              const s = shares(lang, row.agreement);
              return (
                <tr key={row.criterionId}>
                  <th scope="row">{card.criteria.find((c) => c.id === row.criterionId)?.title ?? row.criterionId}</th>
                  <td>{alphaText(t, lang, row.alpha, true)}</td>
                  <td>{s.exact}</td>
                  <td>{s.withinOne}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div class="table-wrap">
        <table class="reveal-scores" aria-label={t('calibration.scores')}>
          <caption>{t('calibration.scores')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('calibration.dash.col.participant')}</th>
              {shown.map((ticket) => (
                <th scope="col" key={ticket.ticketKey}>
                  {t('sidebar.ticket.id', { id: ticketId(ticket.ticketKey) })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, i) => (
              <tr key={`${label}-${i}`}>
                <th scope="row">{label}</th>
                {shown.map((ticket) => (
                  <td key={ticket.ticketKey}>{score(ticket.scores[i] ?? null)}</td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('calibration.scores.agreed')}</th>
              {shown.map((ticket) => (
                <td key={ticket.ticketKey}>{score(ticket.agreedScore)}</td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      {shown.map((ticket, i) => (
        <TicketRatings key={ticket.ticketKey} ticket={ticket} id={ticketId(ticket.ticketKey)} card={card} labels={labels} initiallyOpen={i === 0} score={score} />
      ))}
    </section>
  );
}

/** One ticket's ratings side by side, in a disclosure whose table is built when it is first opened. */
function TicketRatings(props: { ticket: TicketFigures; id: string; card: Scorecard; labels: readonly string[]; initiallyOpen: boolean; score: (value: number | null) => string }) {
  const { ticket, id, card, labels, score } = props;
  const { t, lang } = useI18n();
  const name = t('sidebar.ticket.id', { id });
  const [open, setOpen] = useState(props.initiallyOpen);
  const level = (value: number | 'na' | null): string => {
    if (value === null) return t('calibration.notRated');
    if (value === 'na') return t('calibration.na');
    return String(value + 1);
  };
  const levelTitle = (criterionId: string, value: number | 'na' | null): string | undefined =>
    typeof value === 'number' ? card.criteria.find((c) => c.id === criterionId)?.levels.find((l) => l.value === value)?.label : undefined;
  return (
    <details class="reveal-ticket" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('calibration.ticket.toggle', { id })}</summary>
      {open && (
        <div class="table-wrap">
          <table class="reveal-table" aria-label={name}>
            <caption>{name}</caption>
            <thead>
              <tr>
                <th scope="col">{t('calibration.col.criterion')}</th>
                {labels.map((label, i) => (
                  <th scope="col" key={`${label}-${i}`}>
                    {label}
                  </th>
                ))}
                <th scope="col">{t('calibration.col.spread')}</th>
                <th scope="col">{t('calibration.col.exact')}</th>
                <th scope="col">{t('calibration.col.withinOne')}</th>
                <th scope="col">{t('calibration.col.agreed')}</th>
              </tr>
            </thead>
            <tbody>
              {ticket.criteria.map((cell) => {
                const criterion = card.criteria.find((c) => c.id === cell.criterionId);
                const s = shares(lang, cell.agreement);
                return (
                  <tr key={cell.criterionId} data-criterion={cell.criterionId}>
                    <th scope="row">{criterion?.title ?? cell.criterionId}</th>
                    {cell.ratings.map((value, i) => (
                      <td key={i} title={levelTitle(cell.criterionId, value)}>
                        {level(value)}
                      </td>
                    ))}
                    <td>{cell.spread ?? '–'}</td>
                    <td>{s.exact}</td>
                    <td>{s.withinOne}</td>
                    <td>{cell.agreed ? level(cell.agreed.na ? 'na' : cell.agreed.value) : '–'}</td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('calibration.row.score')}</th>
                {ticket.scores.map((value, i) => (
                  <td key={i}>{score(value)}</td>
                ))}
                <td colSpan={3} />
                <td>{score(ticket.agreedScore)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </details>
  );
}
