// Small helpers for the check tests: run one check and read back what its hints point at.
import { runChecks, CHECK_IDS, type CheckId, type CheckOptions, type Hint } from '../../../lib/checks';

/** Runs only `check` over the draft, so other checks' hints don't crowd the assertions. */
export function only(check: CheckId, draft: string, options: CheckOptions = {}): Hint[] {
  const disabled = CHECK_IDS.filter((id) => id !== check);
  return runChecks(draft, { ...options, disabled }).hints;
}

/** The text each hint points at (null for hints without a span). */
export function spans(draft: string, hints: readonly Hint[]): (string | null)[] {
  return hints.map((h) => (h.span ? draft.slice(h.span.start, h.span.end) : null));
}
