// The team a new scorecard or coaching form is first published into: a lead of several teams chooses it
// (the editors' picker); everyone else publishes into their one team, or the organisation's (lib/sync
// publishingTeam). Kept apart from TeamPicker, which the sidebar uses: this reads the local database.
import { useEffect, useState } from 'preact/hooks';
import { TeamPicker } from '@/components/TeamPicker';
import { db } from '@/lib/db';
import { teamToChoose, type Versioned } from '@/lib/scorecards';
import { publishingTeam, publishingTeams, type RosterTeam } from '@/lib/sync';

/** Whether publishing `draft` asks its team first: a new series, and a lead of several teams. */
export async function asksForTeam(draft: Versioned): Promise<boolean> {
  return teamToChoose(draft) && (await publishingTeams(db())).length > 1;
}

/**
 * For an editor: the team picker to show for `draft` (null when there is nothing to choose), and the team
 * to publish it into (`publishTeam()`: the one chosen, else publishingTeam).
 */
export function usePublishTeam(draft: Versioned, id: string): { picker: preact.JSX.Element | null; publishTeam(): Promise<string | null> } {
  const [teams, setTeams] = useState<RosterTeam[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => {
    void publishingTeams(db()).then(setTeams);
  }, []);
  const picker = teamToChoose(draft) && teams.length > 1 ? <TeamPicker id={id} teams={teams} value={chosen ?? teams[0]!.id} onChange={setChosen} /> : null;
  return { picker, publishTeam: async () => chosen ?? (await publishingTeam(db())) };
}
