// English strings of the session page's review list: the newest reviews first, more on request.
export const coachingEvidenceEn = {
  'coaching.evidence.listed': 'Newest {shown} of {count}',
  'coaching.evidence.more': 'Show more reviews',
} as const;
