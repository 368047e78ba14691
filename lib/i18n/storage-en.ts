// English strings of writes refused because the browser's storage is full.
export const storageEn = {
  'storage.notSaved': '{what} was not saved: {reason}',
  'storage.notImported': 'Nothing from {file} was imported: {reason}',
  'storage.reason.full':
    "the browser's storage for Arvio is full. Everything saved before is still there. Free up disk space on this computer, then try again.",
  'storage.what.review': 'Your review of ticket #{ticket}',
  'storage.what.reviewDraft': 'The draft of your review of ticket #{ticket}',
  'storage.what.reviewDeletion': 'The deletion of the review of ticket #{ticket}',
  'storage.what.selfCheck': 'Your self-check of ticket #{ticket}',
  'storage.what.scorecard': 'Scorecard "{name}" (version {version})',
  'storage.what.settings': 'The change to your settings',
} as const;

export type StorageKey = keyof typeof storageEn;
