// The part of Zendesk's REST API the extension reads, answered from the demo's tickets (pure: tests use it too).

/** Zendesk's page size for comments. */
const PER_PAGE = 100;

/**
 * A ticket's comments as Zendesk's `/api/v2/tickets/<id>/comments.json?include=users` answers them:
 * notes are private comments, system lines come from author -1, the bot's lines via Answer Bot.
 */
export function commentsPage(ticket, page, origin) {
  const start = (page - 1) * PER_PAGE;
  const people = new Map();
  const userOf = (message) => {
    if (message.role === 'system' || !message.author) return -1;
    if (!people.has(message.author)) {
      const role = message.role === 'customer' ? 'end-user' : 'agent';
      people.set(message.author, { id: 9000 + people.size, name: message.author, role });
    }
    return people.get(message.author).id;
  };
  const comments = ticket.messages.slice(start, start + PER_PAGE).map((message) => ({
    id: message.id,
    author_id: userOf(message),
    public: message.role !== 'internal',
    plain_body: message.text,
    created_at: message.at,
    via: { channel: message.role === 'bot' ? 'answer_bot_api' : 'web' },
  }));
  const more = start + PER_PAGE < ticket.messages.length;
  return {
    comments,
    users: [...people.values()],
    next_page: more ? `${origin}/api/v2/tickets/${ticket.id}/comments.json?include=users&page=${page + 1}` : null,
    previous_page: page > 1 ? `${origin}/api/v2/tickets/${ticket.id}/comments.json?include=users&page=${page - 1}` : null,
    count: ticket.messages.length,
  };
}

