// Ideas and obstacles, the pure domain: the one place an idea is made, the lead's triage (a reply is
// required for done and won't do), sharing, the list's filters, and what waits for whom.
import { DAY_MS, emailKey, ideaSchema, leadsTeam, type Idea, type IdeaCategory, type IdeaStatus, type Person, type TeamRoles, type TicketRef } from '../model';

export const IDEA_STATUSES: readonly IdeaStatus[] = ['new', 'considering', 'inProgress', 'done', 'wontDo'];
export const IDEA_CATEGORIES: readonly IdeaCategory[] = ['process', 'tools', 'knowledgeBase', 'product', 'other'];

/** Statuses that close an idea: they need a reply saying what was done, or why not. */
export const needsReply = (status: IdeaStatus): boolean => status === 'done' || status === 'wontDo';

export interface IdeaInput {
  id: string;
  /** The server's id of the team it is sent to. */
  team: string;
  submitter: Person;
  kind: Idea['kind'];
  category: IdeaCategory;
  title: string;
  text: string;
  /** The ticket in view, when the submitter links it; its text only when they chose to copy it. */
  ticket: TicketRef | null;
  ticketText: string | null;
  now: Date;
}

/** The one place an idea document is made: new, unanswered and private. Throws what the schema refuses. */
export function newIdea({ id, team, submitter, kind, category, title, text, ticket, ticketText, now }: IdeaInput): Idea {
  const at = now.toISOString();
  return ideaSchema.parse({
    id,
    team,
    submitter: { id: emailKey(submitter.id), name: submitter.name },
    kind,
    category,
    title: title.trim(),
    text: text.trim(),
    ticket,
    ticketText: ticket ? ticketText : null,
    status: 'new',
    replies: [],
    shared: false,
    createdAt: at,
    updatedAt: at,
    deleted: false,
  });
}

export interface Triage {
  status: IdeaStatus;
  /** The lead's reply ('' for none); required for done and won't do. */
  reply: string;
  category: IdeaCategory;
  shared: boolean;
  by: Person;
  now: Date;
}

/** The lead's triage: status, an appended reply, category and sharing. Throws when done / won't do has no reply. */
export function triage(idea: Idea, { status, reply, category, shared, by, now }: Triage): Idea {
  const at = now.toISOString();
  const text = reply.trim();
  const replies = text === '' ? idea.replies : [...idea.replies, { by, at, text, status }];
  if (needsReply(status) && text === '' && status !== idea.status) throw new Error(`"${status}" needs a reply`);
  return ideaSchema.parse({ ...idea, status, category, shared, replies, updatedAt: at });
}

export interface IdeaFilter {
  status: IdeaStatus | null;
  category: IdeaCategory | null;
  team: string | null;
}

export function filterIdeas(ideas: readonly Idea[], { status, category, team }: IdeaFilter): Idea[] {
  return ideas.filter((i) => !i.deleted && (status === null || i.status === status) && (category === null || i.category === category) && (team === null || i.team === team));
}

/** The user as the waiting count sees them (lib/disputes' Viewer has the same shape). */
export interface IdeaViewer extends TeamRoles {
  email: string;
}

/**
 * What waits for the user in ideas: for a lead, others' ideas still new in the teams they lead (to
 * triage); for everyone, their own ideas answered or moved since they last looked (`seen`: idea id →
 * the updatedAt they saw).
 */
export function ideasWaiting(ideas: Iterable<Idea>, viewer: IdeaViewer, seen: Readonly<Record<string, string>>): Idea[] {
  const me = emailKey(viewer.email);
  const out: Idea[] = [];
  for (const idea of ideas) {
    if (idea.deleted) continue;
    const mine = idea.submitter.id.toLowerCase() === me;
    if (mine && idea.status !== 'new' && (seen[idea.id] ?? '') < idea.updatedAt) out.push(idea);
    else if (!mine && idea.status === 'new' && leadsTeam(viewer, idea.team)) out.push(idea);
  }
  return out;
}

/** Whole days since it was submitted. */
export function ideaAgeDays(idea: Pick<Idea, 'createdAt'>, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(idea.createdAt)) / DAY_MS));
}
