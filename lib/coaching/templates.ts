// The built-in coaching forms, Finnish and English, from one structure: the points a monthly coaching
// talk goes through every time (expectations both ways, measurable goals as figures and as what is
// done in the contact, successes, challenges, agreed actions, next follow-up).
import { BUILT_IN_PREFIX, type CoachingField, type CoachingForm, type CoachingSection, type Language } from '../model';

/** Fixed so that the built-in forms are identical on every install and in every test run. */
const FORM_TEMPLATE_CREATED_AT = '2026-01-01T00:00:00.000Z';

type Texts = Record<Language, string>;
type FieldSpec =
  | { kind: 'text'; id: string; label: Texts; help: Texts }
  | { kind: 'yesNo'; id: string; label: Texts; help: Texts }
  | { kind: 'number'; id: string; label: Texts; help: Texts; target: number | null; unit: Texts }
  | { kind: 'choice'; id: string; label: Texts; help: Texts; options: { id: string; label: Texts }[] };
interface SectionSpec {
  id: string;
  title: Texts;
  fields: FieldSpec[];
}

const SECTIONS: SectionSpec[] = [
  {
    id: 'expectations',
    title: { fi: 'Odotukset puolin ja toisin', en: 'Expectations, both ways' },
    fields: [
      {
        kind: 'text',
        id: 'coachExpects',
        label: { fi: 'Valmentajan odotukset asiakaspalvelijalle', en: 'What the coach expects of the agent' },
        help: { fi: 'Mitä tältä jaksolta odotetaan, omin sanoin.', en: 'What this period is expected to bring, in plain words.' },
      },
      {
        kind: 'text',
        id: 'agentExpects',
        label: { fi: 'Asiakaspalvelijan odotukset valmentajalle', en: 'What the agent expects of the coach' },
        help: { fi: 'Millaista tukea asiakaspalvelija toivoo.', en: 'The support the agent asks for.' },
      },
    ],
  },
  {
    id: 'goals',
    title: { fi: 'Mitattavat tavoitteet', en: 'Measurable goals' },
    fields: [
      {
        kind: 'number',
        id: 'qualityScore',
        label: { fi: 'Laatupisteet', en: 'Quality score' },
        help: { fi: 'Arviointien keskiarvo jaksolla.', en: 'The average of the reviews in the period.' },
        target: 85,
        unit: { fi: '%', en: '%' },
      },
      {
        kind: 'number',
        id: 'firstContact',
        label: { fi: 'Ratkaisu ensimmäisellä yhteydenotolla', en: 'Resolved at first contact' },
        help: { fi: 'Luku ja tavoite yhdessä sovittuna.', en: 'The figure and the target, agreed together.' },
        target: 80,
        unit: { fi: '%', en: '%' },
      },
      {
        kind: 'text',
        id: 'inContact',
        label: { fi: 'Mitä teen kohtaamisessa toisin', en: 'What I do differently in the contact' },
        help: {
          fi: 'Tekemisen tavoite: mitä asiakas huomaa (esim. puhuttelen asiakasta nimellä).',
          en: 'The goal as action: what the customer notices (e.g. I address the customer by name).',
        },
      },
    ],
  },
  {
    id: 'successes',
    title: { fi: 'Onnistumiset', en: 'Successes' },
    fields: [
      {
        kind: 'text',
        id: 'successes',
        label: { fi: 'Missä onnistuit edellisen keskustelun jälkeen', en: 'What went well since the last talk' },
        help: { fi: 'Nosta esiin konkreettinen kohtaaminen.', en: 'Name a concrete contact.' },
      },
    ],
  },
  {
    id: 'challenges',
    title: { fi: 'Haasteet', en: 'Challenges' },
    fields: [
      {
        kind: 'text',
        id: 'challenges',
        label: { fi: 'Mikä on ollut vaikeaa', en: 'What has been hard' },
        help: { fi: 'Asiat, joihin voit itse vaikuttaa.', en: 'Things within your own reach.' },
      },
      {
        kind: 'choice',
        id: 'workload',
        label: { fi: 'Työmäärä tuntuu', en: 'The workload feels' },
        help: { fi: 'Jaksaminen on osa valmennusta.', en: 'Well-being is part of coaching.' },
        options: [
          { id: 'light', label: { fi: 'Kevyeltä', en: 'Light' } },
          { id: 'right', label: { fi: 'Sopivalta', en: 'About right' } },
          { id: 'heavy', label: { fi: 'Raskaalta', en: 'Heavy' } },
        ],
      },
    ],
  },
  {
    id: 'actions',
    title: { fi: 'Sovitut toimenpiteet', en: 'Agreed actions' },
    fields: [
      {
        kind: 'yesNo',
        id: 'previousDone',
        label: { fi: 'Edellisellä kerralla sovitut asiat tehty', en: 'Last time’s actions done' },
        help: { fi: 'Käykää edelliset toimenpiteet läpi ensin.', en: 'Go through the previous actions first.' },
      },
      {
        kind: 'text',
        id: 'actionsNote',
        label: { fi: 'Mitä sovimme', en: 'What we agreed' },
        help: {
          fi: 'Kirjaa toimenpiteet alle omiksi riveikseen, kullekin vastuuhenkilö ja seurantapäivä.',
          en: 'Write each action below as its own line, with who does it and a follow-up date.',
        },
      },
    ],
  },
  {
    id: 'followUp',
    title: { fi: 'Seuraava seuranta', en: 'Next follow-up' },
    fields: [
      {
        kind: 'text',
        id: 'followUp',
        label: { fi: 'Milloin ja miten palaamme asiaan', en: 'When and how we follow up' },
        help: { fi: 'Seuraava valmennus on kalenterissa ennen kuin lopetatte.', en: 'The next talk is in the calendar before you finish.' },
      },
    ],
  },
];

function field(spec: FieldSpec, lang: Language): CoachingField {
  const base = { id: spec.id, label: spec.label[lang], help: spec.help[lang] };
  switch (spec.kind) {
    case 'text':
    case 'yesNo':
      return { kind: spec.kind, ...base };
    case 'number':
      return { kind: 'number', ...base, target: spec.target, unit: spec.unit[lang] };
    case 'choice':
      return { kind: 'choice', ...base, options: spec.options.map((o) => ({ id: o.id, label: o.label[lang] })) };
  }
}

function form(lang: Language): CoachingForm {
  const id = `${BUILT_IN_PREFIX}coaching-${lang}`;
  const sections: CoachingSection[] = SECTIONS.map((s) => ({ id: s.id, title: s.title[lang], fields: s.fields.map((f) => field(f, lang)) }));
  return {
    id,
    version: 1,
    // Built in: in every profile, never pushed (as the built-in scorecards).
    team: null,
    status: 'published',
    name: lang === 'fi' ? 'Valmennuskeskustelu' : 'Coaching talk',
    language: lang,
    sections,
    createdAt: FORM_TEMPLATE_CREATED_AT,
    updatedAt: FORM_TEMPLATE_CREATED_AT,
    publishedAt: FORM_TEMPLATE_CREATED_AT,
    templateId: id,
  };
}

/** The built-in forms, Finnish first. */
export const formTemplates: readonly CoachingForm[] = [form('fi'), form('en')];
