// Finnish strings of the agents' self-check (the hint sentences come from lib/checks).
import { checkMessagesFi } from '../checks/messages';
import type { SelfCheckKey } from './selfcheck-en';

export const selfCheckFi: Record<SelfCheckKey, string> = {
  ...checkMessagesFi,
  'tabs.selfcheck': 'Itsearviointi ({count})',
  'selfcheck.title': 'Vastauksesi itsearviointi',
  'selfcheck.private': 'Yksityinen: tarkistetaan tällä koneella, mitään ei lähetetä minnekään. Ei koskaan estä lähettämistä.',
  'selfcheck.noComposer': 'Sivulta ei löytynyt vastauksen kirjoituskenttää.',
  'selfcheck.internal': 'Sisäisiä muistiinpanoja ei tarkisteta.',
  'selfcheck.empty': 'Kirjoita vastauksesi palvelupisteessä, niin tarkistukset näkyvät tässä kirjoittaessasi.',
  'selfcheck.noHints': 'Ei huomautettavaa: vastaus läpäisee kaikki automaattiset tarkistukset.',
  'selfcheck.hints': 'Huomiot vastauksestasi',
  'selfcheck.hintCount': '{count} huomiota',
  'selfcheck.criteria': 'Arvioi vastauksesi: {card}',
  'selfcheck.suggested': 'ehdotus',
  'selfcheck.keepText': 'Säilytä vastaukseni teksti itsearvioinnin kanssa',
  'selfcheck.identityMissing': 'Lisää nimesi ja sähköpostisi asetuksiin, jotta itsearviointisi tallentuvat.',
  'selfcheck.saved': 'Itsearviointi tallennettu tälle koneelle.',
  'selfcheck.criterion.opening': 'Aloitus',
  'selfcheck.criterion.tone': 'Sävy',
  'selfcheck.criterion.clarity': 'Selkeys',
  'selfcheck.criterion.closing': 'Lopetus',
  'selfcheck.criterion.privacy': 'Tietosuoja',
  'selfcheck.criterion.accuracy': 'Oikeellisuus',
  'selfcheck.agentRated': 'Asiakaspalvelijan itsearvio: {level}',
};
