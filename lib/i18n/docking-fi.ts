// Finnish strings of a sidebar page that Arvio's content script did not dock (framed or opened by some other page).
import type { dockingEn } from './docking-en';

export const dockingFi: Record<keyof typeof dockingEn, string> = {
  'undocked.title': 'Arvio avautuu asiakaspalvelujärjestelmän sivulta',
  'undocked.body':
    'Arvio näyttää arvioinnit ja tiketit vain asiakaspalvelujärjestelmän tiketin vierellä, kun Arvio on itse avannut tämän paneelin sinne. Avaa tiketti asiakaspalvelujärjestelmässä ja paina sivun oikeassa reunassa olevaa Arvio-välilehteä tai Alt+Shift+A.',
};
