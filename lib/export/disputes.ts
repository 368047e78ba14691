// The dashboard's dispute figures as CSV (one table: per reviewer, per criterion, time to resolve) and JSON.
import type { DisputeFigures } from '../disputes';
import { BOM, CsvNumber, csvLine, dialectFor, type CsvDelimiter } from './csv';

export const DISPUTE_FIGURES_FORMAT = 'arvio-dispute-figures';

/** Rows of `section,key,name,…` so one sheet holds all three tables; shares are fractions 0…1. */
export function disputeFiguresCsv(figures: DisputeFigures, delimiter: CsvDelimiter = ','): string {
  const dialect = dialectFor(delimiter);
  const lines = [csvLine(['section', 'id', 'name', 'disputes', 'open', 'accepted', 'partially', 'rejected', 'answered', 'overturned', 'share_overturned', 'hours'], dialect)];
  for (const r of figures.perReviewer) {
    lines.push(csvLine(['reviewer', r.reviewer.id, r.reviewer.name, r.opened, r.open, r.accepted, r.partially, r.rejected, null, null, null, null], dialect));
  }
  for (const c of figures.perCriterion) {
    lines.push(csvLine(['criterion', c.criterionId, null, null, null, null, null, null, c.answered, c.overturned, new CsvNumber(c.share, 4), null], dialect));
  }
  const { median, mean } = figures.resolveHours;
  lines.push(csvLine(['resolve_hours_median', null, null, figures.total, figures.open, null, null, null, null, null, null, median === null ? null : new CsvNumber(median, 2)], dialect));
  lines.push(csvLine(['resolve_hours_mean', null, null, figures.total, figures.open, null, null, null, null, null, null, mean === null ? null : new CsvNumber(mean, 2)], dialect));
  return BOM + lines.join('');
}

export function disputeFiguresJson(figures: DisputeFigures, period: { from: string; to: string }, now: Date = new Date()): string {
  return JSON.stringify({ format: DISPUTE_FIGURES_FORMAT, version: 1, exportedAt: now.toISOString(), period, ...figures }, null, 2);
}
