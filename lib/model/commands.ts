// Messages the content script receives. zod/mini keeps these parsers tiny: the content script's budget is 25 KB.
import * as z from 'zod/mini';

/**
 * Runtime ports to the background, named by the per-tab session id the content script puts in the
 * sidebar frame's URL fragment. The background pairs a page and its sidebar by the tab it sees them
 * in (`sender.tab.id`) and this session; neither end names a tab.
 */
export const PAGE_PORT_PREFIX = 'arvio-page:';
export const SIDEBAR_PORT_PREFIX = 'arvio-sidebar:';

/** A session as a port's name carries it (newSessionId's, or an older build's UUID). */
export const sessionIdSchema = z.string().check(z.regex(/^[0-9a-f-]{16,64}$/i));

/**
 * A new session: 128 random bits as 32 hex digits. From getRandomValues, which every page has:
 * crypto.randomUUID exists only in secure contexts, and a self-hosted helpdesk may be plain http.
 */
export function newSessionId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** What the sidebar asks of its page (relayed by the background to the page of the sidebar's own tab). */
const sidebarToPage = [
  z.object({ type: z.literal('refresh') }),
  z.object({ type: z.literal('close') }),
  /** How many self-check hints the current draft has, and how many touch the coaching focus, for the badge by the composer. */
  z.object({
    type: z.literal('hints'),
    count: z.number().check(z.int(), z.minimum(0), z.maximum(1000)),
    focus: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(1000))),
  }),
  /** Generic sites: pick the conversation region, or review the page's selected text by hand. */
  z.object({ type: z.literal('pick') }),
  z.object({ type: z.literal('useSelection') }),
  /** "Report this page": answer with an anonymised structural snapshot (a `pageReport` message). */
  z.object({ type: z.literal('reportPage') }),
] as const;

/** Background → content script, over the page's port: the sidebar's requests, and news of the sidebar. */
export const toContentSchema = z.discriminatedUnion('type', [
  ...sidebarToPage,
  /** A sidebar of this page connected (or connected again): send it the current state. */
  z.object({ type: z.literal('attached') }),
]);
export type ToContent = z.infer<typeof toContentSchema>;

/** Sidebar → background: requests for its page, and what only the background can do for a framed page. */
export const fromSidebarSchema = z.discriminatedUnion('type', [
  ...sidebarToPage,
  /** Firefox gives a framed extension page no `runtime.openOptionsPage`. */
  z.object({ type: z.literal('openOptions') }),
]);
export type FromSidebar = z.infer<typeof fromSidebarSchema>;

/** Background → content script (tabs.sendMessage). */
export const fromBackgroundSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('toggle') })]);
export type FromBackground = z.infer<typeof fromBackgroundSchema>;

/** Alt+Shift+A, the default of the manifest's toggle command; by key position so layouts agree. */
export function isToggleShortcut(event: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>): boolean {
  return event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyA';
}
