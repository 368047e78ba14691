// Review export rows: stored docs parsed again before they go out (the CSV columns are lib/export's).
import { reviewSchema, type Review } from '../../lib/model/review';

/** Stored docs were validated on the way in; parse again so a bad row is skipped, not half-written. */
export function asReview(doc: unknown): Review | null {
  const parsed = reviewSchema.safeParse(doc);
  return parsed.success ? parsed.data : null;
}
