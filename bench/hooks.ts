// The timeline entries `npm run bench` reads inside the extension. Product code calls these only under
// `import.meta.env.ARVIO_BENCH`, which is true only in bench/run.mjs's build: other builds drop them.

/** The content script's read of the page: bench/run.mjs's extract.zendesk.* and content.ticket-switch.work. */
export const READ_MEASURE = 'arvio:read';
/** A ticket shown in the sidebar: bench/run.mjs's sidebar.toggle-to-first-render and sidebar.ticket-switch-to-shown. */
export const TICKET_RENDERED_MARK = 'arvio:ticket-rendered';

/** One entry at a time on the page's timeline: cheap and bounded however long the page stays open. */
export function measureRead(startMs: number): void {
  performance.clearMeasures(READ_MEASURE);
  performance.measure(READ_MEASURE, { start: startMs, end: performance.now() });
}

/**
 * Marks the ticket pane's first render; wall-clock time in the detail, as the bench compares it with
 * the page's clock in another process. No UI library here: the content script imports this module,
 * and an import of preact would bring all of it into the content script.
 */
export function markTicketRendered(): void {
  performance.mark(TICKET_RENDERED_MARK, { detail: Date.now() });
}
