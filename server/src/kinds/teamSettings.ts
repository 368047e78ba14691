// A team's settings: written by a lead of that team (admins write any), in their own name; the
// reviewers it allows to start calibration are members of the team.
import type { TeamSettings } from '../../../lib/model/teamSettings';
import type { WriteRule } from './rule';
import { isTeamLead, normalized } from './rule';

export const teamSettingsRule: WriteRule<'teamSettings'> = (request) => {
  const { me, members, change, current } = request;
  const doc = change.doc;
  if (!isTeamLead(request)) return 'a team’s settings are set by a lead of the team';
  if (normalized(doc.updatedBy.id) !== me) return 'settings are saved in your own name (updatedBy must be you)';
  // Those named before may have left the team since; a name new here must be a member.
  const before = new Set((current?.doc as TeamSettings | undefined)?.calibrationStarters ?? []);
  const stranger = doc.calibrationStarters.find((who) => !before.has(who) && !members.has(who));
  return stranger === undefined ? null : `${stranger} is not a member of this team (calibrationStarters)`;
};
