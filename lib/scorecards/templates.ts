// Built-in scorecards for written messages, chat and calls, in Finnish and English, built from one structure.
// Loaded only where the cards are first created (lib/db/scorecards.ts), never in a page's start-up.
import { BUILT_IN_PREFIX, type Channel, type Criterion, type Group, type Language, type ScaleKind, type Scorecard } from '../model';
import { SCALE_LABELS, type Bilingual } from './scale';

/** Fixed so that templates are identical on every install and in every test run. */
const TEMPLATE_CREATED_AT = '2026-01-01T00:00:00.000Z';

interface CriterionTexts {
  title: string;
  description: string;
  /** One described target level per point, lowest first. */
  targets: string[];
}

/**
 * A criterion once, with both languages side by side: fi and en cannot drift apart in structure
 * (ids, scales, weights, flags) because there is only one structure.
 */
interface CriterionSpec {
  id: string;
  groupId: string;
  scale: ScaleKind;
  weight: number;
  naAllowed: boolean;
  critical: { threshold: number } | null;
  selfCheckable: boolean;
  /** Scale-specific labels unless the criterion needs its own words. */
  labels?: Bilingual<string[]>;
  fi: CriterionTexts;
  en: CriterionTexts;
}

const GROUP_TITLES: Record<string, Bilingual<string> & { kind: Group['kind'] }> = {
  opening: { kind: 'phase', fi: 'Aloitus', en: 'Opening' },
  need: { kind: 'phase', fi: 'Tarpeen selvittäminen', en: 'Understanding the need' },
  solution: { kind: 'phase', fi: 'Ratkaisu', en: 'Solution' },
  closing: { kind: 'phase', fi: 'Lopetus', en: 'Closing' },
  tone: { kind: 'interaction', fi: 'Sävy', en: 'Tone' },
  clarity: { kind: 'interaction', fi: 'Selkeys', en: 'Clarity' },
  spelling: { kind: 'interaction', fi: 'Kieli ja oikeinkirjoitus', en: 'Language and spelling' },
  voice: { kind: 'interaction', fi: 'Ääni ja kuuntelu', en: 'Voice and listening' },
};

const PRIVACY_LABELS: Bilingual<string[]> = {
  fi: ['Vakava puute', 'Pieni puute', 'Kunnossa'],
  en: ['Serious breach', 'Minor lapse', 'In order'],
};

// ───────────────────────────── Written message (e-mail) ─────────────────────────────

const emailCriteria: CriterionSpec[] = [
  {
    id: 'greeting',
    groupId: 'opening',
    scale: 'three',
    weight: 1,
    naAllowed: false,
    critical: null,
    selfCheckable: true,
    fi: {
      title: 'Tervehdys',
      description: 'Viesti alkaa tervehdyksellä, joka sopii tilanteeseen ja asiakkaan omaan tapaan kirjoittaa.',
      targets: [
        'Viesti alkaa suoraan asiasta ilman tervehdystä, tai tervehdys on kopioitu pohjasta eikä sovi tilanteeseen.',
        'Tervehdys on mukana, mutta se on kaavamainen (pelkkä ”Hei”), eikä yhteydenotosta kiitetä tai asiaa kuitata.',
        'Asiakasta tervehditään ystävällisesti ja kiitetään yhteydenotosta. Ensimmäisestä kappaleesta näkee, että asia on ymmärretty ja otettu hoitoon.',
      ],
    },
    en: {
      title: 'Greeting',
      description: "The message opens with a greeting that fits the situation and the customer's own way of writing.",
      targets: [
        'The reply jumps straight into the matter with no greeting, or the greeting is pasted from a template and does not fit the situation.',
        'There is a greeting, but it is mechanical (just "Hi"), and the customer is neither thanked nor told their request was received.',
        'The customer is greeted warmly and thanked for getting in touch. The first paragraph shows that the request has been understood and is being taken care of.',
      ],
    },
  },
  {
    id: 'name',
    groupId: 'opening',
    scale: 'binary',
    weight: 1,
    naAllowed: true,
    critical: null,
    selfCheckable: true,
    fi: {
      title: 'Asiakkaan nimi',
      description: 'Asiakasta puhutellaan nimellä, kun nimi on tiedossa. ”Ei koske”, jos nimeä ei ole saatavilla.',
      targets: [
        'Asiakkaan nimi on tiedossa, mutta sitä ei käytetä, tai nimi on kirjoitettu väärin.',
        'Asiakasta tervehditään nimellä, oikein kirjoitettuna ja siinä muodossa kuin hän itse sitä käyttää (esim. ”Hei Maija,”).',
      ],
    },
    en: {
      title: "Customer's name",
      description: 'The customer is addressed by name when the name is known. N/A when no name is available.',
      targets: [
        "The customer's name is known but not used, or it is misspelt.",
        'The customer is greeted by name, spelt correctly and in the form they use themselves (e.g. "Hi Maija,").',
      ],
    },
  },
  {
    id: 'need',
    groupId: 'need',
    scale: 'five',
    weight: 3,
    naAllowed: false,
    critical: null,
    selfCheckable: false,
    fi: {
      title: 'Asiakkaan tarpeen ymmärtäminen',
      description:
        'Vastauksesta näkee, että asiakkaan kysymys ja sen taustalla oleva tarve on ymmärretty, myös se, mitä hän ei suoraan kysynyt.',
      targets: [
        'Vastaus käsittelee eri asiaa kuin asiakas kysyi; asiakas joutuu kirjoittamaan uudelleen.',
        'Pääkysymykseen vastataan vain osittain, ja osa asiakkaan kysymyksistä jää huomiotta.',
        'Asiakkaan suoraan esittämä kysymys on ymmärretty ja siihen vastataan, mutta viestin muut kysymykset tai taustalla oleva huoli jäävät käsittelemättä.',
        'Kaikki asiakkaan kysymykset on tunnistettu ja niihin vastataan. Vastaus on kirjoitettu juuri tämän asiakkaan tilanteeseen, ei yleisellä pohjalla.',
        'Kaikkiin kysymyksiin vastataan, ja lisäksi ennakoidaan asiakkaan seuraava kysymys tai huoli (esim. mitä hänen kannattaa tehdä seuraavaksi), joten uutta yhteydenottoa ei tarvita.',
      ],
    },
    en: {
      title: "Understanding the customer's need",
      description:
        "The reply shows that the customer's question and the need behind it were understood, including what they did not ask outright.",
      targets: [
        'The reply deals with something other than what the customer asked; the customer has to write again.',
        'The main question is answered only in part, and some of the customer’s questions are ignored.',
        'The question the customer asked outright is understood and answered, but other questions in the message or the worry behind it are left untouched.',
        "Every question in the customer's message has been spotted and answered. The reply is written for this customer's situation, not from a generic template.",
        'Every question is answered, and the customer’s next question or worry is anticipated (e.g. what they should do next), so no further contact is needed.',
      ],
    },
  },
  {
    id: 'questions',
    groupId: 'need',
    scale: 'three',
    weight: 1,
    naAllowed: true,
    critical: null,
    selfCheckable: false,
    fi: {
      title: 'Tarkentavat kysymykset',
      description:
        'Kun tiedot eivät riitä, asiakkaalta kysytään kerralla juuri se, mitä tarvitaan. ”Ei koske”, jos asia oli selvä ilman tarkennuksia.',
      targets: [
        'Puuttuvaa tietoa ei kysytä vaan vastaus perustuu arvaukseen, tai kysymyksiä esitetään yksi kerrallaan useassa viestissä.',
        'Tarkennusta pyydetään, mutta pyyntö on epämääräinen (”lisätietoja”) tai siinä kysytään asioita, jotka ovat jo tiedossa.',
        'Kaikki tarvittava kysytään yhdellä kertaa ja täsmällisesti, ja asiakkaalle kerrotaan, miksi tietoa tarvitaan. Jo annettuja tietoja ei kysytä uudelleen.',
      ],
    },
    en: {
      title: 'Clarifying questions',
      description:
        'When information is missing, the customer is asked for exactly what is needed, all at once. N/A when no clarification was needed.',
      targets: [
        'Missing information is not asked for and the reply rests on a guess, or questions are asked one at a time over several messages.',
        'Clarification is asked for, but vaguely ("more details, please"), or it asks for things that are already known.',
        'Everything needed is asked for at once and precisely, with a word on why it is needed. Nothing the customer already gave is asked again.',
      ],
    },
  },
  {
    id: 'solution',
    groupId: 'solution',
    scale: 'five',
    weight: 3,
    naAllowed: false,
    critical: null,
    selfCheckable: false,
    fi: {
      title: 'Ratkaisu ja jatko',
      description: 'Asiakas saa ratkaisun tai selvän suunnitelman: mitä tapahtuu, kuka tekee ja milloin.',
      targets: [
        'Asiakas ei saa ratkaisua eikä tietoa siitä, miten asia etenee.',
        'Ratkaisua yritetään, mutta se jää puolitiehen, tai asiakas ohjataan muualle ilman perusteluja ja yhteystietoja.',
        'Asia ratkeaa tai etenee, mutta asiakas joutuu arvailemaan seuraavia vaiheita tai aikataulua.',
        'Asiakas saa toimivan ratkaisun ja tietää, mitä seuraavaksi tapahtuu ja milloin.',
        'Ratkaisu on valmis ja perusteltu. Seuraavat vaiheet, vastuut ja aikataulu kerrotaan, ja asiakkaalle tarjotaan vaihtoehto, jos ensisijainen ratkaisu ei sovi. Asiakkaan ei tarvitse ottaa uudelleen yhteyttä.',
      ],
    },
    en: {
      title: 'Solution and next steps',
      description: 'The customer gets a solution or a clear plan: what happens, who does it and when.',
      targets: [
        'The customer gets neither a solution nor any word on how the matter will proceed.',
        'A solution is attempted but left half-way, or the customer is sent elsewhere without a reason or contact details.',
        'The matter is solved or moves forward, but the customer has to guess the next steps or the timetable.',
        'The customer gets a working solution and knows what happens next and when.',
        'The solution is complete and explained. Next steps, who is responsible and when are spelt out, and an alternative is offered in case the first choice does not suit. The customer does not need to get in touch again.',
      ],
    },
  },
  {
    id: 'accuracy',
    groupId: 'solution',
    scale: 'four',
    weight: 2,
    naAllowed: false,
    critical: null,
    selfCheckable: false,
    fi: {
      title: 'Tiedon oikeellisuus',
      description: 'Annettu tieto on oikein, ajan tasalla ja ohjeiden mukaista.',
      targets: [
        'Vastauksessa on virheellistä tietoa, joka johtaa asiakasta harhaan (esim. väärä hinta, ehto tai määräaika).',
        'Tieto on pääosin oikein, mutta siinä on epätarkkuuksia tai vanhentunutta tietoa, josta seuraa lisäkysymyksiä.',
        'Tieto on oikein ja ohjeiden mukaista; jotain olennaista olisi vielä voinut täydentää.',
        'Tieto on oikein, täsmällistä ja ajan tasalla. Tarvittaessa mukana on linkki tai viittaus, josta asiakas voi tarkistaa asian itse.',
      ],
    },
    en: {
      title: 'Correct information',
      description: 'The information given is correct, up to date and in line with the instructions.',
      targets: [
        'The reply contains wrong information that misleads the customer (e.g. a wrong price, term or deadline).',
        'The information is mostly right but has inaccuracies or outdated details that lead to further questions.',
        'The information is correct and follows the instructions; something relevant could still have been added.',
        'The information is correct, precise and up to date. Where useful, a link or reference lets the customer check it themselves.',
      ],
    },
  },
  {
    id: 'privacy',
    groupId: 'solution',
    scale: 'three',
    weight: 2,
    naAllowed: false,
    critical: { threshold: 0.5 },
    selfCheckable: true,
    labels: PRIVACY_LABELS,
    fi: {
      title: 'Tietosuoja',
      description:
        'Henkilötietoja käsitellään ohjeiden mukaan: asiakas tunnistetaan ennen kuin hänen tietojaan käsitellään, eikä viestissä ole tarpeettomia tietoja. Kriittinen: vakava puute nollaa koko arvioinnin.',
      targets: [
        'Viestissä paljastetaan henkilö- tai asiakastietoja, vaikka vastaanottajan henkilöllisyyttä ei ole varmistettu, tai viestissä on suojattavia tietoja (esim. henkilötunnus tai kortin numero).',
        'Tiedot eivät päädy ulkopuolisille, mutta viestissä toistetaan tarpeettomasti henkilötietoja (esim. koko osoite tai asiakasnumero), jotka olisi voinut jättää pois.',
        'Asiakas on tunnistettu ohjeen mukaan ennen kuin hänen tietojaan käsitellään, ja viestissä on vain asian hoitamiseen tarvittavat tiedot.',
      ],
    },
    en: {
      title: 'Data protection',
      description:
        "Personal data is handled by the book: the customer is identified before their data is discussed, and the message holds nothing it doesn't need. Critical: a serious breach sets the whole review to zero.",
      targets: [
        "The message reveals personal or account data although the recipient's identity was not verified, or it contains data that must be protected (e.g. a personal identity number or card number).",
        'Nothing reaches outsiders, but the message needlessly repeats personal data (e.g. the full address or customer number) that could have been left out.',
        "The customer was identified as instructed before their data was handled, and the message holds only what the matter requires.",
      ],
    },
  },
  {
    id: 'closing',
    groupId: 'closing',
    scale: 'three',
    weight: 1,
    naAllowed: false,
    critical: null,
    selfCheckable: true,
    fi: {
      title: 'Lopetus',
      description: 'Viesti päättyy niin, että asiakas tietää, mitä tapahtuu ja miten toimia, jos kysyttävää vielä on.',
      targets: [
        'Viesti loppuu kesken ilman lopetusta tai yhteenvetoa.',
        'Lopputervehdys on, mutta kaavamainen, eikä asiakasta kutsuta ottamaan yhteyttä tarvittaessa.',
        'Lopussa kerrataan lyhyesti, mitä seuraavaksi tapahtuu, asiakasta pyydetään ottamaan yhteyttä tarvittaessa ja hänelle toivotetaan ystävällisesti hyvää jatkoa.',
      ],
    },
    en: {
      title: 'Closing',
      description: 'The message ends so that the customer knows what happens next and what to do if questions remain.',
      targets: [
        'The message simply stops, with no closing or summary.',
        'There is a sign-off, but a mechanical one, and the customer is not invited to get back in touch if needed.',
        'The end briefly recaps what happens next, invites the customer to get in touch if anything is unclear, and wishes them well in a friendly way.',
      ],
    },
  },
  {
    id: 'signature',
    groupId: 'closing',
    scale: 'binary',
    weight: 1,
    naAllowed: false,
    critical: null,
    selfCheckable: true,
    fi: {
      title: 'Allekirjoitus',
      description: 'Viestissä on allekirjoitus: vastaajan nimi, yritys ja yhteystiedot.',
      targets: [
        'Allekirjoitus puuttuu tai siinä on vain yrityksen nimi, joten asiakas ei tiedä, kuka hänen asiaansa hoitaa.',
        'Viestin lopussa on vastaajan nimi, yrityksen nimi ja ajantasaiset yhteystiedot.',
      ],
    },
    en: {
      title: 'Signature',
      description: "The message is signed: the writer's name, the company and contact details.",
      targets: [
        'The signature is missing or gives only the company name, so the customer does not know who is handling their matter.',
        "The message ends with the writer's name, the company name and current contact details.",
      ],
    },
  },
  {
    id: 'tone',
    groupId: 'tone',
    scale: 'five',
    weight: 2,
    naAllowed: false,
    critical: null,
    selfCheckable: true,
    fi: {
      title: 'Sävy',
      description: 'Sävy on ystävällinen, kohtelias ja asiakkaan tilanteeseen sopiva; asiakas kokee tulleensa kuulluksi.',
      targets: [
        'Sävy on tyly, syyllistävä tai välinpitämätön (esim. ”kuten jo aiemmin kerroimme”); asiakas voi loukkaantua.',
        'Sävy on koneellinen: viesti kuulostaa lomakkeelta, eikä asiakkaan harmiin tai kiireeseen reagoida.',
        'Sävy on asiallinen ja kohtelias mutta persoonaton; asiakkaan tilannetta ei juuri huomioida.',
        'Sävy on ystävällinen ja henkilökohtainen. Asiakkaan tilanne huomioidaan, ja kielteinenkin asia kerrotaan rakentavasti: mitä voimme tehdä, ei vain mitä emme voi.',
        'Sävy on lämmin ja aito ja mukautuu asiakkaan tapaan kirjoittaa. Mielipahaan vastataan empatialla (esim. ”Ymmärrän hyvin, että odottaminen harmittaa”), ja viestistä jää myönteinen mielikuva.',
      ],
    },
    en: {
      title: 'Tone',
      description: 'The tone is friendly, polite and right for the situation; the customer feels heard.',
      targets: [
        'The tone is curt, blaming or indifferent (e.g. "as we already told you"); the customer may take offence.',
        "The tone is mechanical: the message reads like a form, and the customer's frustration or urgency is not acknowledged.",
        "The tone is correct and polite but impersonal; the customer's situation is hardly acknowledged.",
        "The tone is friendly and personal. The customer's situation is acknowledged, and even a no is put constructively: what we can do, not only what we can't.",
        'The tone is warm and genuine and adapts to the way the customer writes. Frustration is met with empathy (e.g. "I understand the wait has been annoying"), and the message leaves a positive impression.',
      ],
    },
  },
  {
    id: 'clarity',
    groupId: 'clarity',
    scale: 'four',
    weight: 2,
    naAllowed: false,
    critical: null,
    selfCheckable: true,
    fi: {
      title: 'Selkeys ja rakenne',
      description:
        'Viesti on helppo lukea ja ymmärtää kerralla: tärkein asia ensin, lyhyet kappaleet, ei talon sisäistä kieltä.',
      targets: [
        'Viestiä on vaikea ymmärtää: asiat ovat sekaisin, virkkeet pitkiä ja mukana on sisäisiä lyhenteitä tai termejä.',
        'Viesti on ymmärrettävä, mutta pääasia hukkuu muun tekstin sekaan tai viesti on tarpeettoman pitkä.',
        'Viesti on selkeä ja jäsennelty, ja vastaus asiakkaan kysymykseen löytyy helposti.',
        'Tärkein asia kerrotaan heti alussa, kappaleet ovat lyhyitä, toimintaohjeet on numeroitu ja kieli on yleiskieltä. Asiakas ymmärtää viestin ensimmäisellä lukukerralla.',
      ],
    },
    en: {
      title: 'Clarity and structure',
      description:
        'The message is easy to read and understand in one go: the main point first, short paragraphs, no in-house jargon.',
      targets: [
        'The message is hard to follow: points are jumbled, sentences are long, and internal abbreviations or terms appear.',
        'The message can be understood, but the main point is buried in other text or the message is needlessly long.',
        "The message is clear and well organised; the answer to the customer's question is easy to find.",
        'The main point comes first, paragraphs are short, instructions are numbered and the language is plain. The customer understands the message on the first reading.',
      ],
    },
  },
  {
    id: 'spelling',
    groupId: 'spelling',
    scale: 'three',
    weight: 1,
    naAllowed: false,
    critical: null,
    selfCheckable: true,
    fi: {
      title: 'Oikeinkirjoitus',
      description: 'Viesti on kirjoitettu huolellisesti ja kielenhuollon mukaan.',
      targets: [
        'Viestissä on useita kirjoitus-, välimerkki- tai kielioppivirheitä, jotka haittaavat lukemista tai antavat huolimattoman kuvan.',
        'Viestissä on yksittäisiä kirjoitus- tai välimerkkivirheitä, jotka eivät haittaa ymmärtämistä.',
        'Viesti on virheetön: oikeinkirjoitus, välimerkit ja isot alkukirjaimet ovat kunnossa, ja nimet ja numerot on tarkistettu.',
      ],
    },
    en: {
      title: 'Spelling',
      description: 'The message is written with care and follows the rules of the language.',
      targets: [
        'Several spelling, punctuation or grammar errors make the message harder to read or look careless.',
        'A few isolated spelling or punctuation errors that do not get in the way of understanding.',
        'The message is error-free: spelling, punctuation and capitals are right, and names and numbers have been checked.',
      ],
    },
  },
];

// ───────────────────────────── Chat ─────────────────────────────

/** Reuses the written-message criteria where chat asks the same, replaces the rest. */
function fromEmail(id: string): CriterionSpec {
  const spec = emailCriteria.find((c) => c.id === id);
  if (!spec) throw new Error(`no e-mail criterion "${id}"`);
  return spec;
}

const chatCriteria: CriterionSpec[] = [
  {
    id: 'greeting',
    groupId: 'opening',
    scale: 'three',
    weight: 1,
    naAllowed: false,
    critical: null,
    selfCheckable: true,
    fi: {
      title: 'Tervehdys ja esittäytyminen',
      description: 'Asiakas saa nopeasti henkilökohtaisen tervehdyksen, ja asiakaspalvelija kertoo nimensä.',
      targets: [
        'Ensimmäinen viesti tulee viiveellä ilman tervehdystä, tai se on pelkkä automaattinen pohja.',
        'Asiakasta tervehditään, mutta asiakaspalvelija ei esittäydy tai tervehdys ei liity asiakkaan kysymykseen.',
        'Asiakasta tervehditään heti ystävällisesti, asiakaspalvelija kertoo etunimensä ja kuittaa asiakkaan kysymyksen (esim. ”Hei, olen Anna. Katsotaan tilaustasi yhdessä.”).',
      ],
    },
    en: {
      title: 'Greeting and introduction',
      description: 'The customer quickly gets a personal greeting and the agent gives their name.',
      targets: [
        'The first message comes late with no greeting, or it is just the automatic template.',
        "The customer is greeted, but the agent does not introduce themselves or the greeting ignores the customer's question.",
        'The customer is greeted warmly right away; the agent gives their first name and acknowledges the question (e.g. "Hi, I\'m Anna. Let\'s look at your order together.").',
      ],
    },
  },
  fromEmail('name'),
  fromEmail('need'),
  {
    ...fromEmail('questions'),
    fi: {
      title: 'Tarkentavat kysymykset',
      description:
        'Kun tiedot eivät riitä, asiakkaalta kysytään juuri se, mitä tarvitaan, ilman turhaa edestakaista. ”Ei koske”, jos asia oli selvä ilman tarkennuksia.',
      targets: [
        'Puuttuvaa tietoa ei kysytä vaan vastaus perustuu arvaukseen, tai asiakkaalta kysellään samoja asioita useaan kertaan.',
        'Tarkennusta pyydetään, mutta kysymykset ovat epämääräisiä tai niitä tulee yksi kerrallaan, jolloin keskustelu venyy.',
        'Tarvittavat tiedot kysytään selkeästi ja kerralla, ja asiakkaalle kerrotaan, miksi niitä tarvitaan. Jo annettuja tietoja ei kysytä uudelleen.',
      ],
    },
    en: {
      title: 'Clarifying questions',
      description:
        'When information is missing, the customer is asked for exactly what is needed, without needless back and forth. N/A when no clarification was needed.',
      targets: [
        'Missing information is not asked for and the answer rests on a guess, or the customer is asked the same things more than once.',
        'Clarification is asked for, but the questions are vague or come one at a time, dragging the chat out.',
        'What is needed is asked for clearly and at once, with a word on why. Nothing the customer already gave is asked again.',
      ],
    },
  },
  fromEmail('solution'),
  fromEmail('accuracy'),
  {
    ...fromEmail('privacy'),
    fi: {
      title: 'Tietosuoja',
      description:
        'Asiakas tunnistetaan ohjeen mukaan ennen kuin hänen tietojaan käsitellään, eikä chatissa pyydetä tai näytetä tarpeettomia henkilötietoja. Kriittinen: vakava puute nollaa koko arvioinnin.',
      targets: [
        'Asiakkaan tietoja kerrotaan ilman tunnistamista, tai chatissa pyydetään tai näytetään suojattavia tietoja (esim. henkilötunnus, kortin numero tai salasana).',
        'Tiedot eivät päädy ulkopuolisille, mutta chatissa toistetaan tarpeettomasti henkilötietoja, jotka olisi voinut jättää pois.',
        'Asiakas tunnistetaan ohjeen mukaan ennen tietojen käsittelyä, ja chatissa käsitellään vain asian hoitamiseen tarvittavat tiedot. Arkaluonteiset asiat ohjataan turvalliseen kanavaan.',
      ],
    },
    en: {
      title: 'Data protection',
      description:
        "The customer is identified as instructed before their data is handled, and the chat neither asks for nor shows personal data it doesn't need. Critical: a serious breach sets the whole review to zero.",
      targets: [
        "The customer's data is disclosed without identification, or the chat asks for or shows data that must be protected (e.g. a personal identity number, card number or password).",
        'Nothing reaches outsiders, but the chat needlessly repeats personal data that could have been left out.',
        'The customer is identified as instructed before any data is handled, and only what the matter requires is discussed. Sensitive matters are moved to a secure channel.',
      ],
    },
  },
  {
    id: 'waiting',
    groupId: 'solution',
    scale: 'binary',
    weight: 1,
    naAllowed: true,
    critical: null,
    selfCheckable: false,
    fi: {
      title: 'Odotuksesta kertominen',
      description: 'Kun asian selvittäminen vie aikaa, asiakkaalle kerrotaan, mitä tehdään ja kauanko se kestää. ”Ei koske”, jos odotusta ei ollut.',
      targets: [
        'Asiakas jätetään odottamaan hiljaisuudessa, eikä hän tiedä, onko keskustelu vielä auki.',
        'Asiakkaalle kerrotaan, mitä tarkistetaan ja arviolta kauanko se kestää (esim. ”Tarkistan tämän, hetki vain, noin kaksi minuuttia.”), ja pidemmän tauon aikana hänelle kerrotaan tilanteesta.',
      ],
    },
    en: {
      title: 'Keeping the customer informed while waiting',
      description:
        'When finding out takes time, the customer is told what is being done and roughly how long it takes. N/A when there was no wait.',
      targets: [
        'The customer is left waiting in silence, not knowing whether the chat is still open.',
        'The customer is told what is being checked and roughly how long it will take (e.g. "Let me check that, it\'ll take about two minutes."), and hears from the agent during a longer pause.',
      ],
    },
  },
  {
    id: 'closing',
    groupId: 'closing',
    scale: 'three',
    weight: 1,
    naAllowed: false,
    critical: null,
    selfCheckable: true,
    fi: {
      title: 'Lopetus',
      description: 'Keskustelu päätetään hallitusti: asiakkaalta varmistetaan, että kaikki on selvää, ennen kuin chat suljetaan.',
      targets: [
        'Chat suljetaan kesken tai ilman lopetusta; asiakas ei tiedä, onko asia hoidettu.',
        'Keskustelu päätetään kohteliaasti, mutta asiakkaalta ei varmisteta, jäikö jotain vielä kysyttävää.',
        'Lopuksi kerrataan, mitä sovittiin, asiakkaalta kysytään, voiko vielä auttaa jossain, ja häntä kiitetään keskustelusta ennen kuin chat suljetaan.',
      ],
    },
    en: {
      title: 'Closing',
      description: 'The chat is ended in an orderly way: the agent makes sure everything is clear before closing it.',
      targets: [
        'The chat is closed abruptly or without a closing; the customer does not know whether the matter is settled.',
        'The chat ends politely, but the agent does not check whether anything else is still open.',
        'The agent recaps what was agreed, asks whether there is anything else they can help with, and thanks the customer before the chat is closed.',
      ],
    },
  },
  fromEmail('tone'),
  {
    ...fromEmail('clarity'),
    fi: {
      title: 'Selkeys',
      description: 'Viestit ovat lyhyitä ja selkeitä; yksi asia kerrallaan, ei talon sisäistä kieltä.',
      targets: [
        'Viestejä on vaikea seurata: pitkiä tekstiseiniä, useita asioita sekaisin tai sisäisiä lyhenteitä.',
        'Viestit ovat ymmärrettäviä, mutta pääasia hukkuu pitkiin viesteihin tai kopioituihin ohjeisiin.',
        'Viestit ovat selkeitä ja sopivan mittaisia, ja asiakas pysyy keskustelussa mukana.',
        'Jokainen viesti käsittelee yhtä asiaa, ohjeet annetaan vaihe kerrallaan ja kieli on yleiskieltä. Asiakkaan ei tarvitse kysyä, mitä jollakin tarkoitettiin.',
      ],
    },
    en: {
      title: 'Clarity',
      description: 'Messages are short and clear: one thing at a time, no in-house jargon.',
      targets: [
        'The messages are hard to follow: walls of text, several matters mixed up, or internal abbreviations.',
        'The messages can be understood, but the main point gets lost in long messages or pasted instructions.',
        'The messages are clear and of a suitable length, and the customer can easily keep up.',
        'Each message deals with one thing, instructions come one step at a time and the language is plain. The customer never has to ask what something meant.',
      ],
    },
  },
  {
    ...fromEmail('spelling'),
    fi: {
      title: 'Oikeinkirjoitus',
      description: 'Chatissakin kirjoitetaan huolellisesti: nopea tahti ei oikeuta virheitä, jotka haittaavat ymmärtämistä.',
      targets: [
        'Viesteissä on toistuvia kirjoitus- tai kielioppivirheitä, puhekieltä tai lyhenteitä, jotka haittaavat lukemista tai antavat huolimattoman kuvan.',
        'Yksittäisiä näppäilyvirheitä, jotka eivät haittaa ymmärtämistä.',
        'Viestit ovat huoliteltuja: oikeinkirjoitus ja välimerkit ovat kunnossa, ja nimet, numerot ja linkit on tarkistettu.',
      ],
    },
    en: {
      title: 'Spelling',
      description: 'Chat is written with care too: a fast pace is no excuse for errors that get in the way of understanding.',
      targets: [
        'Repeated spelling or grammar errors, slang or abbreviations make the messages harder to read or look careless.',
        'Isolated typos that do not get in the way of understanding.',
        'The messages are tidy: spelling and punctuation are right, and names, numbers and links have been checked.',
      ],
    },
  },
];

// ───────────────────────────── Phone call ─────────────────────────────

/**
 * On calls nothing is selfCheckable: the self-check reviews a written draft before it is sent,
 * and a call has no draft. Calls are reviewed by a reviewer from the recording.
 */
const callCriteria: CriterionSpec[] = [
  {
    id: 'greeting',
    groupId: 'opening',
    scale: 'three',
    weight: 1,
    naAllowed: false,
    critical: null,
    selfCheckable: false,
    fi: {
      title: 'Vastaaminen',
      description: 'Puheluun vastataan selkeästi yrityksen ja oman nimen kera, ystävällisellä äänellä.',
      targets: [
        'Vastaus on epäselvä tai tyly, eikä asiakas kuule, mihin hän soitti tai kenen kanssa puhuu.',
        'Yritys ja nimi kerrotaan, mutta nopeasti tai ulkoa luetun kuuloisesti.',
        'Puheluun vastataan rauhallisesti ja ystävällisesti, yrityksen ja oman etunimen kera (esim. ”Asiakaspalvelu, Anna puhelimessa, hyvää huomenta.”), ja asiakas saa tilaa kertoa asiansa.',
      ],
    },
    en: {
      title: 'Answering the call',
      description: 'The call is answered clearly with the company and own name, in a friendly voice.',
      targets: [
        'The answer is unclear or curt; the customer cannot tell whom they reached or who is speaking.',
        'The company and name are given, but hurriedly or as if read out by rote.',
        'The call is answered calmly and warmly with the company and the agent\'s first name (e.g. "Customer service, Anna speaking, good morning."), and the customer is given room to explain.',
      ],
    },
  },
  {
    id: 'name',
    groupId: 'opening',
    scale: 'binary',
    weight: 1,
    naAllowed: true,
    critical: null,
    selfCheckable: false,
    fi: {
      title: 'Asiakkaan nimi',
      description: 'Asiakasta puhutellaan nimellä, kun nimi on tiedossa. ”Ei koske”, jos nimeä ei saatu selville.',
      targets: [
        'Asiakkaan nimi on tiedossa, mutta sitä ei käytetä kertaakaan, tai se lausutaan väärin korjaamatta.',
        'Asiakasta puhutellaan nimellä luontevasti puhelun aikana, esimerkiksi tunnistamisen jälkeen ja lopetuksessa.',
      ],
    },
    en: {
      title: "Customer's name",
      description: 'The customer is addressed by name when it is known. N/A when the name never came up.',
      targets: [
        "The customer's name is known but never used, or it is mispronounced without correction.",
        'The customer is addressed by name naturally during the call, for example after identification and when closing.',
      ],
    },
  },
  {
    ...fromEmail('need'),
    fi: {
      title: 'Asiakkaan tarpeen ymmärtäminen',
      description: 'Asiakaspalvelija selvittää, mitä asiakas tarvitsee, myös sen, mitä hän ei suoraan sano.',
      targets: [
        'Asiakaspalvelija ryhtyy ratkaisemaan eri asiaa kuin asiakas tarkoitti; asiakas joutuu selittämään uudelleen.',
        'Asiakaspalvelija tarttuu ensimmäiseen mainittuun asiaan, ja osa asiakkaan asioista jää käsittelemättä.',
        'Asiakkaan pääasia ymmärretään, mutta taustalla oleva huoli tai muut asiat jäävät selvittämättä.',
        'Asiakaspalvelija varmistaa omin sanoin, että hän on ymmärtänyt asian (esim. ”Eli laskussa on veloitus, jota et tunnista?”), ja kaikki asiakkaan asiat tulevat käsitellyiksi.',
        'Asian lisäksi asiakaspalvelija tunnistaa taustalla olevan tarpeen ja ennakoi seuraavan kysymyksen, joten asiakkaan ei tarvitse soittaa uudelleen.',
      ],
    },
    en: {
      title: "Understanding the customer's need",
      description: 'The agent finds out what the customer needs, including what they do not say outright.',
      targets: [
        'The agent sets out to solve something other than what the customer meant; the customer has to explain again.',
        "The agent seizes on the first thing mentioned, and some of the customer's matters go unhandled.",
        "The customer's main matter is understood, but the worry behind it or other matters are not explored.",
        'The agent confirms their understanding in their own words (e.g. "So there\'s a charge on the invoice you don\'t recognise?"), and all of the customer\'s matters are dealt with.',
        'Beyond the matter itself, the agent spots the need behind it and anticipates the next question, so the customer does not have to call again.',
      ],
    },
  },
  {
    ...fromEmail('questions'),
    fi: {
      title: 'Kysymykset',
      description: 'Asiakaspalvelija kysyy avoimia ja tarkentavia kysymyksiä, joilla asia selviää. ”Ei koske”, jos asia oli selvä ilman kysymyksiä.',
      targets: [
        'Tarvittavia tietoja ei kysytä vaan ratkaisu perustuu arvaukseen, tai kysymykset hyppivät asiasta toiseen.',
        'Kysymyksiä esitetään, mutta ne ovat enimmäkseen suljettuja tai toistavat jo kerrottua.',
        'Asiakaspalvelija etenee avoimista kysymyksistä tarkentaviin, kysyy vain tarpeellisen ja kertoo tarvittaessa, miksi tietoa tarvitaan.',
      ],
    },
    en: {
      title: 'Questions',
      description: 'The agent asks open and clarifying questions that get to the bottom of the matter. N/A when no clarification was needed.',
      targets: [
        'Needed information is not asked for and the solution rests on a guess, or the questions jump from one topic to another.',
        'Questions are asked, but they are mostly closed or repeat what was already said.',
        'The agent moves from open questions to precise ones, asks only what is needed and explains why when it helps.',
      ],
    },
  },
  {
    ...fromEmail('solution'),
    fi: {
      title: 'Ratkaisu ja jatko',
      description: 'Asiakas saa ratkaisun tai selvän suunnitelman: mitä tapahtuu, kuka tekee ja milloin.',
      targets: [
        'Asiakas ei saa ratkaisua eikä tietoa siitä, miten asia etenee.',
        'Ratkaisua yritetään, mutta se jää puolitiehen, tai asiakas ohjataan soittamaan muualle ilman perusteluja.',
        'Asia ratkeaa tai etenee, mutta asiakas jää epävarmaksi seuraavista vaiheista tai aikataulusta.',
        'Asiakas saa toimivan ratkaisun ja tietää, mitä seuraavaksi tapahtuu ja milloin.',
        'Ratkaisu on valmis ja perusteltu, vastuut ja aikataulu sovitaan puhelun aikana, ja asiakkaalle tarjotaan vaihtoehto, jos ensisijainen ratkaisu ei sovi.',
      ],
    },
    en: {
      title: 'Solution and next steps',
      description: 'The customer gets a solution or a clear plan: what happens, who does it and when.',
      targets: [
        'The customer gets neither a solution nor any word on how the matter will proceed.',
        'A solution is attempted but left half-way, or the customer is told to call somewhere else without a reason.',
        'The matter is solved or moves forward, but the customer is left unsure of the next steps or the timetable.',
        'The customer gets a working solution and knows what happens next and when.',
        'The solution is complete and explained, responsibilities and timing are agreed during the call, and an alternative is offered in case the first choice does not suit.',
      ],
    },
  },
  {
    ...fromEmail('accuracy'),
    fi: {
      title: 'Tiedon oikeellisuus',
      description: 'Annettu tieto on oikein, ajan tasalla ja ohjeiden mukaista.',
      targets: [
        'Puhelussa annetaan virheellistä tietoa, joka johtaa asiakasta harhaan (esim. väärä hinta, ehto tai määräaika).',
        'Tieto on pääosin oikein, mutta siinä on epätarkkuuksia tai vanhentunutta tietoa.',
        'Tieto on oikein ja ohjeiden mukaista; jotain olennaista olisi vielä voinut kertoa.',
        'Tieto on oikein ja täsmällistä. Asiakaspalvelija ei arvaa, vaan tarkistaa epävarman asian ennen kuin vastaa.',
      ],
    },
    en: {
      title: 'Correct information',
      description: 'The information given is correct, up to date and in line with the instructions.',
      targets: [
        'The call gives wrong information that misleads the customer (e.g. a wrong price, term or deadline).',
        'The information is mostly right but has inaccuracies or outdated details.',
        'The information is correct and follows the instructions; something relevant could still have been mentioned.',
        'The information is correct and precise, and the agent checks anything uncertain before answering instead of guessing.',
      ],
    },
  },
  {
    ...fromEmail('privacy'),
    selfCheckable: false,
    fi: {
      title: 'Tunnistaminen ja tietosuoja',
      description:
        'Soittaja tunnistetaan ohjeen mukaan ennen kuin hänen tietojaan käsitellään, eikä tietoja kerrota kenellekään muulle. Kriittinen: vakava puute nollaa koko arvioinnin.',
      targets: [
        'Asiakkaan tietoja kerrotaan tai muutetaan ilman ohjeen mukaista tunnistamista, tai tietoja kerrotaan muulle kuin asiakkaalle itselleen.',
        'Tunnistaminen tehdään, mutta puutteellisesti tai vasta kesken puhelun, tai tietoja luetaan ääneen tarpeettoman paljon.',
        'Soittaja tunnistetaan ohjeen mukaan ennen kuin hänen tietojaan käsitellään, ja puhelussa käsitellään vain asian hoitamiseen tarvittavat tiedot.',
      ],
    },
    en: {
      title: 'Identification and data protection',
      description:
        'The caller is identified as instructed before their data is handled, and nothing is disclosed to anyone else. Critical: a serious breach sets the whole review to zero.',
      targets: [
        "The customer's data is disclosed or changed without identification as instructed, or it is disclosed to someone other than the customer.",
        'Identification is done, but incompletely or only part-way through the call, or more data is read out than needed.',
        'The caller is identified as instructed before any of their data is handled, and only what the matter requires is discussed.',
      ],
    },
  },
  {
    id: 'hold',
    groupId: 'solution',
    scale: 'binary',
    weight: 1,
    naAllowed: true,
    critical: null,
    selfCheckable: false,
    fi: {
      title: 'Pito ja siirrot',
      description: 'Asiakkaalta kysytään lupa ennen pitoa, ja siirrosta kerrotaan etukäteen. ”Ei koske”, jos pitoa tai siirtoa ei ollut.',
      targets: [
        'Asiakas laitetaan pitoon tai siirretään kysymättä ja selittämättä, tai hän jää odottamaan pitkäksi aikaa ilman tietoa.',
        'Asiakaspalvelija kertoo, miksi ja kuinka pitkäksi aikaa asiakas laitetaan pitoon, kiittää odottamisesta ja siirtää puhelun vasta kerrottuaan, kenelle ja miksi.',
      ],
    },
    en: {
      title: 'Hold and transfers',
      description:
        'The customer is asked before being put on hold and told before a transfer. N/A when there was no hold or transfer.',
      targets: [
        'The customer is put on hold or transferred without being asked or told why, or is left waiting a long time with no word.',
        'The agent says why and for how long the customer will be on hold, thanks them for waiting, and transfers the call only after saying to whom and why.',
      ],
    },
  },
  {
    id: 'summary',
    groupId: 'closing',
    scale: 'three',
    weight: 1,
    naAllowed: false,
    critical: null,
    selfCheckable: false,
    fi: {
      title: 'Yhteenveto',
      description: 'Ennen lopetusta kerrataan, mitä sovittiin ja mitä seuraavaksi tapahtuu.',
      targets: [
        'Yhteenvetoa ei ole; asiakas ei voi olla varma, mitä sovittiin.',
        'Sovittua sivutaan, mutta seuraavat vaiheet tai aikataulu jäävät epäselviksi.',
        'Asiakaspalvelija kertaa lyhyesti, mitä sovittiin, kuka tekee mitä ja milloin, ja varmistaa, että asiakas on samaa mieltä.',
      ],
    },
    en: {
      title: 'Summary',
      description: 'Before ending, the agent recaps what was agreed and what happens next.',
      targets: [
        'There is no summary; the customer cannot be sure what was agreed.',
        'What was agreed is touched on, but the next steps or the timetable stay unclear.',
        'The agent briefly recaps what was agreed, who does what and when, and checks that the customer agrees.',
      ],
    },
  },
  {
    id: 'closing',
    groupId: 'closing',
    scale: 'three',
    weight: 1,
    naAllowed: false,
    critical: null,
    selfCheckable: false,
    fi: {
      title: 'Lopetus',
      description: 'Puhelu päätetään kiireettömästi ja ystävällisesti.',
      targets: [
        'Puhelu katkaistaan äkisti tai asiakkaan puhuessa.',
        'Puhelu päätetään kohteliaasti, mutta asiakkaalta ei kysytä, voiko vielä auttaa jossain.',
        'Asiakaspalvelija kysyy, voiko vielä auttaa jossain, kiittää soitosta ja toivottaa hyvää jatkoa, ja antaa asiakkaan lopettaa puhelun.',
      ],
    },
    en: {
      title: 'Closing',
      description: 'The call is ended unhurriedly and warmly.',
      targets: [
        'The call is cut short abruptly or while the customer is still talking.',
        'The call ends politely, but the customer is not asked whether there is anything else.',
        'The agent asks whether there is anything else they can help with, thanks the customer for calling, wishes them well and lets the customer end the call.',
      ],
    },
  },
  {
    ...fromEmail('tone'),
    selfCheckable: false,
    fi: {
      title: 'Sävy ja asenne',
      description: 'Asiakaspalvelija on ystävällinen, kiinnostunut ja rauhallinen; asiakas kokee tulleensa kuulluksi.',
      targets: [
        'Asiakaspalvelija on tyly, kärsimätön tai väittelee asiakkaan kanssa; asiakas voi loukkaantua.',
        'Asiakaspalvelija kuulostaa välinpitämättömältä tai kiireiseltä, eikä asiakkaan harmiin reagoida.',
        'Asiakaspalvelija on asiallinen ja kohtelias mutta etäinen; asiakkaan tilannetta ei juuri huomioida.',
        'Asiakaspalvelija on ystävällinen ja kiinnostunut asiakkaan asiasta, ja kielteinenkin asia kerrotaan rakentavasti.',
        'Asiakaspalvelija on lämmin ja aito ja mukautuu asiakkaan tunnetilaan. Mielipahaan vastataan empatialla, ja asiakkaalle jää hyvä mieli, vaikka vastaus ei olisi se, mitä hän toivoi.',
      ],
    },
    en: {
      title: 'Tone and attitude',
      description: 'The agent is friendly, interested and calm; the customer feels heard.',
      targets: [
        'The agent is curt, impatient or argues with the customer; the customer may take offence.',
        "The agent sounds indifferent or rushed, and the customer's frustration is not acknowledged.",
        "The agent is correct and polite but distant; the customer's situation is hardly acknowledged.",
        "The agent is friendly and interested in the customer's matter, and even a no is put constructively.",
        "The agent is warm and genuine and adapts to the customer's mood. Frustration is met with empathy, and the customer leaves in good spirits even when the answer was not what they hoped for.",
      ],
    },
  },
  {
    ...fromEmail('clarity'),
    selfCheckable: false,
    fi: {
      title: 'Selkeys',
      description: 'Asiat kerrotaan ymmärrettävästi ja sopivassa järjestyksessä, ilman talon sisäistä kieltä.',
      targets: [
        'Selitys on sekava, hyppii asiasta toiseen tai on täynnä sisäisiä termejä; asiakas ei pysy mukana.',
        'Asia selviää, mutta selitys on pitkä tai asiakas joutuu kysymään tarkennuksia.',
        'Asiat kerrotaan selkeästi ja loogisessa järjestyksessä.',
        'Asiakaspalvelija kertoo tärkeimmän ensin, selittää termit arkikielellä, antaa ohjeet vaihe kerrallaan ja varmistaa, että asiakas pysyy mukana.',
      ],
    },
    en: {
      title: 'Clarity',
      description: 'Things are explained understandably and in a sensible order, without in-house jargon.',
      targets: [
        'The explanation is muddled, jumps between topics or is full of internal terms; the customer cannot keep up.',
        'The matter becomes clear, but the explanation is long or the customer has to ask for clarification.',
        'Things are explained clearly and in a logical order.',
        'The agent gives the main point first, explains terms in everyday words, gives instructions one step at a time and checks that the customer is following.',
      ],
    },
  },
  {
    id: 'listening',
    groupId: 'voice',
    scale: 'four',
    weight: 2,
    naAllowed: false,
    critical: null,
    selfCheckable: false,
    fi: {
      title: 'Kuuntelu',
      description: 'Asiakaspalvelija antaa asiakkaan puhua loppuun ja osoittaa kuuntelevansa.',
      targets: [
        'Asiakaspalvelija keskeyttää toistuvasti tai puhuu asiakkaan päälle, eikä asiakkaan kertomaa oteta huomioon.',
        'Asiakaspalvelija kuuntelee, mutta keskeyttää välillä tai kysyy uudelleen jo kerrottuja asioita.',
        'Asiakas saa puhua loppuun, ja asiakaspalvelija palaa hänen kertomiinsa asioihin.',
        'Asiakaspalvelija kuuntelee keskeyttämättä, osoittaa kuuntelevansa pienin kuittauksin ja palauttein ja käyttää asiakkaan omia sanoja kertoessaan, mitä on ymmärtänyt.',
      ],
    },
    en: {
      title: 'Listening',
      description: 'The agent lets the customer finish and shows they are listening.',
      targets: [
        'The agent repeatedly interrupts or talks over the customer, and what the customer said is not taken into account.',
        'The agent listens but interrupts now and then, or asks again for things already said.',
        'The customer gets to finish, and the agent comes back to what they said.',
        "The agent listens without interrupting, shows it with short acknowledgements, and uses the customer's own words when confirming what they understood.",
      ],
    },
  },
  {
    id: 'voice',
    groupId: 'voice',
    scale: 'three',
    weight: 1,
    naAllowed: false,
    critical: null,
    selfCheckable: false,
    fi: {
      title: 'Äänenkäyttö',
      description: 'Puhe on selkeää ja rauhallista, ja äänestä kuulee, että asiakaspalvelija on läsnä.',
      targets: [
        'Puhe on epäselvää, liian nopeaa tai hiljaista, tai taustaäänet haittaavat; asiakas joutuu pyytämään toistamaan.',
        'Puhe on enimmäkseen selvää, mutta tempo tai äänensävy on välillä liian nopea tai yksitoikkoinen.',
        'Asiakaspalvelija puhuu selkeästi, sopivalla tempolla ja äänenvoimakkuudella, ja ääni on ystävällinen ja elävä; numerot ja nimet sanotaan niin, että ne menevät kerralla perille.',
      ],
    },
    en: {
      title: 'Voice',
      description: 'Speech is clear and calm, and the voice shows the agent is present.',
      targets: [
        'Speech is unclear, too fast or too quiet, or background noise gets in the way; the customer has to ask for repeats.',
        'Speech is mostly clear, but the pace or intonation is at times too fast or monotonous.',
        'The agent speaks clearly at a good pace and volume, in a friendly, lively voice; numbers and names are said so that they land the first time.',
      ],
    },
  },
];

// ───────────────────────────── Assembly ─────────────────────────────

interface CardSpec {
  key: 'email' | 'chat' | 'call';
  channel: Channel;
  name: Bilingual<string>;
  groups: string[];
  criteria: CriterionSpec[];
}

const cardSpecs: CardSpec[] = [
  {
    key: 'email',
    channel: 'email',
    name: { fi: 'Kirjallinen viesti (sähköposti)', en: 'Written message (e-mail)' },
    groups: ['opening', 'need', 'solution', 'closing', 'tone', 'clarity', 'spelling'],
    criteria: emailCriteria,
  },
  {
    key: 'chat',
    channel: 'chat',
    name: { fi: 'Chat', en: 'Chat' },
    groups: ['opening', 'need', 'solution', 'closing', 'tone', 'clarity', 'spelling'],
    criteria: chatCriteria,
  },
  {
    key: 'call',
    channel: 'call',
    name: { fi: 'Puhelu', en: 'Phone call' },
    groups: ['opening', 'need', 'solution', 'closing', 'tone', 'clarity', 'voice'],
    criteria: callCriteria,
  },
];

function buildCriterion(spec: CriterionSpec, lang: Language): Criterion {
  const texts = spec[lang];
  const labels = (spec.labels ?? SCALE_LABELS[spec.scale])[lang];
  return {
    id: spec.id,
    groupId: spec.groupId,
    title: texts.title,
    description: texts.description,
    weight: spec.weight,
    scale: spec.scale,
    levels: texts.targets.map((target, value) => ({ value, label: labels[value] ?? String(value), target })),
    naAllowed: spec.naAllowed,
    critical: spec.critical ? { ...spec.critical } : null,
    selfCheckable: spec.selfCheckable,
  };
}

function buildCard(spec: CardSpec, lang: Language): Scorecard {
  const id = `${BUILT_IN_PREFIX}${spec.key}-${lang}`;
  return {
    id,
    version: 1,
    // In every profile already, never synced: no team.
    team: null,
    status: 'published',
    name: spec.name[lang],
    language: lang,
    channels: [spec.channel],
    passMark: 80,
    groups: spec.groups.map((g) => {
      const t = GROUP_TITLES[g];
      if (!t) throw new Error(`no group "${g}"`);
      return { id: g, title: t[lang], kind: t.kind };
    }),
    criteria: spec.criteria.map((c) => buildCriterion(c, lang)),
    createdAt: TEMPLATE_CREATED_AT,
    updatedAt: TEMPLATE_CREATED_AT,
    publishedAt: TEMPLATE_CREATED_AT,
    // Its own id: a card duplicated from a template keeps this, so its origin (and language) is known.
    templateId: id,
  };
}

const LANGUAGES: Language[] = ['fi', 'en'];

/** All six built-in cards: e-mail, chat and call, each in Finnish and English. */
export const templates: Scorecard[] = cardSpecs.flatMap((spec) => LANGUAGES.map((lang) => buildCard(spec, lang)));

