// Builds the demo's Zendesk-shaped ticket markup with createElement/textContent (never innerHTML).
//
// The markup mirrors Agent Workspace where the adapter reads it (lib/helpdesks/zendesk/selectors.ts):
// pane [data-side-conversations-anchor-id] > input[data-test-id=omni-header-subject],
// [data-test-id=omni-log-container] > article[data-test-id=omni-log-comment-item] > sender, via,
// time[datetime], internal-note tag, [data-test-id=omni-log-item-message][type] > message content,
// and the composer (channel switcher + CKEditor-like contenteditable). Shared by app.js and the tests.

const VIA = { email: 'via email', chat: 'via messaging', call: 'via phone call' };
/** What the composer's channel switcher reports for a public reply on each channel. */
const PUBLIC_CHANNEL = { email: 'email', chat: 'native_messaging', call: 'email' };
const TYPE = { customer: 'end-user', agent: 'agent', internal: 'agent', bot: 'bot', system: 'system' };

const LABELS = {
  en: { public: 'Public reply', internal: 'Internal note', submit: 'Submit', placeholder: 'Write a reply…', internalTag: 'Internal note', requester: 'Requester', assignee: 'Assignee' },
  fi: { public: 'Julkinen vastaus', internal: 'Sisäinen muistiinpano', submit: 'Lähetä', placeholder: 'Kirjoita vastaus…', internalTag: 'Sisäinen muistiinpano', requester: 'Pyytäjä', assignee: 'Käsittelijä' },
};

/** The demo UI is English (like an English Zendesk account); ticket content may be Finnish. */
export const ui = LABELS.en;

function el(doc, tag, attrs = {}, ...children) {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return node;
}

export function initials(name) {
  return (name || '?')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0].toUpperCase())
    .join('');
}

export function formatTime(iso, lang = 'en') {
  const date = new Date(iso);
  return new Intl.DateTimeFormat(lang === 'fi' ? 'fi-FI' : 'en-GB', {
    day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Helsinki',
  }).format(date);
}

/** Chat messages from one sender in a row form a group; only the first shows the sender (as in Zendesk). */
export function groupModes(ticket) {
  const modes = [];
  const messages = ticket.messages;
  const groupable = (m) => m.role === 'customer' || m.role === 'agent' || m.role === 'bot';
  const same = (a, b) => a && b && groupable(a) && groupable(b) && a.role === b.role && a.author === b.author;
  for (let i = 0; i < messages.length; i++) {
    const prev = ticket.channel === 'chat' && same(messages[i - 1], messages[i]);
    const next = ticket.channel === 'chat' && same(messages[i], messages[i + 1]);
    modes.push(prev ? (next ? 'middle' : 'last') : next ? 'first' : 'standalone');
  }
  return modes;
}

/** Paragraphs become <p>; single line breaks stay as text (white-space: pre-line), like chat bubbles. */
function messageBody(doc, text) {
  const body = el(doc, 'div', { class: 'zd-comment', dir: 'auto' });
  for (const paragraph of text.split(/\n{2,}/)) body.append(el(doc, 'p', {}, paragraph));
  return body;
}

/** One conversation entry; `mode` is standalone | first | middle | last. */
export function createMessageItem(doc, ticket, message, mode = 'standalone') {
  const showsSender = message.role !== 'system' && (mode === 'standalone' || mode === 'first');
  const lang = ticket.language;
  const item = el(doc, 'article', {
    'data-test-id': 'omni-log-comment-item',
    'data-comment-id': message.id,
    class: `log-item role-${message.role} mode-${mode}`,
  });
  const avatar = el(doc, 'div', { class: 'avatar', 'aria-hidden': 'true' }, showsSender ? initials(message.author) : '');
  const main = el(doc, 'div', { class: 'log-main' });
  const time = el(
    doc,
    'time',
    { 'data-test-id': 'timestamp-relative', datetime: message.at, title: new Date(message.at).toUTCString() },
    formatTime(message.at, lang),
  );
  if (showsSender) {
    main.append(
      el(doc, 'div', { class: 'log-header', 'data-test-id': 'omni-log-item-header' },
        el(doc, 'span', { 'data-test-id': 'omni-log-item-sender', class: 'sender' },
          el(doc, 'a', { 'data-test-id': 'omni-log-comment-user-link', href: '#' }, el(doc, 'strong', {}, message.author))),
        el(doc, 'span', { 'data-test-id': 'omni-log-item-via', class: 'via' }, VIA[ticket.channel] ?? ''),
        time),
    );
  }
  if (message.role === 'internal') {
    main.append(el(doc, 'div', { 'data-test-id': 'omni-log-internal-note-tag', class: 'note-tag' }, ui.internalTag));
  }
  main.append(
    el(doc, 'div', { 'data-test-id': 'omni-log-item-message', type: TYPE[message.role], mode, class: 'bubble' },
      el(doc, 'div', { 'data-test-id': 'omni-log-message-content' }, messageBody(doc, message.text))),
  );
  if (!showsSender) main.append(el(doc, 'div', { class: 'log-footer' }, time));
  item.append(avatar, main);
  return item;
}

/** The conversation log with every message of the ticket. */
export function createLog(doc, ticket) {
  const log = el(doc, 'section', {
    'data-test-id': 'omni-log-container', class: 'omni-log', role: 'log', 'aria-label': 'Conversation',
  });
  const modes = groupModes(ticket);
  ticket.messages.forEach((message, i) => log.append(createMessageItem(doc, ticket, message, modes[i])));
  return log;
}

/** Sets the composer to public or internal; the switcher's data-channel is what the adapter reads. */
export function setComposerMode(composer, ticket, mode) {
  const switcher = composer.querySelector('[data-test-id="omnichannel-channel-switcher-button"]');
  const internal = mode === 'internal';
  switcher.setAttribute('data-channel', internal ? 'internal' : PUBLIC_CHANNEL[ticket.channel]);
  switcher.querySelector('.label').textContent = internal ? ui.internal : ui.public;
  composer.classList.toggle('is-internal', internal);
  for (const item of composer.querySelectorAll('[role="menuitemradio"]')) {
    item.setAttribute('aria-checked', String(item.getAttribute('data-mode') === mode));
  }
}

export function createComposer(doc, ticket) {
  const menu = el(doc, 'ul', { role: 'menu', class: 'channel-menu', 'data-test-id': 'omnichannel-channel-switcher-menu', hidden: true },
    el(doc, 'li', { role: 'menuitemradio', tabindex: '-1', 'data-mode': 'public', 'data-test-id': 'omnichannel-channel-switcher-menuitem-public' }, ui.public),
    el(doc, 'li', { role: 'menuitemradio', tabindex: '-1', 'data-mode': 'internal', 'data-test-id': 'omnichannel-channel-switcher-menuitem-internal' }, ui.internal));
  const composer = el(doc, 'div', { class: 'composer', 'data-test-id': 'omnicomposer' },
    el(doc, 'div', { class: 'composer-toolbar', 'data-test-id': 'omnichannel-composer-toolbar' },
      el(doc, 'button', { type: 'button', class: 'channel-switcher', 'data-test-id': 'omnichannel-channel-switcher-button', 'aria-haspopup': 'menu', 'aria-expanded': 'false' },
        el(doc, 'span', { class: 'label' }, ui.public), el(doc, 'span', { class: 'caret', 'aria-hidden': 'true' }, '▾')),
      menu),
    el(doc, 'div', {
      class: 'ck-editor__editable', 'data-test-id': 'omnicomposer-rich-text-ckeditor', contenteditable: 'true',
      role: 'textbox', 'aria-multiline': 'true', 'aria-label': 'Reply', 'data-placeholder': ui.placeholder,
    }),
    el(doc, 'div', { class: 'composer-footer' },
      el(doc, 'button', { type: 'button', class: 'submit', 'data-test-id': 'submit_button-button' }, ui.submit)));
  setComposerMode(composer, ticket, 'public');
  return composer;
}

/** A whole ticket pane: header with subject, conversation, composer. Hidden panes get `hidden`. */
export function createTicketPane(doc, ticket, { hidden = false } = {}) {
  const pane = el(doc, 'div', {
    class: 'ticket-pane',
    'data-test-id': 'ticket-pane',
    'data-side-conversations-anchor-id': ticket.id,
    'data-ticket-id': ticket.id,
    hidden,
  });
  const header = el(doc, 'div', { class: 'pane-header', 'data-test-id': 'omni-header' },
    el(doc, 'div', { class: 'subject-row' },
      el(doc, 'span', { class: `channel-icon channel-${ticket.channel}`, 'aria-hidden': 'true' }),
      el(doc, 'input', { 'data-test-id': 'omni-header-subject', 'aria-label': 'Subject', class: 'subject', value: ticket.subject })),
    el(doc, 'div', { class: 'meta' },
      el(doc, 'span', {}, `#${ticket.id}`),
      el(doc, 'span', {}, `${ui.requester}: ${ticket.requester.name}`),
      el(doc, 'span', {}, `${ui.assignee}: ${ticket.assignee}`),
      el(doc, 'span', { class: `status status-${ticket.status}` }, ticket.status)));
  pane.append(header, createLog(doc, ticket), createComposer(doc, ticket));
  return pane;
}
