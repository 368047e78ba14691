// An iCalendar (RFC 5545) event for a scheduled coaching session, so it lands in both calendars. Pure.
import type { CoachingSession } from '../model';

export const SESSION_MINUTES = 45;

/** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 3.3.11). */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** `20260302T100000Z` */
function stamp(iso: string): string {
  return iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Lines longer than 75 octets are folded (3.1), never inside a UTF-8 character. */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

// A parameter value may not hold a double quote (3.2): it is quoted, and quotes inside become single.
const mailto = (person: { id: string; name: string }) => `CN="${(person.name || person.id).replace(/"/g, "'")}":mailto:${person.id}`;

/** The .ics text of a scheduled session: organiser the coach, attendee the agent. */
export function sessionIcs(session: CoachingSession, summary: string, description: string, now: Date): string {
  if (!session.scheduledFor) throw new Error('only a scheduled session goes into a calendar');
  const start = session.scheduledFor;
  const end = new Date(Date.parse(start) + SESSION_MINUTES * 60_000).toISOString();
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Arvio//Coaching//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${session.id}@arvio`,
    // Rises with every change of the session (its minutes since 1970): a calendar given the file of a
    // rescheduled session replaces the event it has under the same UID instead of keeping the old time.
    `SEQUENCE:${Math.floor(Date.parse(session.updatedAt) / 60_000)}`,
    `DTSTAMP:${stamp(now.toISOString())}`,
    `DTSTART:${stamp(start)}`,
    `DTEND:${stamp(end)}`,
    `SUMMARY:${text(summary)}`,
    `DESCRIPTION:${text(description)}`,
    ...(session.coach.id.includes('@') ? [`ORGANIZER;${mailto(session.coach)}`] : []),
    ...(session.agent.id.includes('@') ? [`ATTENDEE;ROLE=REQ-PARTICIPANT;${mailto(session.agent)}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
