// Every Freshdesk selector, as ordered candidates: newest UI first, older variants kept and dated.
//
// Freshdesk is closed source. The 2018 "Mint" and classic candidates come from public integration
// code (Toggl Track's freshdesk.js: `.ticket-subject-heading`, `.page-actions__left`, `#Pagearea`);
// the newest `data-test-id` candidates are UNVERIFIED against a live page: check them with a
// structural snapshot from a user before trusting them, and keep the older ones as fallbacks.

export const pageMarker = [
  '[data-test-id="ticket-details"]',
  // Mint UI (2018–).
  '.page-actions__left',
  '.ticket-details-page',
  // Classic UI (before 2018).
  '#Pagearea',
] as const;

export const ticketPane = ['[data-test-id="ticket-details"]', '.ticket-details-page', '#Pagearea'] as const;

export const subject = [
  '[data-test-id="ticket-subject"]',
  // Mint (2018–).
  '.ticket-subject-heading',
  // Classic (before 2018).
  '#Pagearea .subject',
] as const;

export const conversationItem = [
  '[data-test-id="conversation-item"]',
  // Mint (2018–): the description and every reply/note are `.conversation-wrapper`s.
  '.conversation-wrapper',
  // Classic (before 2018).
  '.conversation_thread',
] as const;

export const roles = {
  internal: ['[data-test-id="private-note"]', '.private-note', '.private_note'],
  agent: ['[data-test-id="agent-reply"]', '.agent-reply', '.outgoing'],
  customer: ['[data-test-id="customer-reply"]', '[data-test-id="ticket-description"]', '.customer-reply', '.incoming', '.ticket-description'],
} as const;

export const body = ['[data-test-id="conversation-body"]', '.conversation-body', '.thread-body'] as const;
export const author = ['[data-test-id="conversation-author"]', '.conversation-author', '.user-name'] as const;
export const time = ['[data-test-id="conversation-time"][datetime]', '[datetime]'] as const;
export const attachments = ['[data-test-id="attachment-name"]', '.attachment-name'] as const;
export const skip = ['.freshdesk_quote', '[data-test-id="quoted-text"]', '.attachments'] as const;
/** The ticket's source (email, portal, phone, chat) as the properties panel shows it. */
export const source = ['[data-test-id="ticket-source"]', '.ticket-source'] as const;

export const noteEditor = ['[data-test-id="note-editor"] [contenteditable="true"]', '.private-note-editor [contenteditable="true"]'] as const;
export const replyEditor = ['[data-test-id="reply-editor"] [contenteditable="true"]', '.reply-editor [contenteditable="true"]'] as const;
