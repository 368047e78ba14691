// Every FreeScout selector, as ordered candidates: newest UI first, older variants kept and dated.
//
// Learned from FreeScout's Blade templates (resources/views/conversations/view.blade.php and
// partials/thread.blade.php, 1.8.x, 2024–2025). FreeScout is self-hosted and themable by modules,
// so the structural classes from the core templates are the stable part.

/** Present on every agent page of FreeScout (the conversation view and the mailbox lists). */
export const pageMarker = [
  '#conv-layout-main',
  '.mailbox-sidebar',
  // Every FreeScout layout carries its globals on body data attributes.
  'body[data-mailbox_id]',
] as const;

/** The conversation view; FreeScout renders one conversation per page. */
export const conversationPane = ['#conv-layout', '#conv-layout-main'] as const;

export const subject = [
  // 1.8.x: the subject sits in a span (an h2 in some module themes) inside the editable block.
  '.conv-subjtext > span',
  '.conv-subjtext > h2',
  // Before 1.8 (2019–2021): plain text in the block.
  '.conv-subjtext',
] as const;

/** One thread (message, reply, note, line item, draft). */
export const threadItem = ['.thread[data-thread_id]', '.thread[id^="thread-"]'] as const;

/** The message text, without headers, recipients or attachment lists. */
export const threadBody = ['.thread-content', '.thread-body'] as const;

export const threadAuthor = ['.thread-person strong', '.thread-person'] as const;

/** FreeScout shows relative time; the absolute time lives in the link's tooltip title. */
export const threadTime = ['[datetime]', '.thread-date[title]', '.thread-date[data-original-title]'] as const;

/** Attachment names of a thread (an attachment-only reply has no other text). */
export const threadAttachments = ['.thread-attachments .attachment-link', '.thread-attachments a[href]'] as const;

/** Not the author's words: the attachment list and FreeScout's own quoted-history wrapper. */
export const threadSkip = ['.thread-attachments', '.thread-quote', '.show-original-text'] as const;

/** Class prefix naming the thread type (customer, message, note, lineitem, draft, chat, phone). */
export const threadTypePrefix = 'thread-type-';

/** The reply and note editors (summernote); the note form carries `.conv-note-block`. */
export const noteEditor = ['.conv-note-block .note-editable[contenteditable="true"]'] as const;
export const replyEditor = ['.conv-reply-block .note-editable[contenteditable="true"]', '#body'] as const;

/** The badge FreeScout shows on phone conversations' first thread; chats carry `.thread-type-chat`. */
export const phoneBadge = ['.thread-badge .glyphicon-earphone'] as const;

/** Laravel's body > #app holds the whole app (narrowed for the sidebar); the reply form's Send button. */
export const layout = { main: ['#app'], send: ['.btn-reply-submit'] } as const;
