// Who uses the dashboard: the team backend's account and role when connected, else the settings' identity.
import { useLive } from '@/components/useLive';
import { db, getSettings } from '@/lib/db';
import type { Viewer } from '@/lib/disputes';
import type { Person, RosterMember } from '@/lib/model';
import { readRoster, selfPerson } from '@/lib/sync';

export interface Me extends Viewer {
  person: Person;
  /** The members the roster lets this user name (agents a wrong-agent dispute may move a review to). */
  members: readonly RosterMember[];
}

/** `active`: false while no view shown needs to know (nothing is read then); undefined until read. */
export function useMe(active = true): Me | null | undefined {
  return useLive<Me | null | undefined>(
    async () => {
      if (!active) return undefined;
      const [settings, roster] = await Promise.all([getSettings(), readRoster(db())]);
      const person = selfPerson(settings.identity, roster);
      if (!person) return null;
      // Without a backend the profile is one person's own: its reviews are theirs to answer for.
      return { person, email: person.id, role: roster?.me.role ?? 'reviewer', teams: roster?.teams, members: roster?.members ?? [] };
    },
    [active],
    undefined,
  );
}
