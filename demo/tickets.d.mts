// Types of the demo ticket data (tickets.mjs is plain JS so the server and browser need no build step).
import type { Channel, TicketMessage } from '../lib/model/ticket';

export interface DemoTicket {
  id: string;
  subject: string;
  channel: Channel;
  status: 'open' | 'pending' | 'solved';
  priority: 'low' | 'normal' | 'high' | 'urgent';
  language: 'fi' | 'en';
  requester: { name: string; email: string };
  assignee: string;
  messages: TicketMessage[];
}

export const agents: string[];
export const signedInAgent: string;
export const tickets: DemoTicket[];
