// Public face of scorecards: choosing a card, the scales' labels, and the lifecycle steps. The built-in
// templates are not here: they load on first use, from './templates' (lib/db/scorecards.ts).
export { SCALE_LABELS } from './scale';
export { proposeScorecard } from './propose';
export type { Versioned } from './lifecycle';
export { familyLabels, levelNumber } from './labels';
export { newDraftFrom, publish, teamsOfRow, teamToChoose, archive, duplicate, moveCriterion, blankCriterion, blankScorecard } from './lifecycle';
