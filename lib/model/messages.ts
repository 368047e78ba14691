// Messages between the content script, the sidebar and the background, parsed at every receiving end.
import { z } from 'zod';
import { ticketSnapshotSchema } from './ticket';

export { PAGE_PORT_PREFIX, SIDEBAR_PORT_PREFIX } from './commands';

export const composerDraftSchema = z.object({ text: z.string().max(100_000), mode: z.enum(['public', 'internal']) });
export type ComposerDraft = z.infer<typeof composerDraftSchema>;

/** Content script → its sidebar, relayed by the background (parsed there and again in the sidebar). */
const pageToSidebar = [
  z.object({ type: z.literal('snapshot'), snapshot: ticketSnapshotSchema }),
  /** The reply being written in the helpdesk's composer; null when there is no composer. */
  z.object({ type: z.literal('draft'), draft: composerDraftSchema.nullable() }),
  /** Open on a given view: the badge by the composer asks for the self-check. */
  z.object({ type: z.literal('show'), view: z.enum(['review', 'selfcheck']) }),
  /** The answer to `reportPage`: the page's structure with every text masked, and where it was. */
  z.object({ type: z.literal('pageReport'), url: z.string().max(2000), html: z.string().max(5_000_000) }),
  /**
   * How the open sidebar was fitted: what made room for it (the adapter's main container or the
   * whole page), whether it had to end above the composer because the page could not make room,
   * and the page's width (the sidebar is denser on small screens).
   */
  z.object({
    type: z.literal('layout'),
    room: z.enum(['helpdesk', 'page']),
    shortened: z.boolean(),
    viewport: z.number().int().min(0).max(100_000),
  }),
] as const;

export const fromPageSchema = z.discriminatedUnion('type', [...pageToSidebar]);
export type FromPage = z.infer<typeof fromPageSchema>;

/**
 * Background → sidebar: its page's messages, notice that the database changed (any tab, any sync), and
 * whether this frame is docked by Arvio's content script in its tab (only then is it served data).
 */
export const toSidebarSchema = z.discriminatedUnion('type', [
  ...pageToSidebar,
  z.object({ type: z.literal('changed') }),
  z.object({ type: z.literal('dock'), docked: z.boolean() }),
]);
export type ToSidebar = z.infer<typeof toSidebarSchema>;

export {
  toContentSchema,
  fromSidebarSchema,
  fromBackgroundSchema,
  type ToContent,
  type FromSidebar,
  type FromBackground,
} from './commands';
