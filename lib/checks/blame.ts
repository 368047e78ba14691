// Tone: blaming or dismissive phrases, from a curated list per language plus the team's own.
import { excerpt, matchesIn, phraseRegex, type Check } from './text';
import type { CheckLang } from './types';

// `*` = the rest of a word, so one entry covers a verb's persons and a noun's cases. Entries are
// specific on purpose: "olisi pitänyt" alone is also how we apologise ("meidän olisi pitänyt"), "ei
// ole teidän vikanne" comforts (so the blame needs its "on"), and "lue ohjeet" is plain guidance.
// Colloquial forms are listed as written in chats ("niinku sanoin", "sun vika"). Every Finnish entry
// has a draft in tests/unit/checks/blame-fi.test.ts.
export const BLAME_PHRASES: Record<CheckLang, readonly string[]> = {
  fi: [
    // "As I said": the reminder that the customer should have listened.
    'kuten jo kerro*', 'kuten aiemmin kerro*', 'kuten jo sano*', 'kuten aiemmin sano*', 'kuten jo maini*',
    'kuten aiemmin maini*', 'kuten edellä maini*', 'kuten jo tot*', 'kuten aiemmin tot*', 'kuten jo tod*',
    'kuten aiemmin tod*', 'kuten sanoin', 'kuten sanoimme', 'kuten sanottu', 'kuten kerroin', 'kuten kerroimme',
    'kuten mainitsin', 'kuten mainitsimme', 'kuten totesin', 'kuten totesimme', 'kuten olen jo', 'kuten olemme jo',
    'niin kuin sanoin', 'niinkuin sanoin', 'niinku sanoin', 'niin kuin jo sano*', 'niinkuin jo sano*',
    'niinku jo sano*', 'niin kuin kerroin', 'niinkuin kerroin', 'niinku kerroin', 'niin kuin jo kerro*',
    'niinkuin jo kerro*', 'niinku jo kerro*', 'sanoinhan', 'sanoimmehan', 'kerroinhan', 'kerroimmehan',
    'mainitsinhan', 'totesinhan', 'sanottiinhan', 'kerrottiinhan', 'minähän sanoin', 'mähän sanoin',
    'moneen kertaan sano*', 'moneen kertaan kerto*', 'monta kertaa sano*', 'monta kertaa kerto*',
    'sanottu jo monta kertaa', 'kerrottu jo monta kertaa',
    // "You should have": the customer's lapse.
    'olisit voinut', 'olisitte voineet', 'oisit voinu*', 'olisit* pitänyt', 'olisitte pitäneet',
    'teidän olisi pitänyt', 'sinun olisi pitänyt', 'sun ois pitäny*', 'sun olis pitäny*', 'teidän ois pitäny*',
    'teidän olisi kannattanut', 'sinun olisi kannattanut', 'teidän pitäisi tietää', 'sinun pitäisi tietää',
    'teidän kuuluisi tietää', 'sinun kuuluisi tietää',
    // "You did not read the instructions".
    'ettet lukenut', 'ettet ole lukenut', 'ettette lukeneet', 'ettette ole lukeneet', 'et lukenut', 'ette lukeneet',
    'et ole lukenut', 'ette ole lukeneet', 'et ilmeisesti lukenut', 'ette ilmeisesti lukeneet', 'et lukenu',
    'ette lukenu', 'ettet lukenu', 'olisit lukenut', 'olisitte lukeneet', 'lukisit ohje*', 'lukisitte ohje*',
    'lue tarkemmin', 'lukekaa tarkemmin', 'lue huolellisemmin', 'lukekaa huolellisemmin', 'lue viesti* uudelleen',
    'lukekaa viesti* uudelleen', 'lue ohje* uudelleen', 'lukekaa ohje* uudelleen', 'lukee selvästi',
    'lukee selkeästi', 'selvästi kerrottu', 'selkeästi kerrottu', 'selvästi mainittu', 'selkeästi mainittu',
    // "It is your fault".
    'on teidän vika*', 'on sinun vika*', 'on sun vika*', 'on teiän vika*', 'on teidän syy*', 'on sinun syy*',
    'on teidän oma vika*', 'on sinun oma vika*', 'on teidän omaa syy*',
    'vika on teidän*', 'vika on sinun*', 'virhe on teidän*', 'virhe on sinun*', 'on teidän virhe*',
    'on sinun virhe*', 'teidän virheest*', 'sinun virheest*', 'olette itse aiheutta*', 'olet itse aiheutta*',
    'itse aiheuttamanne', 'itse aiheuttamasi', 'syyttä* itseän*', 'syyttä* itseäsi', 'syytä itseäsi',
    // "Not our fault, not our business".
    'ei ole meidän vika*', 'ei ole meidän syy*', 'ei ole meidän virhe*', 'ei ole meidän ongelma*',
    'ei ole meidän asia*', 'ei meidän vika*', 'ei meiän vika*', 'ei oo meidän vika*', 'ei oo meiän vika*',
    'ei meidän ongelma*', 'ei meiän ongelma*', 'ei johdu meistä', 'vika ei ole meissä', 'se on teidän ongelma*',
    'se on sinun ongelma*', 'se on sun ongelma*', 'se on teiän ongelma*', 'ei kuulu meille',
    // "You must understand", "it is obvious".
    'teidän täytyy ymmärtää', 'sinun täytyy ymmärtää', 'teidän pitää ymmärtää', 'sinun pitää ymmärtää',
    'teidän on ymmärrettävä', 'sinun on ymmärrettävä', 'ettekö ymmärrä', 'etkö ymmärrä', 'ette näytä ymmärtävän',
    'et näytä ymmärtävän', 'ette ilmeisesti ymmärrä', 'et ilmeisesti ymmärrä', 'itsestään selvä*',
    'itsestäänselvä*', 'sehän on selvää', 'pitäisi olla selvää',
    'eikö se ole selvää', 'luulisi olevan selvää', 'kuten kuka tahansa näkee', 'kuten kaikki näkevät',
    'kuten kaikki tietävät',
    // "Calm down", "no use complaining", "nothing can be done".
    'rauhoittu*', 'rauhoitu', 'rauhoitukaa', 'rauhoitutte*', 'ota rauhallisesti', 'ottakaa rauhallisesti',
    'ei tarvitse huutaa', 'älä huuda', 'älkää huutako', 'ei tarvitse hermostua', 'älä hermostu',
    'älkää hermostuko', 'turha hermostua', 'turha hermoilla', 'turha valittaa', 'turha valitella',
    'ei kannata valittaa', 'ei auta valittaa', 'valittaminen ei auta', 'ei auta itku markkinoilla',
    'niin se vain on', 'niin se vaan on', 'näin se vain menee', 'näin se vaan menee', 'emme voi mitään',
    'en voi mitään', 'sille ei voi mitään', 'ei sille voi mitään', 'asialle ei voi mitään', 'me ei voida mitään',
    'ei me voida mitään', 'mitään ei ole tehtävissä', 'ei ole mitään tehtävissä',
  ],
  en: [
    'as I already said', 'as I said before', 'as I said', 'as I already mentioned', 'as I mentioned before',
    'as previously stated', 'as stated previously', 'as stated before', 'as already explained',
    'as I have already explained', 'as I already explained', 'I already told you', 'as I told you',
    'per my last email', 'as per my last email', 'you should have', "you should've", 'you must have',
    "it's not our fault", 'it is not our fault', 'not our fault', "it's your fault", 'it is your fault', 'your own fault', 'not our problem', "that's your problem",
    'not my problem', 'obviously', 'calm down', 'you failed to', "you didn't read", 'you did not read',
    'you need to understand', 'for the last time', "you're wrong", 'you are wrong', 'there is nothing we can do',
    "there's nothing we can do", 'as you should know', 'as anyone can see', 'read the instructions',
  ],
};

const BUILT_IN_RE = phraseRegex([...BLAME_PHRASES.fi, ...BLAME_PHRASES.en])!;

export const checkBlame: Check = (draft, options) => {
  const found = matchesIn(BUILT_IN_RE, draft.text);
  // Team phrases change rarely but arrive with every call; compiling a few dozen is microseconds.
  const teamRe = phraseRegex(options.extraBlamePhrases);
  if (teamRe) {
    // A team phrase that overlaps a built-in match would say the same thing twice.
    for (const m of matchesIn(teamRe, draft.text)) {
      if (!found.some((f) => f.span.start < m.span.end && m.span.start < f.span.end)) found.push(m);
    }
    found.sort((a, b) => a.span.start - b.span.start);
  }
  return found.map(({ span, text }) => ({
    check: 'blame' as const,
    criterion: 'tone' as const,
    severity: 'warning' as const,
    span,
    messageKey: 'checks.blame.phrase' as const,
    params: { phrase: excerpt(text) },
  }));
};
