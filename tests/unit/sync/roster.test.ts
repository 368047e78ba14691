// Mapping helpdesk display names onto the team roster: unique match, case and whitespace, ambiguity, no backend.
import { describe, expect, it } from 'vitest';
import type { RosterMember } from '@/lib/model/sync';
import { matchReviewee, memberOf, normalizeName, revieweeFor, rosterChoices, rosterTeams, selfPerson, type Roster } from '@/lib/sync/roster';

const mikko: RosterMember = { email: 'mikko@arvio.test', name: 'Mikko Laine', role: 'agent' };
const liisa: RosterMember = { email: 'liisa@arvio.test', name: 'Liisa Virtanen', role: 'agent' };
const aino: RosterMember = { email: 'aino@arvio.test', name: 'Aino', role: 'reviewer' };
const mikko2: RosterMember = { email: 'mikko.l@arvio.test', name: 'mikko laine', role: 'agent' };
const roster: Roster = { me: aino, members: [aino, liisa, mikko] };

describe('the team roster in the reviewee picker', () => {
  it('normalises names: case, surrounding and inner whitespace', () => {
    expect(normalizeName('  Mikko   LAINE ')).toBe('mikko laine');
  });

  it('maps a helpdesk display name to the one member of that name, by e-mail', () => {
    expect(revieweeFor({ id: 'Mikko Laine', name: 'Mikko Laine' }, roster)).toEqual({ id: 'mikko@arvio.test', name: 'Mikko Laine' });
    expect(revieweeFor({ id: ' mikko  laine', name: ' mikko  laine' }, roster)).toEqual({ id: 'mikko@arvio.test', name: 'Mikko Laine' });
  });

  it('keeps a person who already is a member (their id is the e-mail, in any case)', () => {
    expect(matchReviewee({ id: 'LIISA@arvio.test', name: 'L.' }, roster.members)).toEqual({
      kind: 'member',
      person: { id: 'liisa@arvio.test', name: 'Liisa Virtanen' },
    });
    expect(memberOf({ id: 'liisa@arvio.test', name: 'x' }, roster.members)).toBe(liisa);
  });

  it('leaves an ambiguous or unknown name for the reviewer to choose', () => {
    const members = [...roster.members, mikko2];
    expect(matchReviewee({ id: 'Mikko Laine', name: 'Mikko Laine' }, members)).toEqual({
      kind: 'ambiguous',
      name: 'Mikko Laine',
      choices: [mikko, mikko2],
    });
    expect(revieweeFor({ id: 'Mikko Laine', name: 'Mikko Laine' }, { me: aino, members })).toBeNull();
    expect(matchReviewee({ id: 'Pekka', name: 'Pekka' }, roster.members)).toEqual({ kind: 'unmatched', name: 'Pekka' });
    expect(revieweeFor({ id: 'Pekka', name: 'Pekka' }, roster)).toBeNull();
  });

  it('without a backend (no roster) names stay as the helpdesk shows them', () => {
    const person = { id: 'Mikko Laine', name: 'Mikko Laine' };
    expect(revieweeFor(person, null)).toBe(person);
    expect(revieweeFor(null, roster)).toBeNull();
  });

  it("lists the ticket's agents first, then the rest of the team by name", () => {
    expect(rosterChoices(['Mikko Laine'], roster.members).map((m) => m.email)).toEqual([
      'mikko@arvio.test',
      'aino@arvio.test',
      'liisa@arvio.test',
    ]);
  });

  it('the own identity is the backend account when connected, else the settings identity', () => {
    expect(selfPerson({ name: 'Me', email: 'me@example.com' }, roster)).toEqual({ id: 'aino@arvio.test', name: 'Aino' });
    expect(selfPerson({ name: 'Me', email: 'me@example.com' }, null)).toEqual({ id: 'me@example.com', name: 'Me' });
    expect(selfPerson({ name: '', email: '' }, null)).toBeNull();
  });
});

describe('teams in the roster', () => {
  it('groups members by the teams they are in, by name, e-mails lower-cased; no teams from an older server', () => {
    const teams = rosterTeams([
      { email: 'Mikko@Example.com', name: 'Mikko', role: 'agent', teams: ['Tuki', 'Laskutus'] },
      { email: 'sara@example.com', name: 'Sara', role: 'agent', teams: ['Tuki'] },
      { email: 'lead@example.com', name: 'Lead', role: 'lead' },
    ]);
    expect([...teams.keys()]).toEqual(['Laskutus', 'Tuki']);
    expect([...teams.get('Tuki')!]).toEqual(['mikko@example.com', 'sara@example.com']);
    expect([...teams.get('Laskutus')!]).toEqual(['mikko@example.com']);
  });
});
