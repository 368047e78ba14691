// Dispute figures for the dashboard and its exports, pure: per reviewer, overturns per criterion, time to resolve.
import type { Dispute } from '../model';

export interface ReviewerDisputes {
  reviewer: { id: string; name: string };
  opened: number;
  open: number;
  accepted: number;
  partially: number;
  rejected: number;
}

export interface CriterionOverturns {
  criterionId: string;
  /** Times it was disputed and answered. */
  answered: number;
  /** Of those, accepted (the rating changed). */
  overturned: number;
  /** overturned / answered. */
  share: number;
}

export interface DisputeFigures {
  total: number;
  open: number;
  resolved: number;
  perReviewer: ReviewerDisputes[];
  /** Most often overturned first. */
  perCriterion: CriterionOverturns[];
  /** Hours from opening (or reopening) to resolution: median and mean, null when none is resolved. */
  resolveHours: { median: number | null; mean: number | null };
}

const HOUR_MS = 3_600_000;

/** The figures of the disputes given (the caller chooses them: a period, a team). Deleted ones do not count. */
export function disputeFigures(disputes: Iterable<Dispute>): DisputeFigures {
  const reviewers = new Map<string, ReviewerDisputes>();
  const criteria = new Map<string, CriterionOverturns>();
  const hours: number[] = [];
  let total = 0;
  let open = 0;
  for (const d of disputes) {
    if (d.deleted) continue;
    total++;
    const key = d.reviewer.id.toLowerCase();
    const row = reviewers.get(key) ?? { reviewer: d.reviewer, opened: 0, open: 0, accepted: 0, partially: 0, rejected: 0 };
    reviewers.set(key, row);
    row.opened++;
    row[d.status]++;
    if (d.status === 'open' || !d.resolution) {
      open++;
      continue;
    }
    hours.push((Date.parse(d.resolution.at) - Date.parse(d.reopenedAt ?? d.openedAt)) / HOUR_MS);
    for (const answer of d.resolution.items) {
      const c = criteria.get(answer.criterionId) ?? { criterionId: answer.criterionId, answered: 0, overturned: 0, share: 0 };
      criteria.set(answer.criterionId, c);
      c.answered++;
      if (answer.outcome === 'accepted') c.overturned++;
    }
  }
  for (const c of criteria.values()) c.share = c.overturned / c.answered;
  const sorted = [...hours].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return {
    total,
    open,
    resolved: total - open,
    perReviewer: [...reviewers.values()].sort((a, b) => b.opened - a.opened || a.reviewer.id.localeCompare(b.reviewer.id)),
    perCriterion: [...criteria.values()].sort((a, b) => b.share - a.share || b.answered - a.answered || a.criterionId.localeCompare(b.criterionId)),
    resolveHours: {
      median: sorted.length === 0 ? null : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2,
      mean: sorted.length === 0 ? null : sorted.reduce((s, h) => s + h, 0) / sorted.length,
    },
  };
}
