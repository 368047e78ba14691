// English strings of where the data lives and of writes refused because the browser's storage is full.
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
  'storage.what.conflictChoice': 'Your choice on the conflict of {label}',

  'storage.title': 'Data on this computer',
  'storage.where':
    'Reviews, drafts, self-checks and scorecards are kept in this browser profile. Without a team backend it is the only copy: export a JSON backup from the dashboard now and then.',
  'storage.usage': 'Space used: {size}',
  'storage.usage.unknown': 'The browser does not tell how much space Arvio uses.',
  'storage.protected.unlimited': "Kept safe: the browser does not clear Arvio's data to free up space (unlimited storage permission).",
  'storage.protected.persistent': "Kept safe: the browser has marked Arvio's storage as persistent.",
  'storage.unprotected': "Not protected: the browser may clear Arvio's data when the disk runs low on space. Export a backup regularly.",
} as const;

export type StorageKey = keyof typeof storageEn;
