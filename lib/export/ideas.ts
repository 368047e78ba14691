// Ideas and obstacles as CSV for the lead: one row per idea, its latest reply, age in days.
import { ideaAgeDays } from '../ideas';
import type { Idea } from '../model';
import { BOM, csvLine, dialectFor, type CsvDelimiter } from './csv';

export function ideasCsv(ideas: readonly Idea[], teamName: (id: string) => string, now: Date, delimiter: CsvDelimiter = ','): string {
  const dialect = dialectFor(delimiter);
  const head = ['id', 'created_at', 'age_days', 'team', 'submitter', 'kind', 'category', 'status', 'title', 'text', 'ticket', 'replies', 'last_reply', 'shared'];
  const rows = ideas.map((i) =>
    csvLine(
      [
        i.id,
        i.createdAt,
        ideaAgeDays(i, now),
        teamName(i.team),
        i.submitter.id,
        i.kind,
        i.category,
        i.status,
        i.title,
        i.text,
        i.ticket ? `${i.ticket.helpdesk}:${i.ticket.ticketId}` : null,
        i.replies.length,
        i.replies.at(-1)?.text ?? null,
        i.shared,
      ],
      dialect,
    ),
  );
  return BOM + csvLine(head, dialect) + rows.join('');
}
