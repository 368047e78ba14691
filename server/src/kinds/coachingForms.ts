// Coaching form templates: published by leads; a published version is immutable but for archiving.
import { versionedPublishRule } from './versioned';

export const coachingFormsRule = versionedPublishRule<'coachingForms'>('coaching form', 'coaching forms');
