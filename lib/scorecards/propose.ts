// Which scorecard to offer for a ticket: kept apart from the templates so the sidebar does not bundle them.
import type { Channel, Language, Scorecard } from '../model';

/**
 * The card to offer for a ticket: published cards for the channel, in the UI language when one
 * exists (else any language). Of each card the newest version counts; between different cards the
 * most recently published wins, so a team's own card comes before the built-in template it grew from.
 */
export function proposeScorecard(cards: readonly Scorecard[], channel: Channel, lang: Language): Scorecard | null {
  const candidates = cards.filter((c) => c.status === 'published' && c.channels.includes(channel));
  const inLang = candidates.filter((c) => c.language === lang);
  const pool = inLang.length > 0 ? inLang : candidates;

  const newestOfEach = new Map<string, Scorecard>();
  for (const c of pool) {
    const seen = newestOfEach.get(c.id);
    if (!seen || c.version > seen.version) newestOfEach.set(c.id, c);
  }
  let best: Scorecard | null = null;
  for (const c of newestOfEach.values()) {
    if (!best) {
      best = c;
      continue;
    }
    // Parsed, not compared as strings: ISO text may differ in fractional-second digits.
    const a = Date.parse(c.publishedAt ?? c.updatedAt);
    const b = Date.parse(best.publishedAt ?? best.updatedAt);
    // Ids break the last tie so the choice does not depend on storage order.
    if (a > b || (a === b && (c.version > best.version || (c.version === best.version && c.id < best.id)))) best = c;
  }
  return best;
}
