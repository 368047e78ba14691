// Does a word address a person by one of their names, allowing for Finnish inflection ("Virtaselle")?
//
// A deliberately small model of Finnish name inflection, not a morphological analyser. From the
// nominative we build a few stems and accept a draft word that is one of those stems plus a case
// ending from a closed list. The rules, applied to the lower-cased name:
//
//   1. The name itself is always a stem (Matti → "matti": Mattia, Mattiin; Liisa → Liisan).
//   2. -nen names take the -se-/-s- stem: Virtanen → "virtase" (Virtasen, Virtaselle, Virtaseen)
//      and "virtas" (Virtasta, Virtasille).
//   3. Vowel-final names: the consonant cluster before the final vowel(s) may weaken
//      (consonant gradation), checked on the end of the cluster, first rule that fits wins:
//        kk→k  tt→t  pp→p            Pekka→Pekan, Matti→Matin, Antti→Antin, Kemppi→Kempin
//        nk→ng nt→nn lt→ll rt→rr mp→mm   Aalto→Aallon, Virta→Virran, Lampi→Lammin
//        k→∅ / v / j   t→d   p→v    Mäki→Mäen, Lahti→Lahden, Outi→Oudin
//      Both grades are kept: many first names resist gradation in use (Eetu→Eetun, Aapo→Aapon).
//   4. A final -i may also turn into -e- (old nouns as surnames): Niemi→Niemen, Lahti→Lahden, Mäki→Mäen.
//   5. Consonant-final names take a linking -i- (Mikael→Mikaelin), and -s names the -kse- stem
//      (Markus→Markuksen, Tuomas→Tuomakselle).
//
// Over-generation is harmless: a stem only counts with an ending from ENDINGS, and the stems come
// from the customer's own name. What is not covered: reverse gradation (weak nominative, strong
// inflection: "Rape"→"Rapen" works, "Hake"→"Hakkeen" does not), -e-final consonant stems
// ("Kalle" works, "Ahde"→"Ahteen" does not), possessive suffixes, and compound names inflected
// only in their last part are matched only as a whole ("Anna-Liisalle" yes, "Annalle" for
// "Anna-Liisa" no).

const VOWELS = 'aeiouyäöå';

function isVowel(c: string): boolean {
  return VOWELS.includes(c);
}

/** Weak grades of a consonant cluster, by its end (see rule 3). */
function weakGrades(cluster: string): string[] {
  const head2 = cluster.slice(0, -2);
  const head1 = cluster.slice(0, -1);
  const end2 = cluster.slice(-2);
  const last = cluster.slice(-1);
  if (end2 === 'kk' || end2 === 'tt' || end2 === 'pp') return [head1];
  const pairs: Record<string, string> = { nk: 'ng', nt: 'nn', lt: 'll', rt: 'rr', mp: 'mm' };
  const pair = pairs[end2];
  if (pair) return [head2 + pair];
  if (last === 'k') return [head1, `${head1}v`, `${head1}j`];
  if (last === 't') return [`${head1}d`];
  if (last === 'p') return [`${head1}v`];
  return [];
}

/** Stems a lower-cased name (no spaces) may appear with before a case ending. */
export function finnishNameStems(name: string): string[] {
  const stems = new Set<string>([name]);
  if (name.length > 4 && name.endsWith('nen')) {
    const base = name.slice(0, -3);
    stems.add(`${base}se`);
    stems.add(`${base}s`);
  } else if (isVowel(name.slice(-1))) {
    let vowelStart = name.length;
    while (vowelStart > 0 && isVowel(name[vowelStart - 1]!)) vowelStart--;
    let clusterStart = vowelStart;
    while (clusterStart > 0 && !isVowel(name[clusterStart - 1]!) && /\p{L}/u.test(name[clusterStart - 1]!)) {
      clusterStart--;
    }
    const head = name.slice(0, clusterStart);
    const cluster = name.slice(clusterStart, vowelStart);
    const tail = name.slice(vowelStart);
    const tails = tail === 'i' ? ['i', 'e'] : [tail];
    for (const c of [cluster, ...(cluster ? weakGrades(cluster) : [])]) {
      for (const t of tails) stems.add(head + c + t);
    }
  } else {
    stems.add(`${name}i`);
    if (name.endsWith('s')) stems.add(`${name.slice(0, -1)}kse`);
  }
  // Stems this short would match too many unrelated words.
  return [...stems].filter((s) => s.length >= 3 || s === name);
}

// Case endings (singular and the common plural ones), each optionally followed by a clitic.
const CASE_ENDINGS = [
  '', 'n', 't', 'a', 'ä', 'ta', 'tä', 'na', 'nä', 'ksi', 'lle', 'lla', 'llä', 'lta', 'ltä', 'ssa', 'ssä', 'sta', 'stä',
  'an', 'en', 'in', 'on', 'un', 'yn', 'än', 'ön', 'hin', 'seen', 'ineen', 'tta', 'ttä',
  'ille', 'illa', 'illä', 'ilta', 'iltä', 'issa', 'issä', 'ista', 'istä', 'ien', 'ia', 'iä', 'it', 'iin',
];
const ENDINGS = new Set<string>();
for (const ending of CASE_ENDINGS) {
  for (const clitic of ['', 'kin', 'han', 'hän', 'pa', 'pä']) ENDINGS.add(ending + clitic);
}

/** True when `word` (any case) is `name` or one of its Finnish inflected forms. */
export function matchesName(word: string, stems: readonly string[]): boolean {
  // "Matti's" is English possessive; cut at the apostrophe.
  const w = word.toLowerCase().split(/['’]/)[0]!;
  for (const stem of stems) {
    if (w.length >= stem.length && w.startsWith(stem) && ENDINGS.has(w.slice(stem.length))) return true;
  }
  return false;
}
