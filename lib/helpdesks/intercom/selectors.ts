// Every Intercom inbox selector, as ordered candidates: newest UI first, older variants kept and dated.
//
// Intercom is closed source. `[data-conversation-id]`, `data-intercom-target="conversation-card-header"`
// and `.conversation__card__title__text` come from public integration code (Toggl Track's intercom.js,
// "Intercom 2021"); the part candidates follow Intercom's part kinds (user, admin, note, bot) and are
// UNVERIFIED against a live page: confirm them with a user's structural snapshot.

export const pageMarker = ['[data-intercom-target="inbox-conversation"]', '[data-conversation-id]', '.inbox__conversation-controls'] as const;

/** The open conversation; the inbox list beside it also carries conversation ids, so the id must match. */
export const conversationPane = ['[data-intercom-target="inbox-conversation"][data-conversation-id]', '[data-conversation-id]'] as const;

export const subject = [
  '[data-intercom-target="conversation-title"]',
  // 2021: the card header's title text (an input when the title was edited).
  '.conversation__card__title__text input',
  '.conversation__card__title__text',
] as const;

export const part = ['[data-part-id]', '[data-conversation-part-id]', '.conversation__part'] as const;

export const roles = {
  internal: ['[data-part-type="note"]', '.o__admin-note', '.o__note'],
  bot: ['[data-part-type="bot"]', '[data-author-type="bot"]', '.o__bot'],
  system: ['[data-part-type="event"]', '.o__event'],
  agent: ['[data-author-type="admin"]', '[data-author-type="teammate"]', '.o__admin'],
  customer: ['[data-author-type="user"]', '[data-author-type="lead"]', '.o__user'],
} as const;

export const body = ['[data-intercom-target="part-body"]', '.conversation__part__body', '.intercom-interblocks'] as const;
export const author = ['[data-intercom-target="part-author"]', '.conversation__part__author'] as const;
export const time = ['[datetime]'] as const;
export const attachments = ['[data-intercom-target="attachment-name"]', '.attachment__name'] as const;
/** The channel the conversation came in on (chat, email, whatsapp, phone). */
export const channel = ['[data-conversation-channel]'] as const;

export const noteEditor = ['[data-intercom-target="composer"].o__note [contenteditable="true"]', '.o__note [contenteditable="true"]'] as const;
export const replyEditor = ['[data-intercom-target="composer"] [contenteditable="true"]'] as const;
