// The docked sidebar's size, remembered per helpdesk site: the sidebar writes it, the content script follows it. zod/mini: the content script reads this module.
import * as z from 'zod/mini';

/** storage.local key of a site's dock size (the site is the helpdesk page's origin). */
export const dockSizeKey = (origin: string): string => `arvio.dock:${origin}`;

export const DOCK_DEFAULT_WIDTH = 400;
export const DOCK_MIN_WIDTH = 300;
/** The collapsed sidebar: a rail with the hint count and the review score. */
export const DOCK_RAIL_WIDTH = 48;

export const dockSizeSchema = z.object({ width: z.number(), collapsed: z.boolean() });
export type DockSize = z.infer<typeof dockSizeSchema>;

/** The widest the sidebar may be in a viewport this wide (60 % of it). */
export const dockMaxWidth = (viewport: number): number => Math.max(DOCK_MIN_WIDTH, Math.round(viewport * 0.6));

/**
 * The width the sidebar takes in a viewport this wide: the rail, or the chosen width within bounds.
 * `stored` is read as it is in storage (the content script checks its shape here: zod's object
 * parser would cost the content script's budget more than this check does).
 */
export function dockWidth(stored: unknown, viewport: number): number {
  const size = stored as Partial<DockSize> | null | undefined;
  if (size?.collapsed === true) return DOCK_RAIL_WIDTH;
  const chosen = typeof size?.width === 'number' && Number.isFinite(size.width) ? size.width : DOCK_DEFAULT_WIDTH;
  return Math.round(Math.min(dockMaxWidth(viewport), Math.max(DOCK_MIN_WIDTH, chosen)));
}
