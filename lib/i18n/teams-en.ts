// English strings of team ownership: which team a new document belongs to.
export const teamsEn = {
  'teams.label': 'Team',
  'teams.none': 'You and the reviewed person share no team in which you review: choose someone from your team.',
} as const;

export type TeamsKey = keyof typeof teamsEn;
