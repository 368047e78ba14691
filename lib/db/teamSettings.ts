// Team settings in the database: those of the user's teams as pulled, and a lead's save (synced).
import { teamSettingsSchema, type TeamSettings } from '../model';
import { db } from './database';
import { writeSynced } from './writes';

/** The settings of every team this profile holds them for (a person's teams are few). */
export async function listTeamSettings(): Promise<TeamSettings[]> {
  return db().teamSettings.toArray();
}

/** Saves a team's settings (made by lib/teamSettings newTeamSettings), queued for the team backend. */
export async function saveTeamSettings(settings: TeamSettings): Promise<TeamSettings> {
  const valid = teamSettingsSchema.parse(settings);
  const database = db();
  return writeSynced(database, ['teamSettings'], 'local', async (writer) => {
    const before = await database.teamSettings.get(valid.id);
    await writer.put('teamSettings', [valid], { before: [before], at: valid.updatedAt });
    return valid;
  });
}
