// A failure in the user's words: the one place that turns an error into text, on every page.
import { DisputeStateError, isQuotaError } from '@/lib/db';
import type { Translate } from '@/lib/i18n';
import { NoAnswerError, NotDockedError } from '@/lib/service';
import { SyncError } from '@/lib/sync';

/**
 * Why something failed, as a clause the pages put in their own sentence ("… was not saved: {reason}").
 * Known failures are typed (or carry a code across the database service) and read in the user's
 * language; an unforeseen one keeps its own message, the only detail there is for whoever helps.
 */
export function reasonText(t: Translate, error: unknown): string {
  if (isQuotaError(error)) return t('storage.reason.full');
  if (error instanceof NotDockedError) return t('undocked.title');
  if (error instanceof NoAnswerError) return t('common.error.noAnswer');
  if (error instanceof DisputeStateError) return t(`disputes.state.${error.reason}`);
  if (error instanceof SyncError) return t(`sync.error.${error.kind}`);
  return error instanceof Error ? error.message : String(error);
}

/** A failure on its own line: "Something went wrong: {reason}". */
export function errorText(t: Translate, error: unknown): string {
  return t('common.error', { message: reasonText(t, error) });
}
