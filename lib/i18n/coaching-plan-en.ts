// English strings of the coaching plan's one scheduling editor (opened from a row, instead of controls in every row).
export const coachingPlanEn = {
  'coaching.plan.openEditor': 'Schedule…',
  'coaching.plan.openEditorFor': 'Schedule a session or set the rhythm for {name}',
  'coaching.plan.editorTitle': 'Next session with {name}',
  'coaching.plan.rhythmDays': 'Every {days, plural, one {day} other {# days}}',
  'coaching.plan.close': 'Close',
} as const;
