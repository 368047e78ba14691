// Optional redaction of personal data in reviews' free text before export: e-mail, phone, henkilötunnus, card, IBAN.
import { CHECK_IDS, runChecks, type CheckId } from '../checks';
import type { Review } from '../model';

/** Every check but the personal-data one: its valid-only detectors (checksums) are what we reuse. */
const ONLY_PERSONAL_DATA: CheckId[] = CHECK_IDS.filter((id) => id !== 'personalData');

const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** International (+358 40 123 4567, 00358…) or Finnish domestic (040 123 4567, 09-123 4567) numbers. */
const PHONE_RE = /(?<![\p{L}\p{N}+])(?:(?:\+|00)\d{1,3}[ -]?(?:\(0\)[ -]?)?\d{1,4}(?:[ -]?\d{2,4}){1,4}|0\d{1,3}[ -]?\d{3,4}(?:[ -]?\d{2,4}){0,2})(?![\p{L}\p{N}])/gu;

export const REDACTED = {
  email: '[email]',
  phone: '[phone]',
  hetu: '[hetu]',
  card: '[card]',
  iban: '[iban]',
} as const;

const KIND_BY_MESSAGE: Record<string, string> = {
  'checks.personalData.hetu': REDACTED.hetu,
  'checks.personalData.card': REDACTED.card,
  'checks.personalData.iban': REDACTED.iban,
};

/** Replaces personal data in one text. Codes are checked (checksums, dates) before they are taken for one. */
export function redactText(text: string): string {
  if (text === '') return text;
  let out = text;
  const hints = runChecks(out, { lang: 'fi', disabled: ONLY_PERSONAL_DATA }).hints.filter((h) => h.check === 'personalData' && h.span);
  // From the end, so earlier spans keep their offsets.
  for (const h of [...hints].sort((a, b) => b.span!.start - a.span!.start)) {
    out = out.slice(0, h.span!.start) + (KIND_BY_MESSAGE[h.messageKey] ?? '[redacted]') + out.slice(h.span!.end);
  }
  out = out.replace(EMAIL_RE, REDACTED.email);
  out = out.replace(PHONE_RE, (match) => (match.replace(/\D/g, '').length >= 7 ? REDACTED.phone : match));
  return out;
}

/** The review with its free text redacted: subject, strengths, development areas, feedback, comments. */
export function redactReview(review: Review): Review {
  return {
    ...review,
    ticket: { ...review.ticket, subject: redactText(review.ticket.subject) },
    strengths: redactText(review.strengths),
    developmentAreas: redactText(review.developmentAreas),
    feedback: redactText(review.feedback),
    ratings: review.ratings.map((r) => (r.comment ? { ...r, comment: redactText(r.comment) } : r)),
  };
}
