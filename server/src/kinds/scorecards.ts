// Scorecards: published by leads; a published version is immutable but for archiving.
import { versionedPublishRule } from './versioned';

export const scorecardsRule = versionedPublishRule<'scorecards'>('scorecard', 'scorecards');
