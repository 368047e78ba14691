// What waits for the user in disputes and ideas: the open disputes they are to resolve, and the count the
// toolbar badge shows for this area.
import { ideasWaiting } from '../ideas';
import { emailKey, leadsTeam, type Dispute, type Idea, type TeamRoles } from '../model';

/** The user as the waiting count sees them: their e-mail, and their roles from the team roster (lib/model/team TeamRoles). */
export interface Viewer extends TeamRoles {
  email: string;
  role: 'admin' | 'lead' | 'reviewer' | 'agent';
}


/**
 * The open disputes waiting for `viewer`, oldest first: a reviewer's are those of their own reviews; a
 * lead's (or admin's) every open one of the teams they lead. Never the user's own dispute: nobody
 * resolves their own.
 */
export function disputesWaiting(disputes: Iterable<Dispute>, viewer: Viewer): Dispute[] {
  const me = emailKey(viewer.email);
  const waiting: Dispute[] = [];
  for (const d of disputes) {
    if (d.deleted || d.status !== 'open' || emailKey(d.agent.id) === me) continue;
    if (emailKey(d.reviewer.id) === me || leadsTeam(viewer, d.team)) waiting.push(d);
  }
  return waiting.sort((a, b) => (a.reopenedAt ?? a.openedAt).localeCompare(b.reopenedAt ?? b.openedAt));
}

/**
 * The toolbar count of this area: open disputes the user is to resolve, plus ideas waiting for them
 * (a lead's to triage, the submitter's answered since last seen: lib/ideas ideasWaiting). Inputs are
 * what this profile holds: lib/db listDisputes, listIdeas and ideasSeen, and the roster's me.
 */
export function countWaiting(disputes: Iterable<Dispute>, ideas: Iterable<Idea>, viewer: Viewer, seenIdeas: Readonly<Record<string, string>>): number {
  return disputesWaiting(disputes, viewer).length + ideasWaiting(ideas, viewer, seenIdeas).length;
}
