// Finnish strings of the docked sidebar's layout (width, rail, fitting beside the helpdesk) and its first run.
import type { layoutEn } from './layout-en';

export const layoutFi: Record<keyof typeof layoutEn, string> = {
  'dock.resize': 'Sivupalkin leveys',
  'dock.resize.value': '{width, plural, one {# pikseli} other {# pikseliä}}',
  'dock.collapse': 'Pienennä Arvio kapeaksi palkiksi',
  'dock.expand': 'Laajenna Arvio',
  'dock.rail.hints': '{count, plural, one {# itsearvioinnin huomio} other {# itsearvioinnin huomiota}}',
  'dock.rail.score': 'Arvioinnin tulos {score}',
  'dock.rail.noScore': 'Arvioinnilla ei vielä tulosta',
  'dock.shortened':
    'Sivu ei pystynyt tekemään tilaa Arviolle vierelleen, joten sivupalkki päättyy vastauseditorin ja sen lähetyspainikkeen yläpuolelle.',
  'dock.diagnostics.room': 'tilan teki: {by}',
  'dock.diagnostics.room.helpdesk': 'asiakaspalvelujärjestelmän päänäkymä',
  'dock.diagnostics.room.page': 'koko sivu',
  'dock.diagnostics.shortened': 'sivupalkki: päättyy vastauseditorin yläpuolelle',

  'review.describe': 'Näytä kuvaus: {criterion}',

  'firstRun.title': 'Ennen ensimmäistä arviointia',
  'firstRun.body':
    'Arvioinneissasi näkyvät nimesi ja sähköpostiosoitteesi. Kirjoita ne tähän tai yhdistä tiimisi palvelimeen, joka antaa ne.',
  'firstRun.name': 'Nimesi',
  'firstRun.email': 'Sähköpostiosoitteesi',
  'firstRun.save': 'Tallenna ja jatka',
  'firstRun.invalid': 'Kirjoita nimesi ja kelvollinen sähköpostiosoite.',
  'firstRun.backend': 'Yhdistä tiimin palvelimeen',
};
