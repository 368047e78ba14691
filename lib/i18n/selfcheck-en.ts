// English strings of the agents' self-check (the hint sentences come from lib/checks).
import { checkMessagesEn } from '../checks/messages';

export const selfCheckEn = {
  ...checkMessagesEn,
  'tabs.selfcheck': 'Self-check ({count})',
  'selfcheck.title': 'Self-check of your reply',
  'selfcheck.private': 'Private: checked on this computer, nothing is sent anywhere. It never blocks sending.',
  'selfcheck.noComposer': 'No reply editor found on this page.',
  'selfcheck.internal': 'Internal notes are not checked.',
  'selfcheck.empty': 'Write your reply in the helpdesk, and the checks appear here as you type.',
  'selfcheck.noHints': 'No hints: the reply looks good on every automatic check.',
  'selfcheck.hints': 'Hints on your reply',
  'selfcheck.hintCount': '{count} hints',
  'selfcheck.criteria': 'Rate your reply: {card}',
  'selfcheck.suggested': 'suggested',
  'selfcheck.keepText': 'Keep my reply text with the self-check',
  'selfcheck.identityMissing': 'Add your name and e-mail in the settings to keep your self-checks.',
  'selfcheck.saved': 'Self-check saved on this computer.',
  'selfcheck.criterion.opening': 'Opening',
  'selfcheck.criterion.tone': 'Tone',
  'selfcheck.criterion.clarity': 'Clarity',
  'selfcheck.criterion.closing': 'Closing',
  'selfcheck.criterion.privacy': 'Data protection',
  'selfcheck.criterion.accuracy': 'Accuracy',
  'selfcheck.agentRated': "Agent's self-check: {level}",
} as const;

export type SelfCheckKey = keyof typeof selfCheckEn;
