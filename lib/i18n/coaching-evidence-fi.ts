// Valmennuksen arviointilistan tekstit: uusimmat arvioinnit ensin, lisää pyydettäessä.
import type { coachingEvidenceEn } from './coaching-evidence-en';

export const coachingEvidenceFi: Record<keyof typeof coachingEvidenceEn, string> = {
  'coaching.evidence.listed': 'Uusimmat {shown} / {count}',
  'coaching.evidence.more': 'Näytä lisää arviointeja',
};
