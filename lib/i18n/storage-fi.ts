// Finnish strings of where the data lives and of writes refused because the browser's storage is full.
import type { StorageKey } from './storage-en';

export const storageFi: Record<StorageKey, string> = {
  'storage.notSaved': '{what} ei tallentunut: {reason}',
  'storage.notImported': 'Tiedostosta {file} ei tuotu mitään: {reason}',
  'storage.reason.full':
    'selaimen tallennustila Arviolle on täynnä. Kaikki aiemmin tallennettu on tallessa. Vapauta levytilaa tältä tietokoneelta ja yritä sitten uudelleen.',
  'storage.what.review': 'Arviointisi tiketistä #{ticket}',
  'storage.what.reviewDraft': 'Arviointiluonnoksesi tiketistä #{ticket}',
  'storage.what.reviewDeletion': 'Tiketin #{ticket} arvioinnin poisto',
  'storage.what.selfCheck': 'Itsearviointisi tiketistä #{ticket}',
  'storage.what.scorecard': 'Arviointilomake ”{name}” (versio {version})',
  'storage.what.settings': 'Asetusten muutos',
  'storage.what.conflictChoice': 'Valintasi ristiriidassa {label}',

  'storage.title': 'Tiedot tällä tietokoneella',
  'storage.where':
    'Arvioinnit, luonnokset, itsearvioinnit ja arviointilomakkeet säilytetään tässä selainprofiilissa. Ilman tiimin palvelinta se on ainoa kopio: vie JSON-varmuuskopio koontinäytöstä aika ajoin.',
  'storage.usage': 'Käytetty tila: {size}',
  'storage.usage.unknown': 'Selain ei kerro, paljonko tilaa Arvio käyttää.',
  'storage.protected.unlimited': 'Suojattu: selain ei poista Arvion tietoja vapauttaakseen tilaa (rajoittamattoman tallennustilan lupa).',
  'storage.protected.persistent': 'Suojattu: selain on merkinnyt Arvion tallennustilan pysyväksi.',
  'storage.unprotected': 'Ei suojattu: selain voi poistaa Arvion tiedot, kun levytila käy vähiin. Vie varmuuskopio säännöllisesti.',
};
