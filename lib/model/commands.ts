// Messages the content script receives. zod/mini keeps these parsers tiny: the content script's budget is 25 KB.
import * as z from 'zod/mini';

export const SIDEBAR_PORT_PREFIX = 'arvio-sidebar:';

/** Sidebar → content script. */
export const toContentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('refresh') }),
  z.object({ type: z.literal('close') }),
  /** How many self-check hints the current draft has, for the badge by the composer. */
  z.object({ type: z.literal('hints'), count: z.number().check(z.int(), z.minimum(0), z.maximum(1000)) }),
  /** Generic sites: pick the conversation region, or review the page's selected text by hand. */
  z.object({ type: z.literal('pick') }),
  z.object({ type: z.literal('useSelection') }),
  /** "Report this page": answer with an anonymised structural snapshot (a `pageReport` message). */
  z.object({ type: z.literal('reportPage') }),
]);
export type ToContent = z.infer<typeof toContentSchema>;

/** Background → content script (tabs.sendMessage). */
export const fromBackgroundSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('toggle') })]);
export type FromBackground = z.infer<typeof fromBackgroundSchema>;

/** Alt+Shift+A, the default of the manifest's toggle command; by key position so layouts agree. */
export function isToggleShortcut(event: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>): boolean {
  return event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyA';
}
