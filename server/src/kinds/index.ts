// Each synced kind's write rule on the server: one entry per kind of the registry (lib/model/kinds.ts).
import type { KindName } from '../../../lib/model';
import { calibrationRatingsRule } from './calibrationRatings';
import { calibrationSessionsRule } from './calibrationSessions';
import { coachingActionsRule } from './coachingActions';
import { coachingFormsRule } from './coachingForms';
import { coachingNotesRule } from './coachingNotes';
import { coachingSessionsRule } from './coachingSessions';
import { disputesRule } from './disputes';
import { ideasRule } from './ideas';
import { reviewsRule } from './reviews';
import type { WriteRule } from './rule';
import { scorecardsRule } from './scorecards';
import { selfChecksRule } from './selfChecks';
import { teamSettingsRule } from './teamSettings';

export const writeRules: { [K in KindName]: WriteRule<K> } = {
  reviews: reviewsRule,
  scorecards: scorecardsRule,
  selfChecks: selfChecksRule,
  calibrationSessions: calibrationSessionsRule,
  calibrationRatings: calibrationRatingsRule,
  coachingForms: coachingFormsRule,
  coachingSessions: coachingSessionsRule,
  coachingActions: coachingActionsRule,
  coachingNotes: coachingNotesRule,
  disputes: disputesRule,
  ideas: ideasRule,
  teamSettings: teamSettingsRule,
};

export { sameExcept, type DocAccess, type WriteRule } from './rule';
