// Types of the demo's markup builder (render.js is plain browser JS, no build step).
import type { DemoTicket } from '../tickets.mjs';
import type { TicketMessage } from '../../lib/model/ticket';

export type GroupMode = 'standalone' | 'first' | 'middle' | 'last';
export const ui: Record<string, string>;
export function initials(name: string): string;
export function formatTime(iso: string, lang?: 'fi' | 'en'): string;
export function groupModes(ticket: DemoTicket): GroupMode[];
export function createMessageItem(doc: Document, ticket: DemoTicket, message: TicketMessage, mode?: GroupMode): HTMLElement;
export function createLog(doc: Document, ticket: DemoTicket): HTMLElement;
export function setComposerMode(composer: Element, ticket: DemoTicket, mode: 'public' | 'internal'): void;
export function createComposer(doc: Document, ticket: DemoTicket): HTMLElement;
export function createTicketPane(doc: Document, ticket: DemoTicket, options?: { hidden?: boolean }): HTMLElement;
