// Where each coaching document is made: one function per kind (the team field is set here).
import type { CoachingAction, CoachingField, CoachingForm, CoachingNotes, CoachingSection, CoachingSession, Language, Person } from '../model';

/** A new form template to edit: one section with one free-text field, a draft. */
export function newCoachingForm(id: string, lang: Language, now: Date): CoachingForm {
  const at = now.toISOString();
  return {
    id,
    version: 1,
    // Given its team when first published (publish in lib/scorecards).
    team: null,
    status: 'draft',
    name: lang === 'fi' ? 'Uusi valmennuslomake' : 'New coaching form',
    language: lang,
    sections: [blankSection('s1', lang, 'f1')],
    createdAt: at,
    updatedAt: at,
    publishedAt: null,
    templateId: null,
  };
}

export function blankSection(id: string, lang: Language, fieldId: string): CoachingSection {
  return { id, title: lang === 'fi' ? 'Uusi osio' : 'New section', fields: [blankField('text', fieldId, lang)] };
}

export function blankField(kind: CoachingField['kind'], id: string, lang: Language): CoachingField {
  const label = lang === 'fi' ? 'Uusi kohta' : 'New field';
  switch (kind) {
    case 'text':
    case 'yesNo':
      return { kind, id, label, help: '' };
    case 'number':
      return { kind, id, label, help: '', target: null, unit: '' };
    case 'choice':
      return {
        kind,
        id,
        label,
        help: '',
        options: [
          { id: 'o1', label: lang === 'fi' ? 'Vaihtoehto 1' : 'Option 1' },
          { id: 'o2', label: lang === 'fi' ? 'Vaihtoehto 2' : 'Option 2' },
        ],
      };
  }
}

/** A session the coach opens with an agent on a form version: planned (a scheduled time) or being prepared. */
export function newCoachingSession(args: {
  id: string;
  team: string | null;
  coach: Person;
  agent: Person;
  form: Pick<CoachingForm, 'id' | 'version'>;
  scheduledFor: string | null;
  now: Date;
}): CoachingSession {
  const at = args.now.toISOString();
  return {
    id: args.id,
    team: args.team,
    coach: args.coach,
    agent: args.agent,
    formId: args.form.id,
    formVersion: args.form.version,
    status: 'planned',
    scheduledFor: args.scheduledFor,
    heldAt: null,
    answers: [],
    focus: [],
    period: null,
    evidence: [],
    acknowledgedAt: null,
    agentComment: '',
    createdAt: at,
    updatedAt: at,
    deleted: false,
  };
}

export function newCoachingAction(
  session: Pick<CoachingSession, 'id' | 'team' | 'coach' | 'agent'>,
  args: { id: string; text: string; assignee: CoachingAction['assignee']; due: string; now: Date },
): CoachingAction {
  const at = args.now.toISOString();
  return {
    id: args.id,
    sessionId: session.id,
    // A child belongs to its parent's team.
    team: session.team,
    coach: session.coach,
    agent: session.agent,
    text: args.text,
    assignee: args.assignee,
    due: args.due,
    status: 'open',
    doneAt: null,
    doneBy: null,
    doneComment: '',
    createdAt: at,
    updatedAt: at,
    deleted: false,
  };
}

export function newCoachingNotes(session: Pick<CoachingSession, 'id' | 'team' | 'coach' | 'agent'>, text: string, now: Date): CoachingNotes {
  return { sessionId: session.id, team: session.team, coach: session.coach, agent: session.agent, text, updatedAt: now.toISOString(), deleted: false };
}
