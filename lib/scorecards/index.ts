// Public face of scorecards: the built-in templates, choosing a card, and the lifecycle steps.
export { templates, templatesFor, proposeScorecard, SCALE_LABELS, TEMPLATE_CREATED_AT } from './templates';
export { newDraftFrom, publish, archive, duplicate, moveCriterion, blankCriterion, blankScorecard } from './lifecycle';
