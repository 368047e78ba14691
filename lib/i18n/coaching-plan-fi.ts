// Finnish strings of the coaching plan's one scheduling editor (opened from a row, instead of controls in every row).
import type { coachingPlanEn } from './coaching-plan-en';

export const coachingPlanFi: Record<keyof typeof coachingPlanEn, string> = {
  'coaching.plan.openEditor': 'Sovi aika…',
  'coaching.plan.openEditorFor': 'Sovi aika tai rytmi valmennukselle: {name}',
  'coaching.plan.editorTitle': 'Seuraava valmennus: {name}',
  'coaching.plan.rhythmDays': '{days} päivän välein',
  'coaching.plan.close': 'Sulje',
};
