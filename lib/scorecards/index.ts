// Public face of scorecards: the built-in templates, choosing a card, and the lifecycle steps.
export { templates, templatesFor, SCALE_LABELS, TEMPLATE_CREATED_AT } from './templates';
export { proposeScorecard } from './propose';
export type { Versioned } from './lifecycle';
export { familyLabels, levelNumber } from './labels';
export { newDraftFrom, publish, archive, duplicate, moveCriterion, blankCriterion, blankScorecard } from './lifecycle';
