// The demo helpdesk's single-page app: ticket list, tabs, panes kept like Zendesk, composer that posts locally.
import { createMessageItem, createTicketPane, formatTime, groupModes, initials, setComposerMode } from './render.js';

/** Like Zendesk: the active ticket plus up to three earlier ones stay in the DOM, hidden. */
const KEPT_PANES = 4;
const SIGNED_IN_AGENT = 'Aino Virtanen';

const state = {
  /** @type {Array<any>} */ tickets: [],
  /** Ticket ids whose panes are in the DOM, most recently shown last. */
  open: [],
};

const $ = (selector) => document.querySelector(selector);

function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function ticketById(id) {
  return state.tickets.find((ticket) => ticket.id === id) ?? null;
}

function route(pathname) {
  const match = /^\/agent\/tickets\/(\d+)\/?$/.exec(pathname);
  if (match) return { page: 'ticket', id: match[1] };
  return { page: 'dashboard' };
}

function navigate(path) {
  if (location.pathname !== path) history.pushState({}, '', path);
  render();
}

/** Internal links switch views without a reload, as in Zendesk. */
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[data-nav]') : null;
  if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate(link.getAttribute('href'));
});
window.addEventListener('popstate', () => render());

function renderTicketList(activeId) {
  const list = $('#ticket-list');
  list.replaceChildren(
    ...state.tickets.map((ticket) => {
      const last = ticket.messages[ticket.messages.length - 1];
      return h('li', {},
        h('a', {
          href: `/agent/tickets/${ticket.id}`, 'data-nav': true, class: 'ticket-link',
          'aria-current': ticket.id === activeId ? 'page' : false,
        },
          h('span', { class: `channel-icon channel-${ticket.channel}`, 'aria-hidden': 'true' }),
          h('span', { class: 'ticket-link-main' },
            h('span', { class: 'ticket-link-subject' }, ticket.subject),
            h('span', { class: 'ticket-link-meta' }, `#${ticket.id} · ${ticket.requester.name} · ${last ? formatTime(last.at, 'en') : ''}`)),
          h('span', { class: `priority priority-${ticket.priority}` }, ticket.priority)));
    }),
  );
}

/** Header tabs, one per kept pane, like Zendesk's ticket tabs. */
function renderTabs(activeId) {
  const tabs = $('#tabs');
  tabs.replaceChildren(
    ...state.open.map((id) => {
      const ticket = ticketById(id);
      const selected = id === activeId;
      return h('a', {
        href: `/agent/tickets/${id}`, 'data-nav': true, role: 'tab', class: 'tab',
        'data-entity-id': id, 'data-entity-type': 'ticket', 'data-selected': String(selected), 'aria-selected': String(selected),
      },
        h('span', { class: `channel-icon channel-${ticket.channel}`, 'aria-hidden': 'true' }),
        h('span', { class: 'tab-title', 'data-test-id': 'header-tab-title' }, ticket.subject),
        h('span', { class: 'tab-subtitle' }, `#${id}`));
    }),
  );
}

function paneOf(id) {
  return document.querySelector(`#main_panes > [data-side-conversations-anchor-id="${CSS.escape(id)}"]`);
}

function showTicket(id) {
  const ticket = ticketById(id);
  const panes = $('#main_panes');
  $('#dashboard').hidden = true;
  if (!ticket) {
    for (const pane of panes.querySelectorAll('.ticket-pane')) pane.hidden = true;
    $('#not-found').hidden = false;
    return;
  }
  $('#not-found').hidden = true;
  state.open = state.open.filter((openId) => openId !== id).concat(id);
  // Drop the least recently shown pane beyond the kept ones, as Zendesk closes old tabs.
  while (state.open.length > KEPT_PANES) paneOf(state.open.shift())?.remove();
  let pane = paneOf(id);
  if (!pane) {
    pane = createTicketPane(document, ticket);
    wireComposer(pane, ticket);
    panes.append(pane);
    const log = pane.querySelector('[data-test-id="omni-log-container"]');
    requestAnimationFrame(() => { log.scrollTop = log.scrollHeight; });
  }
  for (const other of panes.querySelectorAll('.ticket-pane')) other.hidden = other !== pane;
  document.title = `${ticket.subject} – Ticket #${id} – Arvio Demo Desk`;
}

function showDashboard() {
  for (const pane of $('#main_panes').querySelectorAll('.ticket-pane')) pane.hidden = true;
  $('#not-found').hidden = true;
  const dashboard = $('#dashboard');
  dashboard.hidden = false;
  const counts = { open: 0, pending: 0, solved: 0 };
  for (const ticket of state.tickets) counts[ticket.status] = (counts[ticket.status] ?? 0) + 1;
  $('#stat-open').textContent = String(counts.open);
  $('#stat-pending').textContent = String(counts.pending);
  $('#stat-solved').textContent = String(counts.solved);
  const rows = $('#dashboard-rows');
  rows.replaceChildren(
    ...state.tickets.map((ticket) =>
      h('tr', {},
        h('td', {}, h('a', { href: `/agent/tickets/${ticket.id}`, 'data-nav': true }, ticket.subject)),
        h('td', {}, ticket.requester.name),
        h('td', {}, ticket.assignee),
        h('td', {}, ticket.channel),
        h('td', {}, h('span', { class: `status status-${ticket.status}` }, ticket.status)))),
  );
  document.title = 'Dashboard – Arvio Demo Desk';
}

function wireComposer(pane, ticket) {
  const composer = pane.querySelector('[data-test-id="omnicomposer"]');
  const switcher = composer.querySelector('[data-test-id="omnichannel-channel-switcher-button"]');
  const menu = composer.querySelector('[role="menu"]');
  const editor = composer.querySelector('[contenteditable="true"]');
  const setMenu = (open) => {
    menu.hidden = !open;
    switcher.setAttribute('aria-expanded', String(open));
    if (open) menu.querySelector('[aria-checked="true"]')?.focus();
  };
  switcher.addEventListener('click', () => setMenu(menu.hidden));
  menu.addEventListener('click', (event) => {
    const item = event.target instanceof Element ? event.target.closest('[data-mode]') : null;
    if (!item) return;
    setComposerMode(composer, ticket, item.getAttribute('data-mode'));
    setMenu(false);
    editor.focus();
  });
  menu.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') { setMenu(false); switcher.focus(); }
    if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); event.target.click(); }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const items = [...menu.querySelectorAll('[data-mode]')];
      const next = items[(items.indexOf(event.target) + 1) % items.length];
      next.focus();
    }
  });
  composer.querySelector('[data-test-id="submit_button-button"]').addEventListener('click', async () => {
    // innerText keeps the line breaks the agent typed; it is read, never written back as markup.
    const text = editor.innerText.replace(/\n{3,}/g, '\n\n').trim();
    if (!text) { editor.focus(); return; }
    const internal = switcher.getAttribute('data-channel') === 'internal';
    // As in Zendesk, the comment is saved through the ticket API first; the log shows what was saved.
    const response = await fetch(`/api/v2/tickets/${ticket.id}.json`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ticket: { comment: { body: text, public: !internal } } }),
    });
    if (!response.ok) { editor.focus(); return; }
    const { message } = await response.json();
    ticket.messages.push(message);
    const modes = groupModes(ticket);
    const log = pane.querySelector('[data-test-id="omni-log-container"]');
    log.append(createMessageItem(document, ticket, message, modes[modes.length - 1]));
    fixPreviousGroupMode(log, modes);
    editor.replaceChildren();
    log.scrollTop = log.scrollHeight;
  });
}

/** When a reply joins the previous message's group, that message's mode moves on (standalone→first, last→middle). */
function fixPreviousGroupMode(log, modes) {
  const items = log.querySelectorAll('[data-test-id="omni-log-comment-item"]');
  const previous = items[items.length - 2];
  const mode = modes[modes.length - 2];
  if (!previous || !mode) return;
  previous.querySelector('[data-test-id="omni-log-item-message"]')?.setAttribute('mode', mode);
  previous.className = previous.className.replace(/mode-\w+/, `mode-${mode}`);
}

function render() {
  const where = route(location.pathname);
  if (where.page === 'ticket') showTicket(where.id);
  else showDashboard();
  renderTicketList(where.page === 'ticket' ? where.id : null);
  renderTabs(where.page === 'ticket' ? where.id : null);
  $('#nav-dashboard').setAttribute('aria-current', where.page === 'dashboard' ? 'page' : 'false');
}

async function start() {
  $('#agent-avatar').textContent = initials(SIGNED_IN_AGENT);
  $('#agent-name').textContent = SIGNED_IN_AGENT;
  const response = await fetch('/api/demo/tickets.json');
  state.tickets = (await response.json()).tickets;
  render();
}

start().catch((error) => {
  $('#not-found').hidden = false;
  $('#not-found').textContent = `Could not load the demo tickets: ${error.message}`;
});
