// Mapping helpdesk display names onto the team roster: unique match, case and whitespace, ambiguity, no backend.
import { describe, expect, it } from 'vitest';
import type { RosterMember } from '@/lib/model/sync';
import {
  documentTeam,
  matchReviewee,
  memberOf,
  nameOfAddress,
  normalizeName,
  revieweeFor,
  reviewsOthers,
  rosterChoices,
  rosterTeams,
  selfPerson,
  teamChoices,
  type Roster,
} from '@/lib/sync/roster';

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

describe('names of addresses', () => {
  it('names an address as the roster does, whatever its case and spaces; an address the roster lacks stays as it is', () => {
    const roster = { members: [{ email: 'aino.lahtinen@example.com', name: 'Aino Lahtinen', role: 'reviewer' as const }] };
    expect(nameOfAddress(roster, ' Aino.Lahtinen@example.com')).toBe('Aino Lahtinen');
    expect(nameOfAddress(roster, 'participant-2@pseudonymous.invalid')).toBe('participant-2@pseudonymous.invalid');
    expect(nameOfAddress(null, 'aino.lahtinen@example.com')).toBe('aino.lahtinen@example.com');
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

describe('which team a new document belongs to', () => {
  // Aino reviews in Support FI and Support SE and is an agent in Billing; Mikko is in FI, Liisa in FI and SE.
  const teams = [
    { id: 't-billing', name: 'Billing', role: 'agent' as const },
    { id: 't-fi', name: 'Support FI', role: 'reviewer' as const },
    { id: 't-se', name: 'Support SE', role: 'reviewer' as const },
  ];
  const inTeams: Roster = {
    me: aino,
    members: [
      { ...aino, teams: ['Billing', 'Support FI', 'Support SE'] },
      { ...mikko, teams: ['Support FI'] },
      { ...liisa, teams: ['Support FI', 'Support SE'] },
    ],
    teams,
  };
  const reviewing = { roles: ['lead', 'reviewer'] as const };

  it('the one team the author and the subject share, where the author may write it', () => {
    expect(teamChoices(inTeams, { subject: 'MIKKO@arvio.test', ...reviewing }).map((t) => t.id)).toEqual(['t-fi']);
    expect(documentTeam(inTeams, { subject: 'mikko@arvio.test', ...reviewing })).toBe('t-fi');
  });

  it('several shared teams: all offered, the first proposed', () => {
    expect(teamChoices(inTeams, { subject: 'liisa@arvio.test', ...reviewing }).map((t) => t.id)).toEqual(['t-fi', 't-se']);
    expect(documentTeam(inTeams, { subject: 'liisa@arvio.test', ...reviewing })).toBe('t-fi');
  });

  it('none: a subject outside the author’s teams, a role that may not write it, or no backend', () => {
    expect(documentTeam(inTeams, { subject: 'stranger@arvio.test', ...reviewing })).toBeNull();
    expect(documentTeam(inTeams, { subject: 'mikko@arvio.test', roles: ['lead'] })).toBeNull();
    expect(documentTeam(null, { subject: 'mikko@arvio.test' })).toBeNull();
    expect(documentTeam({ me: aino, members: [aino] }, {})).toBeNull();
  });

  it('about nobody (a self-check): the author’s first team; an admin’s organisation-wide card has none', () => {
    expect(documentTeam(inTeams)).toBe('t-billing');
    const admin: Roster = { me: { ...aino, role: 'admin' }, members: [aino], teams: teams.map((t) => ({ ...t, role: 'admin' as const })) };
    expect(documentTeam(admin, { roles: ['lead'], orgWide: true })).toBeNull();
    expect(documentTeam(admin, { roles: ['lead'] })).toBe('t-billing');
  });
});

describe('who reviews others', () => {
  const as = (role: RosterMember['role'], teams: Array<RosterMember['role']> | undefined): Roster => ({
    me: { email: 'me@example.com', name: 'Me', role },
    members: [],
    teams: teams?.map((teamRole, i) => ({ id: `t${i}`, name: `T${i}`, role: teamRole })),
  });

  it('a reviewer or a lead in some team, an admin, and anyone without a team backend; not an agent', () => {
    expect(reviewsOthers(null)).toBe(true);
    expect(reviewsOthers(as('reviewer', ['reviewer']))).toBe(true);
    expect(reviewsOthers(as('lead', ['agent', 'lead']))).toBe(true);
    expect(reviewsOthers(as('admin', ['admin']))).toBe(true);
    expect(reviewsOthers(as('agent', ['agent']))).toBe(false);
    expect(reviewsOthers(as('agent', ['agent', 'agent']))).toBe(false);
    // An older server without the teams: the account's role says.
    expect(reviewsOthers(as('agent', undefined))).toBe(false);
    expect(reviewsOthers(as('reviewer', undefined))).toBe(true);
  });
});
