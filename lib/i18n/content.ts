// The few strings the content script shows, kept apart so the content script stays small.
/** The saved language preference, mirrored from settings for pages and the content script. */
export const LANGUAGE_STORAGE_KEY = 'arvio.language';

export const contentEn = {
  'content.toggle.open': 'Open Arvio',
  'content.frame.title': 'Arvio quality review',
  'content.badge.hints': '{count, plural, one {# hint} other {# hints}} on your reply: open the Arvio self-check',
  'content.badge.clear': 'No hints on your reply: open the Arvio self-check',
  'content.badge.focus': ' ({count} on your coaching focus)',
} as const;

export type ContentKey = keyof typeof contentEn;

export const contentFi: Record<ContentKey, string> = {
  'content.toggle.open': 'Avaa Arvio',
  'content.frame.title': 'Arvio-laatuarviointi',
  'content.badge.hints': '{count, plural, one {# huomio} other {# huomiota}} vastauksessasi: avaa Arvion itsearviointi',
  'content.badge.clear': 'Ei huomautettavaa vastauksessasi: avaa Arvion itsearviointi',
  'content.badge.focus': ' ({count} valmennusfokuksessasi)',
};

export function contentStrings(lang: 'fi' | 'en'): Record<ContentKey, string> {
  return lang === 'fi' ? contentFi : contentEn;
}
