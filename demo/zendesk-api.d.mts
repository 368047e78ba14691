// Types of demo/zendesk-api.mjs.
import type { tickets } from './tickets.mjs';

/** One page of a ticket's comments in Zendesk's shape (`/api/v2/tickets/<id>/comments.json?include=users`). */
export function commentsPage(ticket: (typeof tickets)[number], page: number, origin: string): unknown;
