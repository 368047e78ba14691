// How the controls of a row in the list of scorecards or coaching forms name it: by its name, for a lead
// of several teams with its team (two teams' edits of one built-in share its name), and told apart by
// its language from a row that would be named the same (the built-in Finnish and English chat cards
// are both "Chat").
import type { Translate } from '@/lib/i18n';

type Named = { name: string; team: string | null };

/**
 * Whether a row would be named as another of `rows` is: by name, and where the rows say their team
 * (`byTeam`: a lead of several teams), by name and team.
 */
export function namedTwice(rows: readonly Named[], byTeam: boolean): (doc: Named) => boolean {
  const key = (doc: Named) => (byTeam ? `${doc.team ?? ''}\u0000${doc.name}` : doc.name);
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return (doc) => (counts.get(key(doc)) ?? 0) > 1;
}

/** The row's name in its controls: `team` is the row's team where the list says it (teamsOfRow in lib/scorecards). */
export function rowName(t: Translate, doc: Named & { language: string }, twice: (doc: Named) => boolean, team: { name: string } | undefined): string {
  const name = twice(doc) ? t('common.nameInLanguage', { name: doc.name, language: doc.language.toUpperCase() }) : doc.name;
  return team ? t('common.nameInTeam', { name, team: team.name }) : name;
}
