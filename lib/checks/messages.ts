// The one-sentence explanation behind every check hint, in English and Finnish, for the UI's i18n to merge.
// Keys follow lib/i18n's dotted style; `{param}` placeholders are filled from Hint.params.

export const checkMessagesEn = {
  'checks.greeting.missing': 'Start the reply with a greeting, for example “{example}”.',
  'checks.customerName.missing': 'Address the customer by name, for example “{name}”.',
  'checks.closing.missing': 'End the reply with a closing, for example “{example}”.',
  'checks.closing.placeholder': 'The closing still has the placeholder “{text}”; fill it in before sending.',
  'checks.placeholder.unfilled': 'Fill in the placeholder “{text}” before sending.',
  'checks.shouting.caps': 'Text in capital letters reads as shouting; write it in normal case.',
  'checks.shouting.punctuation': 'Repeated marks “{text}” read as agitated; one is enough.',
  'checks.blame.phrase': '“{phrase}” can sound blaming or dismissive; say it from the customer’s side.',
  'checks.longSentence.tooLong': 'This sentence has {words, plural, one {# word} other {# words}}; split it into sentences of at most {max, plural, one {# word} other {# words}}.',
  'checks.wallOfText.paragraph': 'This paragraph has {words, plural, one {# word} other {# words}}; break it into paragraphs of at most {max, plural, one {# word} other {# words}}.',
  'checks.wallOfText.noBreaks': 'The reply has {words, plural, one {# word} other {# words}} and no blank lines; split it into paragraphs.',
  'checks.personalData.hetu': 'This is a Finnish personal identity code; remove it from the reply.',
  'checks.personalData.card': 'This is a payment card number; remove it from the reply.',
  'checks.personalData.iban': 'This is a bank account number (IBAN); make sure the customer should see it.',
} as const;

export type CheckMessageKey = keyof typeof checkMessagesEn;

export const checkMessagesFi: Record<CheckMessageKey, string> = {
  'checks.greeting.missing': 'Aloita vastaus tervehdyksellä, esimerkiksi ”{example}”.',
  'checks.customerName.missing': 'Puhuttele asiakasta nimeltä, esimerkiksi ”{name}”.',
  'checks.closing.missing': 'Päätä vastaus lopputervehdykseen, esimerkiksi ”{example}”.',
  'checks.closing.placeholder': 'Lopetuksessa on yhä paikkamerkki ”{text}”; täytä se ennen lähettämistä.',
  'checks.placeholder.unfilled': 'Täytä paikkamerkki ”{text}” ennen lähettämistä.',
  'checks.shouting.caps': 'Isoilla kirjaimilla kirjoitettu teksti kuulostaa huutamiselta; kirjoita se tavallisin kirjaimin.',
  'checks.shouting.punctuation': 'Toistetut merkit ”{text}” kuulostavat kiihtyneiltä; yksi riittää.',
  'checks.blame.phrase': '”{phrase}” voi kuulostaa syyttävältä tai vähättelevältä; sano asia asiakkaan näkökulmasta.',
  'checks.longSentence.tooLong': 'Tässä virkkeessä on {words, plural, one {# sana} other {# sanaa}}; jaa se enintään {max} sanan virkkeiksi.',
  'checks.wallOfText.paragraph': 'Tässä kappaleessa on {words, plural, one {# sana} other {# sanaa}}; jaa se enintään {max} sanan kappaleiksi.',
  'checks.wallOfText.noBreaks': 'Vastauksessa on {words, plural, one {# sana} other {# sanaa}} eikä yhtään tyhjää riviä; jaa se kappaleisiin.',
  'checks.personalData.hetu': 'Tämä on henkilötunnus; poista se vastauksesta.',
  'checks.personalData.card': 'Tämä on maksukortin numero; poista se vastauksesta.',
  'checks.personalData.iban': 'Tämä on tilinumero (IBAN); varmista, että asiakkaan kuuluu nähdä se.',
};

/** Every key, in a stable order: the schema of Hint.messageKey is built from it. */
export const CHECK_MESSAGE_KEYS = Object.keys(checkMessagesEn) as [CheckMessageKey, ...CheckMessageKey[]];
