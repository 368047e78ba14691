// The sidebar's earlier reviews: a review is its reviewer's to edit or delete; the agent it is about reads it and may dispute it.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { ReviewHistory } from '@/entrypoints/sidebar/review/ReviewHistory';
import type { Person, Review } from '@/lib/model/review';
import { makeReview } from '../db/factory';

afterEach(() => cleanup());

const REVIEWER: Person = { id: 'riku@arvio.test', name: 'Riku' };
const AGENT: Person = { id: 'aino@arvio.test', name: 'Aino' };

function shown(me: Person | null, review: Review): void {
  render(
    <I18nProvider fixed="en">
      <ReviewHistory
        reviews={[review]}
        cards={[]}
        onEdit={() => undefined}
        onDelete={() => undefined}
        disputes={{ me, disputes: [], settings: [], onDispute: () => Promise.resolve() }}
      />
    </I18nProvider>,
  );
}

describe('earlier reviews', () => {
  const review = { ...makeReview({ id: 'r1', random: () => 0.5 }), reviewer: REVIEWER, reviewee: AGENT };

  it('offer Edit and Delete to the review’s reviewer', () => {
    shown(REVIEWER, review);
    expect(screen.getByRole('button', { name: 'Edit' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete' })).toBeTruthy();
  });

  it('offer them to nobody else: not to the agent it is about, not to another reviewer', () => {
    for (const me of [AGENT, { id: 'lauri@arvio.test', name: 'Lauri' }]) {
      shown(me, review);
      expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
      expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
      expect(screen.getByRole('button', { name: 'Show' })).toBeTruthy();
      cleanup();
    }
  });

  it('offer them in a profile with no identity yet (every review there is the user’s own)', () => {
    shown(null, review);
    expect(screen.getByRole('button', { name: 'Edit' })).toBeTruthy();
  });
});
