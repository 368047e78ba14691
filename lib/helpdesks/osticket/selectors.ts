// Every osTicket (staff panel) selector, as ordered candidates: newest UI first, older variants kept and dated.
//
// Learned from osTicket's templates: include/staff/templates/thread-entry.tmpl.php (1.10–1.18, 2016–2025)
// and include/staff/ticket-view.inc.php. The staff panel is server-rendered and self-hosted.

/** Present on staff-panel pages (ticket view and ticket queues). */
export const pageMarker = ['#ticket_thread', '#thread-items', '#ticketThread', '#nav .active', '#content'] as const;

/** The ticket view; one ticket per page. */
export const ticketPane = ['#content'] as const;

/** Present only on a ticket's page (a queue has none). */
export const threadContainer = ['#ticket_thread', '#thread-items', '#ticketThread'] as const;

export const subject = [
  // 1.10+ (2016–): subject heading above the thread.
  '.tixTitle h3',
  '.tixTitle',
  // 1.9 and before (2014–2016).
  '#ticket_thread .thread-entry .header .title',
] as const;

/** One entry: `.message` (user), `.response` (agent), `.note` (internal) or `.system`. */
export const threadEntry = [
  '.thread-entry',
  // 1.9 and before (2014–2016): tables per entry.
  '.thread-entry-table',
] as const;

export const entryBody = ['.thread-body > div:first-child', '.thread-body'] as const;
export const entryAuthor = ['.header b', '.header .name'] as const;
export const entryTime = ['.header time[datetime]', '[datetime]'] as const;
/** The entry anchor `<a name="entry-123">` names the entry id. */
export const entryAnchor = ['a[name^="entry-"]'] as const;
export const entryAttachments = ['.attachments .filename', '.attachments a[download]'] as const;
export const entrySkip = ['.attachments'] as const;

/** The source (email, phone, web, api) shown in the ticket's info table. */
export const ticketSource = ['[data-source]', '#ticket-source'] as const;

/** Reply and internal-note editors (redactor). */
export const noteEditor = ['#internal_note_form .redactor-editor[contenteditable="true"]', '#internal_note'] as const;
export const replyEditor = ['#reply .redactor-editor[contenteditable="true"]', '#response'] as const;
