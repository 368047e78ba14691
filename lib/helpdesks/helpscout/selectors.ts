// Every Help Scout selector, as ordered candidates: newest UI first, older variants kept and dated.
//
// Help Scout is closed source. `data-cy` hooks come from public integration code (Toggl Track's
// helpscout.js: `ConversationHeader.Actions`, `EditableTextarea`); thread candidates follow Help
// Scout's thread types (customer, message = agent reply, note, lineitem, chat, phone) and are
// UNVERIFIED against a live page: confirm them with a user's structural snapshot.

export const pageMarker = ['[data-cy="ConversationHeader.Actions"]', '[data-cy="ConversationHeader"]', '#mainCol'] as const;

export const conversationPane = ['[data-cy="Conversation"]', '[data-cy="ConversationView"]', '#mainCol'] as const;

export const subject = ['[data-cy="EditableTextarea"]', '[data-cy="ConversationSubject"]', '#subjectLine'] as const;

export const threadItem = ['[data-cy="Thread"]', '[data-thread-id]', '#threads .thread'] as const;

/** Thread type as Help Scout names it, on the item (`data-thread-type` or a class of the same name). */
export const roles = {
  internal: ['[data-thread-type="note"]', '.thread.note'],
  system: ['[data-thread-type="lineitem"]', '.thread.lineitem'],
  agent: ['[data-thread-type="message"]', '.thread.message'],
  customer: ['[data-thread-type="customer"]', '[data-thread-type="chat"]', '.thread.customer'],
} as const;

export const body = ['[data-cy="ThreadBody"]', '.thread-body', '.messageBody'] as const;
export const author = ['[data-cy="ThreadAuthor"]', '.thread-author', '.name'] as const;
export const time = ['[data-cy="ThreadTime"][datetime]', '[datetime]'] as const;
export const attachments = ['[data-cy="AttachmentName"]', '.attachments .name'] as const;
export const skip = ['[data-cy="ThreadQuote"]', '.quoted-text', '.attachments'] as const;
/** The conversation type icon: email, chat or phone. */
export const typeMarker = ['[data-conversation-type]'] as const;

export const noteEditor = ['[data-cy="NoteEditor"] [contenteditable="true"]'] as const;
export const replyEditor = ['[data-cy="ReplyEditor"] [contenteditable="true"]', '[data-cy="Editor"] [contenteditable="true"]'] as const;
