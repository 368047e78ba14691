// Opening: is the customer addressed by name when the name is known?
import { finnishNameStems, matchesName } from './finnishNames';
import type { Check } from './text';

/**
 * The usable names in a helpdesk's display name: whole words of letters (hyphens and apostrophes
 * inside allowed), at least two letters. An e-mail address or a name with digits is not a name to
 * address anyone by, so it gives none.
 */
export function nameParts(customerName: string | null | undefined): string[] {
  if (!customerName || /[@\d]/.test(customerName)) return [];
  return customerName
    .split(/[\s,]+/)
    .map((part) => part.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
    .filter((part) => part.length >= 2 && /^[\p{L}'’-]+$/u.test(part));
}

export const checkCustomerName: Check = (draft, options) => {
  const parts = nameParts(options.customerName);
  if (parts.length === 0) return [];
  const stemSets = parts.map((p) => finnishNameStems(p.toLowerCase()));
  for (const word of draft.words) {
    for (const stems of stemSets) if (matchesName(word.text, stems)) return [];
  }
  return [
    {
      check: 'customerName',
      criterion: 'opening',
      severity: 'info',
      span: null,
      messageKey: 'checks.customerName.missing',
      params: { name: parts[0]! },
    },
  ];
};
