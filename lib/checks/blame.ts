// Tone: blaming or dismissive phrases, from a curated list per language plus the team's own.
import { excerpt, matchesIn, phraseRegex, type Check } from './text';
import type { CheckLang } from './types';

// `*` = the rest of a word, so one entry covers a verb's persons and a noun's cases. Entries are
// specific on purpose: "olisi pitänyt" alone is also how we apologise ("meidän olisi pitänyt").
export const BLAME_PHRASES: Record<CheckLang, readonly string[]> = {
  fi: [
    'kuten jo kerro*', 'kuten aiemmin kerro*', 'kuten jo sano*', 'kuten aiemmin sano*', 'kuten jo maini*',
    'kuten aiemmin maini*', 'kuten edellä maini*', 'kuten jo tot*', 'kuten aiemmin tot*',
    'olisit voinut', 'olisitte voineet', 'olisit* pitänyt', 'olisitte pitäneet', 'teidän olisi pitänyt',
    'sinun olisi pitänyt', 'teidän täytyy ymmärtää', 'sinun täytyy ymmärtää', 'ei ole meidän vika*',
    'ei ole meidän syy*', 'ei ole meidän ongelma*', 'se on teidän ongelma*', 'se on sinun ongelma*',
    'rauhoittu*', 'rauhoitu', 'rauhoitutte*', 'lue viesti* uudelleen', 'lukekaa viesti* uudelleen',
    'itsestään selvä*', 'sehän on selvää', 'turha valittaa',
    'emme voi mitään', 'en voi mitään', 'ei kuulu meille',
  ],
  en: [
    'as I already said', 'as I said before', 'as I said', 'as I already mentioned', 'as I mentioned before',
    'as previously stated', 'as stated previously', 'as stated before', 'as already explained',
    'as I have already explained', 'as I already explained', 'I already told you', 'as I told you',
    'per my last email', 'as per my last email', 'you should have', "you should've", 'you must have',
    "it's not our fault", 'it is not our fault', 'not our fault', 'not our problem', "that's your problem",
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
