// Finnish strings of team ownership: which team a new document belongs to.
import type { TeamsKey } from './teams-en';

export const teamsFi: Record<TeamsKey, string> = {
  'teams.label': 'Tiimi',
  'teams.none': 'Sinulla ja arvioitavalla ei ole yhteistä tiimiä, jossa arvioit: valitse arvioitava omasta tiimistäsi.',
};
