// Finnish strings of a team's settings: the lead's form on the administration page, and what they govern.
import type { TeamSettingsKey } from './teamSettings-en';

export const teamSettingsFi: Record<TeamSettingsKey, string> = {
  'teamSettings.title': 'Tiimin asetukset',
  'teamSettings.window': 'Päiviä, joiden aikana asiakaspalvelija voi kiistää arvioinnin',
  'teamSettings.window.help': '{min}–{max, plural, one {# päivä} other {# päivää}} arvioinnista. Tiimin palvelin hylkää myöhemmin avatut kiistat.',
  'teamSettings.starters': 'Arvioijat, jotka voivat aloittaa kalibroinnin',
  'teamSettings.starters.help': 'Tiiminvetäjät voivat aina.',
  'teamSettings.starters.none': 'Tiimissä ei ole arvioijia.',
  'teamSettings.save': 'Tallenna tiimin {team} asetukset',
  'teamSettings.saved': 'Tiimin {team} asetukset on tallennettu; tiimi saa ne seuraavassa synkronoinnissa.',
  'teamSettings.notSaved': 'Asetuksia ei tallennettu: {message}',
  'teamSettings.needsSync': 'Tiimin asetuksia voi muokata, kun Arvio on synkronoinut tiimin palvelimen kanssa.',
  'teamSettings.windowClosed': 'Tässä tiimissä arvioinnin voi kiistää {days} päivän ajan; tämän arvioinnin kiistämisen aika päättyi {date}.',
  'sync.collection.teamSettings': 'Tiimin asetukset',
};
