// Every Zendesk selector the adapter uses, as ordered candidates: newest UI first, older variants kept and dated.
//
// Zendesk ships its Agent Workspace under A/B tests, so two agents of one account can see different
// markup on the same day. Keep old candidates until nobody has seen them for a year. Prefer
// data-test-id / ARIA / [datetime]; no tag names alone, no hashed (styled-components) classes.

/** Anything that says "this is a Zendesk agent page" (cheap; checked once per `matches`). */
export const pageMarker = [
  // Agent Workspace (2021–): every open ticket tab lives in main#main_panes.
  '#main_panes',
  '[data-test-id="header-toolbar"]',
  // Classic agent UI (before 2021): Ember app root.
  '#application.ember-application',
] as const;

/**
 * A ticket pane. Several may be in the DOM at once (one per open tab); exactly one is shown.
 * The id attributes below carry the ticket id so the pane can be checked against the URL.
 */
export const ticketPane = [
  // Agent Workspace 2023–: side-conversations anchor wraps the whole ticket pane.
  '[data-side-conversations-anchor-id]',
  '[data-test-id="ticket-pane"]',
  // Classic UI (before 2021): one Ember "workspace" per open tab, hidden with inline display:none.
  '.workspace',
] as const;

/** Attributes that carry a pane's ticket id, in order of trust. */
export const paneTicketIdAttributes = [
  'data-side-conversations-anchor-id',
  'data-ticket-id',
  'data-entity-id',
] as const;

/** Subject field inside the active pane (an input: read its value, else its text). */
export const subject = [
  // Agent Workspace 2021–.
  '[data-test-id="omni-header-subject"]',
  // Agent Workspace 2020 (toggl TE-506 era).
  '[data-test-id="ticket-pane-subject"]',
  // Same era, seen without test ids.
  'input[aria-label="Subject"]',
  // Classic UI (before 2021).
  'input[name="subject"]',
] as const;

/** The conversation log inside a pane; items are searched inside it to skip side conversations. */
export const conversationLog = [
  '[data-test-id="omni-log-container"]',
  // Classic UI (before 2021).
  '.audits',
] as const;

/** One entry of the conversation (a comment, chat message or note). */
export const messageItem = [
  '[data-test-id="omni-log-comment-item"]',
  // Classic UI (before 2021): audit events carry the comment id.
  '[data-comment-id]',
] as const;

/** Attributes of an item that hold a stable message id. */
export const messageIdAttributes = ['data-comment-id', 'data-message-id', 'data-id'] as const;

/** The message bubble; its `type` says who wrote it (end-user | agent | bot | system). */
export const messageBubble = ['[data-test-id="omni-log-item-message"]'] as const;

/** The readable body of a message. */
export const messageContent = [
  '[data-test-id="omni-log-message-content"]',
  // E-mail bodies and the classic UI render into .zd-comment.
  '.zd-comment',
  '[data-test-id="omni-log-item-message"]',
] as const;

/** The sender's name; only the first message of a group carries it. */
export const messageSender = [
  '[data-test-id="omni-log-comment-user-link"]',
  '[data-test-id="omni-log-item-sender"]',
  // Classic UI (before 2021).
  '.actor .name',
] as const;

/** Machine-readable time of a message. */
export const messageTime = [
  '[data-test-id="timestamp-relative"][datetime]',
  '[data-test-id="timestamp-absolute"][datetime]',
  'time[datetime]',
  '[datetime]',
] as const;

/** Present inside an item when it is an internal note. */
export const internalNoteTag = [
  '[data-test-id="omni-log-internal-note-tag"]',
  // Classic UI (before 2021): private comments.
  '.is-private',
] as const;

/** Present on agent replies; only used when a bubble lacks its `type`. */
export const agentBadge = ['[data-test-id="omni-log-avatar-badge-AgentBadge"]'] as const;

/** "via email" / "via messaging": the channel the first message arrived through. */
export const messageVia = ['[data-test-id="omni-log-item-via"]'] as const;

/** The reply editor inside the active pane. */
export const composerEditor = [
  // Agent Workspace 2022–: CKEditor 5.
  '[data-test-id="omnicomposer-rich-text-ckeditor"]',
  '[data-test-id="omnicomposer-plain-text-ckeditor"][contenteditable="true"]',
  // Agent Workspace 2020–2022.
  '[data-test-id="ticket-rich-text-editor"] [contenteditable="true"]',
  '.ck-editor__editable[contenteditable="true"]',
  // Classic UI (before 2021) and anything else in a composer region.
  '[data-test-id="omnicomposer"] [contenteditable="true"]',
  '.comment_input [contenteditable="true"]',
] as const;

/** The composer's channel switcher; its data-channel is `internal` for internal notes. */
export const composerChannel = [
  '[data-test-id="omnichannel-channel-switcher-button"][data-channel]',
  '[data-test-id="omnichannel-channel-switcher-button"]',
] as const;

/** The app's main container (narrowed for the sidebar) and the composer's send button (never covered). */
export const layout = {
  // Classic UI (before 2021) and the demo helpdesk: the Ember application root holds the whole agent UI.
  main: ['#application'],
  // Agent Workspace 2021– (and the demo): the "Submit as …" split button.
  send: ['[data-test-id="submit_button-button"]'],
} as const;
