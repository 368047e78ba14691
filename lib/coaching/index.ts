// Public face of coaching: forms, the plan, periods and focus, evidence and outcomes, calendar files, storage.
export { formTemplates } from './templates';
export { newCoachingForm, blankSection, blankField, newCoachingSession, newCoachingAction, newCoachingNotes } from './documents';
export { PERIOD_WEEKS, DEFAULT_PERIOD_WEEKS, DEFAULT_RHYTHM_DAYS, addDays, daysBetween, periodOf, weeksOf } from './period';
export { currentFocus, titleOf, type FocusNow } from './focus';
export { coachingPlan, coachingOverview, planAgents, type PlanRow, type AgentCoaching } from './plan';
export {
  evidenceOf,
  beforeAfter,
  beforeAfterWindows,
  MIN_REVIEWS,
  FIRST_LOOKBACK_DAYS,
  SHOWN_REVIEWS,
  type DayRow,
  type Evidence,
  type BeforeAfter,
  type Side,
  type CriterionFigure,
} from './evidence';
export { sessionIcs, SESSION_MINUTES } from './ics';
export * from './store';
export { MAX_FOCUS_CRITERIA as MAX_FOCUS } from '../model';
