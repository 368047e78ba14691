// Every Front selector, as ordered candidates: newest UI first, older variants kept and dated.
//
// Front is closed source and ships hashed class names, so only test ids and ARIA are usable. The
// candidates below are UNVERIFIED against a live page (no public integration code found that reads
// Front's DOM): confirm them with a user's structural snapshot before relying on them.

export const pageMarker = ['[data-testid="conversation-view"]', '[data-testid="app-root"]', '#app-root'] as const;

export const conversationPane = ['[data-testid="conversation-view"]', '[role="main"][aria-label*="onversation"]'] as const;

export const subject = ['[data-testid="conversation-subject"]', '[role="main"] [role="heading"][aria-level="1"]'] as const;

/** Messages and comments (Front's internal discussion) interleave in one timeline. */
export const item = ['[data-testid="timeline-item"]', '[data-testid="message"], [data-testid="comment"]'] as const;

export const roles = {
  internal: ['[data-testid="comment"]', '[data-item-type="comment"]'],
  bot: ['[data-author-type="rule"]', '[data-author-type="bot"]'],
  system: ['[data-item-type="activity"]'],
  agent: ['[data-direction="outbound"]', '[data-author-type="teammate"]'],
  customer: ['[data-direction="inbound"]', '[data-author-type="contact"]'],
} as const;

export const body = ['[data-testid="message-body"]', '[data-testid="comment-body"]'] as const;
export const author = ['[data-testid="message-author"]', '[data-testid="comment-author"]'] as const;
export const time = ['[datetime]'] as const;
export const attachments = ['[data-testid="attachment-name"]'] as const;
export const skip = ['[data-testid="quoted-text"]', '[data-testid="message-attachments"]'] as const;
/** The conversation's channel type (email, sms, whatsapp, intercom, call…). */
export const channel = ['[data-channel-type]'] as const;

export const noteEditor = ['[data-testid="comment-composer"] [contenteditable="true"]'] as const;
export const replyEditor = ['[data-testid="reply-composer"] [contenteditable="true"]', '[data-testid="composer"] [contenteditable="true"]'] as const;
