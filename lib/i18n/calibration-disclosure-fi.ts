// Kalibroinnin ensin näytettävän ja pyydettäessä avattavan suomenkieliset tekstit: paljastuksen yhteenveto ja
// tikettikohtaiset osiot, kalibrointitaulukon uusimmat rivit.
import type { calibrationDisclosureEn } from './calibration-disclosure-en';

export const calibrationDisclosureFi: Record<keyof typeof calibrationDisclosureEn, string> = {
  'calibration.scores': 'Arvion pisteet osallistujittain',
  'calibration.scores.agreed': 'Sovitut arviot',
  'calibration.ticket.toggle': 'Tiketti #{id}: arviot rinnakkain',
  'calibration.dash.showAll': '{count, plural, one {Näytä # kalibrointi} other {Näytä kaikki # kalibrointia}}',
};
