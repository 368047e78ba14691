// Finnish strings of writes refused because the browser's storage is full.
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
  'storage.what.scorecard': 'Arviointilomake "{name}" (versio {version})',
  'storage.what.settings': 'Asetusten muutos',
};
