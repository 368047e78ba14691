// English strings of the docked sidebar's layout (width, rail, fitting beside the helpdesk) and its first run.
export const layoutEn = {
  'dock.resize': 'Sidebar width',
  'dock.resize.value': '{width, plural, one {# pixel} other {# pixels}}',
  'dock.collapse': 'Collapse Arvio to a narrow rail',
  'dock.expand': 'Expand Arvio',
  'dock.rail.hints': '{count, plural, one {# self-check hint} other {# self-check hints}}',
  'dock.rail.score': 'Review score {score}',
  'dock.rail.noScore': 'No review score yet',
  'dock.shortened':
    'This page could not make room for Arvio beside it, so the sidebar ends above the reply editor and its send button.',
  'dock.diagnostics.room': 'room made by: {by}',
  'dock.diagnostics.room.helpdesk': "the helpdesk's main view",
  'dock.diagnostics.room.page': 'the whole page',
  'dock.diagnostics.shortened': 'sidebar: ends above the composer',

  'review.describe': 'Show the description of {criterion}',

  'firstRun.title': 'Before your first review',
  'firstRun.body':
    "Your reviews carry your name and e-mail. Enter them here, or connect to your team's backend, which supplies them.",
  'firstRun.name': 'Your name',
  'firstRun.email': 'Your e-mail',
  'firstRun.save': 'Save and continue',
  'firstRun.invalid': 'Enter your name and a valid e-mail address.',
  'firstRun.backend': 'Connect to a team backend',
} as const;
