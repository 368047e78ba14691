// Finnish UI strings: the same keys as en.ts.
import { reviewFi } from './review-fi';
import { selfCheckFi } from './selfcheck-fi';
import { contentFi } from './content';
import { scorecardsFi } from './scorecards-fi';
import { syncFi } from './sync-fi';
import { dashboardFi } from './dashboard-fi';
import { sitesFi } from './sites-fi';
import { storageFi } from './storage-fi';
import { teamsFi } from './teams-fi';
import { disputesFi } from './disputes-fi';
import { ideasFi } from './ideas-fi';
import { coachingFi } from './coaching-fi';
import { coachingEvidenceFi } from './coaching-evidence-fi';
import { coachingPlanFi } from './coaching-plan-fi';
import { calibrationFi } from './calibration-fi';
import { calibrationDisclosureFi } from './calibration-disclosure-fi';
import { layoutFi } from './layout-fi';
import { figuresFi } from './figures-fi';
import { exportFi } from './export-fi';
import { adminFi } from './admin-fi';
import { teamSettingsFi } from './teamSettings-fi';
import { dockingFi } from './docking-fi';
import type { MessageKey } from './en';

export const fi: Record<MessageKey, string> = {
  'app.name': 'Arvio',
  'common.loading': 'Ladataan…',
  'common.underADay': 'alle vuorokauden',
  'common.week': 'Viikko {week}/{year}',
  'common.save': 'Tallenna',
  'common.saved': 'Tallennettu',
  'common.cancel': 'Peruuta',
  'common.editFor': 'Muokkaa tiimille {team}',
  'common.editForOf': 'Muokkaa tiimille {team}: {name}',
  'common.team': 'Tiimi: {team}',
  'common.nameInTeam': '{name} ({team})',
  'common.nameInLanguage': '{name} ({language})',
  'common.error': 'Jokin meni vikaan: {message}',
  'common.error.noAnswer': 'Arvion taustaprosessi ei vastannut. Yritä uudelleen; jos sama toistuu, lataa sivu uudelleen.',

  ...reviewFi,
  ...selfCheckFi,
  ...contentFi,
  ...scorecardsFi,
  ...syncFi,
  ...dashboardFi,
  ...sitesFi,
  ...storageFi,
  ...teamsFi,
  ...disputesFi,
  ...ideasFi,
  ...coachingFi,
  ...coachingEvidenceFi,
  ...coachingPlanFi,
  ...calibrationFi,
  ...calibrationDisclosureFi,
  ...layoutFi,
  ...figuresFi,
  ...exportFi,
  ...adminFi,
  ...teamSettingsFi,
  ...dockingFi,

  'sidebar.title': 'Arvio',
  'sidebar.close': 'Sulje sivupalkki',
  'sidebar.waiting': 'Odotetaan asiakaspalvelujärjestelmän sivua…',
  'sidebar.none.title': 'Täällä ei ole tikettiä',
  'sidebar.none.body': 'Avaa tiketti tai chat asiakaspalvelujärjestelmässä, niin Arvio näyttää sen tässä.',
  'sidebar.empty.title': 'Tiketti löytyi, mutta viestejä ei voitu lukea',
  'sidebar.empty.body': 'Sivun rakenne on ehkä muuttunut. Voit silti arvioida tiketin kokonaisuutena.',
  'sidebar.error.title': 'Arvio ei pystynyt lukemaan tätä sivua',
  'sidebar.error.body': 'Lataa sivu uudelleen. Jos tämä toistuu, kerro tiiminvetäjälle tai ylläpitäjälle ja liitä mukaan alla oleva tieto.',
  'sidebar.error.detail': 'Tekninen tieto: {message}',
  'sidebar.diagnostics': 'Vianmääritys',
  'sidebar.ticket.label': 'Tiketti',
  'sidebar.ticket.id': 'Tiketti #{id}',
  'sidebar.ticket.messages': '{count, plural, one {# viesti} other {# viestiä}}',
  'sidebar.ticket.source.dom': 'luettu sivulta',
  'sidebar.ticket.source.api': 'luettu asiakaspalvelujärjestelmän rajapinnasta',
  'sidebar.ticket.source.manual': 'syötetty käsin',
  'sidebar.messages.title': 'Keskustelu',
  'sidebar.messages.whole': 'Koko keskustelu',
  'sidebar.messages.select': 'Valitse tämä viesti',
  'sidebar.messages.selected': 'Valittu arvioitavaksi',
  'sidebar.messages.noTime': 'ei aikaa',
  'sidebar.messages.unknownAuthor': 'Tuntematon',

  'channel.email': 'Sähköposti',
  'channel.chat': 'Chat',
  'channel.call': 'Puhelu',

  'role.customer': 'Asiakas',
  'role.agent': 'Asiakaspalvelija',
  'role.internal': 'Sisäinen muistiinpano',
  'role.bot': 'Botti',
  'role.system': 'Järjestelmä',

  'options.title': 'Arvion asetukset',
  'options.language.legend': 'Kieli',
  'options.language.label': 'Käyttöliittymän kieli',
  'options.language.auto': 'Sama kuin selaimessa',
  'options.language.fi': 'Suomi',
  'options.language.en': 'English',
  'options.identity.legend': 'Sinä arvioijana',
  'options.identity.help': 'Näkyy arvioijana arvioissasi, kun Arvio toimii ilman tiimin palvelinta.',
  'options.identity.name': 'Nimi',
  'options.identity.email': 'Sähköposti',
  'options.identity.invalidEmail': 'Anna kelvollinen sähköpostiosoite.',
};
