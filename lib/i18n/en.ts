// English UI strings. Finnish (fi.ts) must have every key: the type checker and a test insist.
import { reviewEn } from './review-en';
import { selfCheckEn } from './selfcheck-en';
import { contentEn } from './content';
import { scorecardsEn } from './scorecards-en';
import { syncEn } from './sync-en';
import { dashboardEn } from './dashboard-en';
import { sitesEn } from './sites-en';
import { storageEn } from './storage-en';
import { teamsEn } from './teams-en';
import { disputesEn } from './disputes-en';
import { ideasEn } from './ideas-en';
import { coachingEn } from './coaching-en';
import { coachingEvidenceEn } from './coaching-evidence-en';
import { coachingPlanEn } from './coaching-plan-en';
import { calibrationEn } from './calibration-en';
import { calibrationDisclosureEn } from './calibration-disclosure-en';
import { layoutEn } from './layout-en';
import { figuresEn } from './figures-en';
import { exportEn } from './export-en';
import { adminEn } from './admin-en';
import { teamSettingsEn } from './teamSettings-en';
import { dockingEn } from './docking-en';

export const en = {
  'app.name': 'Arvio',
  'common.loading': 'Loading…',
  'common.underADay': 'under a day',
  'common.week': 'Week {week}, {year}',
  'common.save': 'Save',
  'common.saved': 'Saved',
  'common.cancel': 'Cancel',
  'common.editFor': 'Edit for {team}',
  'common.editForOf': 'Edit for {team}: {name}',
  'common.team': 'Team: {team}',
  'common.nameInTeam': '{name} ({team})',
  'common.nameInLanguage': '{name} ({language})',
  'common.error': 'Something went wrong: {message}',
  'common.error.noAnswer': "Arvio's background process did not answer. Try again; if it keeps happening, reload the page.",

  ...reviewEn,
  ...selfCheckEn,
  ...contentEn,
  ...scorecardsEn,
  ...syncEn,
  ...dashboardEn,
  ...sitesEn,
  ...storageEn,
  ...teamsEn,
  ...disputesEn,
  ...ideasEn,
  ...coachingEn,
  ...coachingEvidenceEn,
  ...coachingPlanEn,
  ...calibrationEn,
  ...calibrationDisclosureEn,
  ...layoutEn,
  ...figuresEn,
  ...exportEn,
  ...adminEn,
  ...teamSettingsEn,
  ...dockingEn,

  'sidebar.title': 'Arvio',
  'sidebar.close': 'Close sidebar',
  'sidebar.waiting': 'Waiting for the helpdesk page…',
  'sidebar.none.title': 'No ticket here',
  'sidebar.none.body': 'Open a ticket or chat in the helpdesk and Arvio shows it here.',
  'sidebar.empty.title': 'Ticket found, but no messages could be read',
  'sidebar.empty.body': 'The page layout may have changed. You can still review this ticket as a whole.',
  'sidebar.error.title': 'Arvio could not read this page',
  'sidebar.error.body': 'Reload the page. If this keeps happening, tell your team lead or admin, with the detail below.',
  'sidebar.error.detail': 'Technical detail: {message}',
  'sidebar.diagnostics': 'Diagnostics',
  'sidebar.ticket.label': 'Ticket',
  'sidebar.ticket.id': 'Ticket #{id}',
  'sidebar.ticket.messages': '{count, plural, one {# message} other {# messages}}',
  'sidebar.ticket.source.dom': 'read from the page',
  'sidebar.ticket.source.api': 'read from the helpdesk API',
  'sidebar.ticket.source.manual': 'entered by hand',
  'sidebar.messages.title': 'Conversation',
  'sidebar.messages.whole': 'Whole conversation',
  'sidebar.messages.select': 'Select this message',
  'sidebar.messages.selected': 'Selected for review',
  'sidebar.messages.noTime': 'no time',
  'sidebar.messages.unknownAuthor': 'Unknown',

  'channel.email': 'E-mail',
  'channel.chat': 'Chat',
  'channel.call': 'Call',

  'role.customer': 'Customer',
  'role.agent': 'Agent',
  'role.internal': 'Internal note',
  'role.bot': 'Bot',
  'role.system': 'System',

  'options.title': 'Arvio settings',
  'options.language.legend': 'Language',
  'options.language.label': 'User interface language',
  'options.language.auto': 'Same as the browser',
  'options.language.fi': 'Suomi',
  'options.language.en': 'English',
  'options.identity.legend': 'You as a reviewer',
  'options.identity.help': 'Used as the reviewer on your reviews while Arvio works without a team backend.',
  'options.identity.name': 'Name',
  'options.identity.email': 'E-mail',
  'options.identity.invalidEmail': 'Enter a valid e-mail address.',
} as const;

export type MessageKey = keyof typeof en;
