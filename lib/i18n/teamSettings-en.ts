// English strings of a team's settings: the lead's form on the administration page, and what they govern.
export const teamSettingsEn = {
  'teamSettings.title': 'Team settings',
  'teamSettings.window': 'Days an agent has to dispute a review',
  'teamSettings.window.help': 'From {min} to {max, plural, one {# day} other {# days}}, counted from the review. The team backend refuses disputes opened later.',
  'teamSettings.starters': 'Reviewers who may start calibration sessions',
  'teamSettings.starters.help': 'Leads always may.',
  'teamSettings.starters.none': 'This team has no reviewers.',
  'teamSettings.save': 'Save the settings of {team}',
  'teamSettings.saved': 'The settings of {team} are saved; the team gets them at the next sync.',
  'teamSettings.notSaved': 'The settings were not saved: {message}',
  'teamSettings.needsSync': 'The team settings can be edited once Arvio has synced with the team backend.',
  'teamSettings.windowClosed': 'In this team a review can be disputed for {days, plural, one {# day} other {# days}}; the time to dispute this one ended on {date}.',
  'sync.collection.teamSettings': 'Team settings',
};
export type TeamSettingsKey = keyof typeof teamSettingsEn;
