// Finnish strings for self-hosted sites, the generic fallback and "report this page".
import type { sitesContentEn, sitesEn } from './sites-en';

export const sitesContentFi: Record<keyof typeof sitesContentEn, string> = {
  'content.pick.banner': 'Napsauta keskustelua Arviota varten. ↑ laajentaa, Enter valitsee, Esc peruu.',
};

export const sitesFi: Record<keyof typeof sitesEn, string> = {
  ...sitesContentFi,
  'sites.title': 'Omat asiakaspalvelujärjestelmät ja muut sivustot',
  'sites.intro':
    'Lisää organisaatiosi oma Zammad, osTicket tai FreeScout tai mikä tahansa muu sivusto, jolla arvioit keskusteluja. Arvio pyytää selaimelta pääsyn vain siihen sivustoon.',
  'sites.origin': 'Osoite',
  'sites.type': 'Järjestelmä',
  'sites.type.zammad': 'Zammad',
  'sites.type.osticket': 'osTicket',
  'sites.type.freescout': 'FreeScout',
  'sites.type.generic': 'Muu: valitsen keskustelun itse',
  'sites.add': 'Lisää sivusto',
  'sites.list': 'Lisätyt sivustot',
  'sites.empty': 'Sivustoja ei ole vielä lisätty.',
  'sites.remove': 'Poista',
  'sites.removeLabel': 'Poista {origin}',
  'sites.added': '{origin} lisätty. Avaa tai lataa uudelleen sen sivu.',
  'sites.removed': '{origin} poistettu. Arviolla ei ole enää pääsyä sinne.',
  'sites.invalid': 'Anna osoite, joka alkaa https:// (tai http://).',
  'sites.denied': 'Selain ei antanut pääsyä sivustoon {origin}, joten sitä ei lisätty.',
  'sites.reports.title': 'Ilmoitetut sivut',
  'sites.reports.intro': 'Toiminnolla ”Ilmoita tästä sivusta” tallennetut sivurakenteet, kaikki tekstit korvattu x:llä. Lataa rakenne testiaineistoksi.',
  'sites.reports.empty': 'Ei ilmoitettuja sivuja.',
  'sites.reports.download': 'Lataa',
  'sites.reports.delete': 'Poista',
  'sites.generic.title': 'Valitse, mitä tällä sivulla arvioidaan',
  'sites.generic.body': 'Arvio ei tunne tämän sivuston rakennetta. Valitse keskustelu kerran, niin Arvio muistaa sen tällä sivustolla, tai arvioi valitsemasi teksti.',
  'sites.problem.noRegion': 'Tällä sivustolla ei ole vielä valittu keskustelua',
  'sites.problem.regionNotFound': 'Valitsemaasi keskustelua ei enää löydy tältä sivulta: valitse se uudelleen',
  'sites.problem.nothingSelected': 'Tekstiä ei ollut valittuna: valitse arvioitava teksti sivulta ja yritä sitten uudelleen',
  'sites.pick': 'Valitse keskustelu',
  'sites.pick.again': 'Valitse uudelleen',
  'sites.useSelection': 'Arvioi valittu teksti',
  'sites.useSelection.help': 'Valitse ensin tekstiä sivulta. Sivun osoitteesta tulee tiketti.',
  'sites.report': 'Ilmoita tästä sivusta',
  'sites.report.help': 'Tallentaa sivun rakenteen niin, että kaikki tekstit on korvattu x:llä, jotta sivun tuki voidaan lisätä. Mitään ei lähetetä minnekään.',
  'sites.report.saved': 'Tallennettu Arvion asetuksiin kohtaan ”Ilmoitetut sivut”.',
  'sites.report.download': 'Lataa rakenne',
};
