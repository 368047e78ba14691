// Small builders so scoring tests read as worked examples, not as object literals.
import type { Criterion, ScaleKind, Scorecard } from '../../../lib/model/scorecard';
import { SCALE_POINTS } from '../../../lib/model/scorecard';
import type { Rating } from '../../../lib/model/review';

export function criterion(
  id: string,
  scale: ScaleKind,
  weight: number,
  extra: Partial<Pick<Criterion, 'naAllowed' | 'critical' | 'groupId'>> = {},
): Criterion {
  return {
    id,
    groupId: extra.groupId ?? 'g',
    title: id,
    description: '',
    weight,
    scale,
    levels: Array.from({ length: SCALE_POINTS[scale] }, (_, value) => ({ value, label: String(value), target: '' })),
    naAllowed: extra.naAllowed ?? true,
    critical: extra.critical ?? null,
    selfCheckable: false,
  };
}

export function card(criteria: Criterion[], passMark = 80, id = 'card'): Scorecard {
  return {
    id,
    version: 1,
    team: null,
    status: 'published',
    name: 'Test card',
    language: 'en',
    channels: ['email'],
    passMark,
    groups: [
      { id: 'g', title: 'Group', kind: 'phase' },
      { id: 'h', title: 'Other', kind: 'interaction' },
    ],
    criteria,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    publishedAt: '2026-01-01T00:00:00.000Z',
    templateId: null,
  };
}

export const rate = (criterionId: string, value: number | null): Rating => ({ criterionId, value, na: false, comment: '' });
export const na = (criterionId: string): Rating => ({ criterionId, value: null, na: true, comment: '' });
