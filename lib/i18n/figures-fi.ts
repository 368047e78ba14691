// Finnish strings of the dashboard's figures (figures-en.ts has the keys).
import type { figuresEn } from './figures-en';

export const figuresFi: Record<keyof typeof figuresEn, string> = {
  'figures.language.fi': 'suomi',
  'figures.language.en': 'englanti',
  'figures.helpdesk.generic': 'Muu sivusto',
  'figures.criteria.scorecard': 'Arviointilomake',
  'figures.criteria.ofCard': '{title} · {card}',
  'figures.coverage.inProgress': '{month}, kesken',
  'figures.coverage.judged': 'Arvioidaan kokonaisista kuukausista kunkin asiakaspalvelijan ensimmäisestä arviosta alkaen (valittua aikaa edeltävätkin arviot lasketaan). Kuukausi ilman arvioita sen jälkeen jää alle tavoitteen. Kuluva kuukausi on vielä kesken, eikä sitä arvioida.',
  'figures.coverage.noWholeMonth': 'Valitulla ajalla ei ole vielä kokonaista kuukautta arvioitavaksi.',
  'figures.coverage.inactive': 'Ennen asiakaspalvelijan ensimmäistä arviota',
};
