// What the user reads when a write fails: what was not saved, and why — the same words on every page.
import type { Translate } from '@/lib/i18n';
import { reasonText } from './errorText';

/** The thing a failed write would have saved, named the way the user knows it. */
export type Unsaved =
  | { kind: 'review'; ticketId: string }
  | { kind: 'reviewDraft'; ticketId: string }
  | { kind: 'reviewDeletion'; ticketId: string }
  | { kind: 'selfCheck'; ticketId: string }
  | { kind: 'scorecard'; name: string; version: number }
  | { kind: 'settings' }
  | { kind: 'coaching'; agent: string }
  | { kind: 'coachingForm'; name: string }
  /** The user's choice on a sync conflict, `label` naming the document as the conflict list does. */
  | { kind: 'conflictChoice'; label: string }
  /** An all-or-nothing import of a file (scorecards in the options, reviews in the dashboard). */
  | { kind: 'import'; file: string };

function describe(t: Translate, what: Exclude<Unsaved, { kind: 'import' }>): string {
  switch (what.kind) {
    case 'review':
      return t('storage.what.review', { ticket: what.ticketId });
    case 'reviewDraft':
      return t('storage.what.reviewDraft', { ticket: what.ticketId });
    case 'reviewDeletion':
      return t('storage.what.reviewDeletion', { ticket: what.ticketId });
    case 'selfCheck':
      return t('storage.what.selfCheck', { ticket: what.ticketId });
    case 'scorecard':
      return t('storage.what.scorecard', { name: what.name, version: what.version });
    case 'settings':
      return t('storage.what.settings');
    case 'coaching':
      return t('coaching.what.session', { agent: what.agent });
    case 'coachingForm':
      return t('coaching.what.form', { name: what.name });
    case 'conflictChoice':
      return t('storage.what.conflictChoice', { label: what.label });
  }
}

/**
 * "Your review of ticket #102 was not saved: the browser's storage for Arvio is full. …". The reason
 * in the user's words (./errorText.ts); an unforeseen failure keeps its own message after the same
 * opening, so the user still learns what was lost.
 */
export function notSavedText(t: Translate, what: Unsaved, error: unknown): string {
  const reason = reasonText(t, error);
  if (what.kind === 'import') return t('storage.notImported', { file: what.file, reason });
  return t('storage.notSaved', { what: describe(t, what), reason });
}
