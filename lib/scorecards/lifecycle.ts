// Scorecard lifecycle as pure steps: draft a new version, publish, archive, duplicate, edit helpers.
import { isShippedBuiltIn, teamEditId, teamsWithoutEdit, type Criterion, type Language, type Scorecard } from '../model';
import { SCALE_LABELS } from './scale';

/** Timestamps are stored as ISO text; callers pass a Date so tests can fix the clock. */
function iso(now: Date): string {
  return now.toISOString();
}

/** What scorecards and coaching forms share: documents published in immutable versions. */
export interface Versioned {
  version: number;
  status: 'draft' | 'published' | 'archived';
  updatedAt: string;
  publishedAt: string | null;
  team: string | null;
}

/**
 * Editing starts here. A published (or archived) card is immutable, because reviews point at its
 * id + version; editing it yields the next version as a draft under the same id. A draft is
 * already editable and comes back unchanged (as a copy).
 *
 * A built-in as shipped is every profile's, and a series keeps the team of its first version: edited in
 * a profile that publishes into a team (`team`: publishingTeam in lib/sync), its next version starts the
 * team's own series (`teamEditId`), so each team's edit of it is theirs and two teams' never collide.
 * Without a team (no backend, or an admin's edit for the whole organisation) it stays under its own id.
 */
export function newDraftFrom<T extends Versioned & { id: string; templateId: string | null }>(card: T, now: Date, team: string | null): T {
  const copy = structuredClone(card);
  if (card.status === 'draft') return copy;
  const teamEdit = team !== null && isShippedBuiltIn(card);
  return {
    ...copy,
    id: teamEdit ? teamEditId(card.id, team) : card.id,
    team: teamEdit ? team : copy.team,
    version: card.version + 1,
    status: 'draft',
    updatedAt: iso(now),
    publishedAt: null,
  };
}

/**
 * A list row of a card or coaching form, for a user who publishes into `teams` (a lead's): when they
 * are several, whose the card is (`team`), and for a built-in as shipped, the teams with no edit of it
 * yet, each of which an "Edit for" starts (`editFor`). A lead of one team just edits.
 */
export function teamsOfRow<T extends { id: string }>(
  doc: { id: string; templateId: string | null; version: number; team: string | null },
  all: readonly { id: string }[],
  teams: readonly T[],
): { team: T | undefined; editFor: T[] } {
  if (teams.length < 2) return { team: undefined, editFor: [] };
  const unedited = new Set(isShippedBuiltIn(doc) ? teamsWithoutEdit(all, doc.id, teams.map((t) => t.id)) : []);
  return { team: teams.find((t) => t.id === doc.team), editFor: teams.filter((t) => unedited.has(t.id)) };
}

/**
 * Whether a draft's team is still to choose: a new series (a new card or form, a copy) has none until it
 * is first published. A later version keeps its series' team, and a team's edit of a built-in is named
 * after its team.
 */
export function teamToChoose(draft: Versioned): boolean {
  return draft.status === 'draft' && draft.team === null;
}

/**
 * Publishing freezes this version; publishing a published card again changes nothing. A card (or
 * form) of no team yet (its first version) is published into `team` (the lead's choice among
 * publishingTeams in lib/sync, else publishingTeam; null: for the whole organisation, which only an admin
 * may do); later versions keep their series' team.
 */
export function publish<T extends Versioned>(card: T, now: Date, team: string | null): T {
  if (card.status === 'published') return structuredClone(card);
  const at = iso(now);
  return { ...structuredClone(card), team: card.team ?? team, status: 'published', updatedAt: at, publishedAt: at };
}

/** Archived cards are no longer offered for new reviews; old reviews still read them. */
export function archive<T extends Versioned>(card: T, now: Date): T {
  if (card.status === 'archived') return structuredClone(card);
  return { ...structuredClone(card), status: 'archived', updatedAt: iso(now) };
}

/** A copy to change freely: new id, version 1, a draft; it keeps the template it came from. */
export function duplicate(card: Scorecard, newId: string, now: Date, nameSuffix: string): Scorecard {
  const at = iso(now);
  return {
    ...structuredClone(card),
    id: newId,
    version: 1,
    // A new series: its team is chosen when it is published.
    team: null,
    status: 'draft',
    // The schema caps names at 300 characters; a long name plus suffix must still save.
    name: `${card.name}${nameSuffix}`.slice(0, 300),
    createdAt: at,
    updatedAt: at,
    publishedAt: null,
  };
}

/**
 * Moves a criterion `delta` places among the criteria of its own group (the editor shows criteria
 * by group, so a move across an invisible neighbour of another group would look like nothing
 * happened). Clamped at the ends; an unknown id returns the card unchanged.
 */
export function moveCriterion(card: Scorecard, criterionId: string, delta: number): Scorecard {
  const from = card.criteria.findIndex((c) => c.id === criterionId);
  if (from < 0 || delta === 0) return card;
  const groupId = card.criteria[from]!.groupId;
  const slots: number[] = [];
  card.criteria.forEach((c, i) => {
    if (c.groupId === groupId) slots.push(i);
  });
  const pos = slots.indexOf(from);
  const target = Math.max(0, Math.min(slots.length - 1, pos + Math.trunc(delta)));
  if (target === pos) return card;

  // Reorder the group's members among themselves, then put them back into the same slots:
  // criteria of other groups keep their places.
  const members = slots.map((i) => card.criteria[i]!);
  const [moved] = members.splice(pos, 1);
  members.splice(target, 0, moved!);
  const criteria = card.criteria.slice();
  slots.forEach((slot, k) => {
    criteria[slot] = members[k]!;
  });
  return { ...card, criteria };
}

/** A new criterion on a 4-point scale with empty targets for the lead to describe. */
export function blankCriterion(groupId: string, id: string, lang: Language = 'fi'): Criterion {
  const labels = SCALE_LABELS.four[lang];
  return {
    id,
    groupId,
    title: lang === 'fi' ? 'Uusi kriteeri' : 'New criterion',
    description: '',
    weight: 1,
    scale: 'four',
    levels: labels.map((label, value) => ({ value, label, target: '' })),
    naAllowed: false,
    critical: null,
    selfCheckable: false,
  };
}

/** A new, valid card to start from: one group, one criterion, pass mark 80 %. */
export function blankScorecard(id: string, lang: Language, now: Date): Scorecard {
  const at = iso(now);
  return {
    id,
    version: 1,
    team: null,
    status: 'draft',
    name: lang === 'fi' ? 'Uusi arviointilomake' : 'New scorecard',
    language: lang,
    channels: ['email'],
    passMark: 80,
    groups: [{ id: 'g1', title: lang === 'fi' ? 'Aloitus' : 'Opening', kind: 'phase' }],
    criteria: [blankCriterion('g1', 'c1', lang)],
    createdAt: at,
    updatedAt: at,
    publishedAt: null,
    templateId: null,
  };
}
