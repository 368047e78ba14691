// The session page's evidence: "Show more reviews" reads the next page by keyboard, and a read that
// fails says so (the button stays, to try again) instead of doing nothing.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { formTemplates, newCoachingSession, prepareSession, SHOWN_REVIEWS } from '@/lib/coaching';
import { writeSynced, type ArvioDb } from '@/lib/db';
import { EvidenceView } from '@/entrypoints/coaching/SessionPage';
import { freshDb } from '../db/fresh';
import { AGENT, card, COACH, reviewAt } from './fixtures';

let database: ArvioDb;

beforeEach(() => {
  database = freshDb('evidence-view');
});
afterEach(cleanup);

/** The session page's evidence for the agent with `count` reviews in February. */
async function showEvidence(count: number): Promise<void> {
  const at = (i: number) => new Date(Date.parse('2026-02-10T08:00:00.000Z') + i * 60_000).toISOString();
  const reviews = Array.from({ length: count }, (_, i) => reviewAt(`e${String(i).padStart(3, '0')}`, at(i), i % 4));
  await writeSynced(database, ['reviews'], 'pulled', (writer) => writer.put('reviews', reviews));
  const prepared = await prepareSession({ id: 'preparing', agent: AGENT, heldAt: null }, [card], '2026-03-01', 'en');
  const session = newCoachingSession({ id: 'cs-1', team: null, coach: COACH, agent: AGENT, form: formTemplates[1]!, scheduledFor: null, now: new Date('2026-03-01T09:00:00.000Z') });
  render(
    <I18nProvider fixed="en">
      <EvidenceView prepared={prepared} session={session} cards={[card]} onPin={() => undefined} />
    </I18nProvider>,
  );
}

const listedReviews = () => document.querySelectorAll('[data-review]').length;

describe('the evidence’s further reviews', () => {
  it('come a page at a time, with the keyboard on the first new one, until there are no more', async () => {
    await showEvidence(SHOWN_REVIEWS + 5);
    expect(listedReviews()).toBe(SHOWN_REVIEWS);
    fireEvent.click(screen.getByRole('button', { name: 'Show more reviews' }));
    await waitFor(() => expect(listedReviews()).toBe(SHOWN_REVIEWS + 5));
    await waitFor(() => expect(document.activeElement?.tagName).toBe('BUTTON'));
    // Newest first: the first one of the new page is the sixth review made.
    expect(document.activeElement?.closest('[data-review]')?.getAttribute('data-review')).toBe('e004');
    expect(screen.queryByRole('button', { name: 'Show more reviews' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('say so when the read fails, and can be asked for again', async () => {
    await showEvidence(SHOWN_REVIEWS + 5);
    database.close();
    fireEvent.click(screen.getByRole('button', { name: 'Show more reviews' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Something went wrong: .+/);
    expect(listedReviews()).toBe(SHOWN_REVIEWS);

    await database.open();
    fireEvent.click(screen.getByRole('button', { name: 'Show more reviews' }));
    await waitFor(() => expect(listedReviews()).toBe(SHOWN_REVIEWS + 5));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('a review’s criterion ratings', () => {
  it('are named as the card names them, the level in words, and so are their pin buttons', async () => {
    await showEvidence(1);
    const review = document.querySelector('[data-review="e000"]')!;
    const ratings = review.querySelector('details')!;
    ratings.open = true;
    fireEvent(ratings, new Event('toggle'));
    await waitFor(() => expect(ratings.querySelectorAll('li')).toHaveLength(card.criteria.length));
    // Each line: the criterion and its level, then its pin button.
    const items = [...ratings.querySelectorAll('li')].map((li) => li.textContent!.replace(li.querySelector('button')!.textContent!, '').trim());
    expect(items.slice(0, 3)).toEqual(['Greeting and introduction: Not met', "Customer's name: No", "Understanding the customer's need: Poor"]);
    // The fixture's ticket id is the review's.
    expect(screen.getByRole('button', { name: 'Pin the rating of Greeting and introduction in ticket #e000' })).toBeTruthy();
  });
});
