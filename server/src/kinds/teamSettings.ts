// A team's settings: written by a lead of that team (admins write any), in their own name; the
// reviewers it allows to start calibration and the agents it sets a coaching rhythm for are members
// of the team.
import { emailKey, type TeamSettings } from '../../../lib/model';
import { isTeamLead, type WriteRule } from './rule';

export const teamSettingsRule: WriteRule<'teamSettings'> = (request) => {
  const { me, members, change, current } = request;
  const doc = change.doc;
  if (!isTeamLead(request)) return 'a team’s settings are set by a lead of the team';
  if (emailKey(doc.updatedBy.id) !== me) return 'settings are saved in your own name (updatedBy must be you)';
  // Those named before may have left the team since; a name new here must be a member.
  const stored = current?.doc as Partial<TeamSettings> | undefined;
  const starters = new Set(stored?.calibrationStarters ?? []);
  const stranger = doc.calibrationStarters.find((who) => !starters.has(who) && !members.has(who));
  if (stranger !== undefined) return `${stranger} is not a member of this team (calibrationStarters)`;
  const coached = new Set((stored?.coachingRhythms ?? []).map((r) => r.agent));
  const outsider = doc.coachingRhythms.find((r) => !coached.has(r.agent) && !members.has(r.agent));
  return outsider === undefined ? null : `${outsider.agent} is not a member of this team (coachingRhythms)`;
};
