// Messages between the content script, the sidebar and the background, parsed at every receiving end.
import { z } from 'zod';
import { ticketSnapshotSchema } from './ticket';

export { SIDEBAR_PORT_PREFIX } from './commands';

/** Content script → sidebar, over the port the content script opens to its own iframe. */
export const toSidebarSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('snapshot'), snapshot: ticketSnapshotSchema }),
]);
export type ToSidebar = z.infer<typeof toSidebarSchema>;

export { toContentSchema, fromBackgroundSchema, type ToContent, type FromBackground } from './commands';
