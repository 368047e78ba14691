// The default point labels of each scale, apart from the built-in templates: the editors need them, not the templates.
import type { Language, ScaleKind } from '../model';

export type Bilingual<T> = Record<Language, T>;

/** Default point labels per scale; the described target carries the meaning, the label names it. */
export const SCALE_LABELS: Record<ScaleKind, Bilingual<string[]>> = {
  binary: { fi: ['Ei', 'Kyllä'], en: ['No', 'Yes'] },
  three: { fi: ['Ei toteudu', 'Osittain', 'Tavoitetaso'], en: ['Not met', 'Partly', 'On target'] },
  four: {
    fi: ['Ei toteudu', 'Kehitettävää', 'Hyvä', 'Erinomainen'],
    en: ['Not met', 'Needs work', 'Good', 'Excellent'],
  },
  five: {
    fi: ['Heikko', 'Välttävä', 'Kohtalainen', 'Hyvä', 'Erinomainen'],
    en: ['Poor', 'Weak', 'Fair', 'Good', 'Excellent'],
  },
};
