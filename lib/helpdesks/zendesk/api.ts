// Zendesk's same-origin REST answer (/api/v2/tickets/<id>/comments.json?include=users) as messages; checked by hand, no zod.
import type { Channel, MessageRole, TicketMessage } from '../../model';
import { inertHtml, readableText } from '../dom';
import { Report, isoTime, oneLine } from '../thread-reader';

const MAX_TEXT = 200_000;
const MAX_ITEMS = 20_000;

/** The first page of a ticket's comments with their authors sideloaded (the agent UI's own session cookie). */
export function commentsUrl(pageUrl: URL, ticketId: string): string {
  return `${pageUrl.origin}/api/v2/tickets/${ticketId}/comments.json?include=users`;
}

interface ApiComment {
  id: number | string;
  author_id?: number | null;
  public?: boolean | null;
  html_body?: string | null;
  plain_body?: string | null;
  body?: string | null;
  created_at?: string | null;
  via?: { channel?: string | number | null } | null;
  attachments?: { file_name?: string | null }[] | null;
}

interface ApiUser {
  id: number;
  name?: string | null;
  role?: string | null;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isText = (value: unknown): boolean => value === undefined || value === null || typeof value === 'string';

function isComment(value: unknown): value is ApiComment {
  if (!isObject(value)) return false;
  const attachments = value.attachments;
  return (
    (typeof value.id === 'number' || typeof value.id === 'string') &&
    (value.author_id === undefined || value.author_id === null || typeof value.author_id === 'number') &&
    (value.public === undefined || value.public === null || typeof value.public === 'boolean') &&
    ['html_body', 'plain_body', 'body', 'created_at'].every((key) => isText(value[key])) &&
    (value.via === undefined || value.via === null || isObject(value.via)) &&
    (attachments === undefined ||
      attachments === null ||
      (Array.isArray(attachments) && attachments.every((file: unknown) => isObject(file) && isText(file.file_name))))
  );
}

function isUser(value: unknown): value is ApiUser {
  return isObject(value) && typeof value.id === 'number' && isText(value.name) && isText(value.role);
}

/** One page's comments and users, or an error naming what was wrong. */
function parseCommentsPage(json: unknown): { comments: ApiComment[]; users: ApiUser[] } {
  if (!isObject(json) || !Array.isArray(json.comments)) throw new TypeError('answer has no comments list');
  if (json.comments.length > MAX_ITEMS) throw new RangeError('too many comments');
  if (!json.comments.every(isComment)) throw new TypeError('answer holds something that is not a comment');
  return { comments: json.comments, users: Array.isArray(json.users) ? json.users.filter(isUser) : [] };
}

/** The next page to read: Zendesk's `next_page`, on the helpdesk's own origin only (the session cookie goes nowhere else). */
export function nextPageOf(json: unknown, origin: string): string | null {
  const next = isObject(json) ? json.next_page : null;
  return typeof next === 'string' && next.startsWith(`${origin}/`) ? next : null;
}

function roleOf(comment: ApiComment, user: ApiUser | undefined): MessageRole {
  if (comment.public === false) return 'internal';
  // Answer Bot's replies (answer_bot_api, answer_bot_for_web_widget, …) are the bot's, whoever the author user is.
  if (typeof comment.via?.channel === 'string' && comment.via.channel.startsWith('answer_bot')) return 'bot';
  const role = user?.role ?? '';
  if (role === 'agent' || role === 'admin') return 'agent';
  if (role === 'end-user') return 'customer';
  // Comments by triggers and the API have no user we know; an unknown author is treated as the customer.
  return comment.author_id === -1 ? 'system' : 'customer';
}

function textOf(comment: ApiComment): string {
  if (comment.html_body) {
    return readableText(inertHtml(comment.html_body));
  }
  return (comment.plain_body ?? comment.body ?? '').replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** Zendesk's via channels (email, web, native_messaging, chat, voice, api…) as a review channel; for the ticket's first comment. */
export function channelFromVia(channel: unknown): Channel | null {
  if (typeof channel !== 'string') return null;
  if (channel === 'email' || channel === 'web' || channel === 'api') return 'email';
  if (/messaging|chat|sms|whatsapp|facebook|twitter|instagram|line|wechat/.test(channel)) return 'chat';
  if (/voice|phone/.test(channel)) return 'call';
  return null;
}

/**
 * Every page's comments as messages, authors named from the `users` sideload. Pure: tested on saved
 * JSON. Throws when the answer is not what Zendesk sends (the adapter then reads the page).
 */
export function parseZendeskComments(pages: readonly unknown[]): { messages: TicketMessage[]; report: Report } {
  const report = new Report();
  const messages: TicketMessage[] = [];
  const users = new Map<number, ApiUser>();
  for (const json of pages) {
    const page = parseCommentsPage(json);
    for (const user of page.users) users.set(user.id, user);
    for (const comment of page.comments) {
      if (messages.length >= MAX_ITEMS) break;
      report.count('items');
      let text = textOf(comment).slice(0, MAX_TEXT);
      if (!text) {
        const names = (comment.attachments ?? []).map((file) => file.file_name ?? '').filter(Boolean);
        text = names.map((name) => `[attachment: ${oneLine(name, 200)}]`).join('\n');
        if (text) report.count('attachmentOnly');
      }
      if (!text) {
        report.tally('empty comment skipped');
        report.count('skipped');
        continue;
      }
      const user = typeof comment.author_id === 'number' ? users.get(comment.author_id) : undefined;
      if (!user) report.tally('author not in the users sideload');
      const role = roleOf(comment, user);
      report.count(role);
      messages.push({ id: String(comment.id).slice(0, 200), role, author: oneLine(user?.name ?? '', 300), at: isoTime(comment.created_at), text });
    }
  }
  report.counts.messages = messages.length;
  return { messages, report };
}
