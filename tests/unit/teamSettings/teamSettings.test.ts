// A team's settings: made in one place, read for each review's dispute window and for who may start
// calibration, saved through the one writer (queued for the team backend).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArvioDb, listTeamSettings, saveTeamSettings, useDatabase } from '@/lib/db';
import { BACKEND_KEY } from '@/lib/db/database';
import { whyNoDispute } from '@/lib/disputes';
import { mayStartCalibration, teamSettingsSchema } from '@/lib/model/teamSettings';
import type { Roster } from '@/lib/sync/roster';
import { calibrationStartTeams, DEFAULT_WINDOW_DAYS, newTeamSettings, rhythmsOf, rhythmTeamOf, windowDaysOf, withRhythm } from '@/lib/teamSettings';
import { review } from '../../../server/tests/helpers/docs';

const LEAD = { id: 'Leena@Example.com', name: 'Leena' };
const NOW = new Date('2026-03-10T12:00:00.000Z');
const settingsOf = (team: string, days: number, starters: string[] = []) =>
  newTeamSettings({ team, disputeWindowDays: days, calibrationStarters: starters, coachingRhythms: [], by: LEAD, now: NOW });

describe('a team’s settings, made in one place', () => {
  it('take their id from the team, lower-case e-mails, and drop repeated reviewers', () => {
    const settings = settingsOf('t-fi', 3, ['Aino@example.com', 'aino@example.com', 'ville@example.com']);
    expect(settings).toEqual({
      id: 'settings|t-fi',
      team: 't-fi',
      disputeWindowDays: 3,
      calibrationStarters: ['aino@example.com', 'ville@example.com'],
      coachingRhythms: [],
      updatedBy: { id: 'leena@example.com', name: 'Leena' },
      updatedAt: NOW.toISOString(),
    });
  });

  it.each([0, 91, 2.5])('refuse a window of %s days, naming the field', (days) => {
    expect(() => settingsOf('t-fi', days)).toThrow(/disputeWindowDays/);
  });

  it('cannot be made under another team’s id', () => {
    const squatted = teamSettingsSchema.safeParse({ ...settingsOf('t-fi', 3), id: 'settings|t-se' });
    expect(squatted.error?.issues.map((i) => i.path.join('.'))).toEqual(['id']);
  });
});

describe('the agents’ coaching rhythms in a team’s settings', () => {
  const LATER = new Date('2026-03-11T08:00:00.000Z');

  it('are none in settings saved before them', () => {
    const { coachingRhythms: _, ...old } = settingsOf('t-fi', 3);
    expect(teamSettingsSchema.parse(old).coachingRhythms).toEqual([]);
  });

  it('refuse an agent twice and a rhythm out of bounds, naming the field', () => {
    const twice = teamSettingsSchema.safeParse({ ...settingsOf('t-fi', 3), coachingRhythms: [{ agent: 'mikko@example.com', days: 14 }, { agent: 'mikko@example.com', days: 60 }] });
    expect(twice.error?.issues.map((i) => i.path.join('.'))).toEqual(['coachingRhythms.1']);
    const weekly = teamSettingsSchema.safeParse({ ...settingsOf('t-fi', 3), coachingRhythms: [{ agent: 'mikko@example.com', days: 3 }] });
    expect(weekly.error?.issues.map((i) => i.path.join('.'))).toEqual(['coachingRhythms.0.days']);
  });

  it('are set one agent at a time, keeping the window and the starters, and go back to monthly', () => {
    const stored = settingsOf('t-fi', 3, ['aino@example.com']);
    const set = withRhythm(stored, 't-fi', 'Mikko@Example.com', 14, { id: 'lasse@example.com', name: 'Lasse' }, LATER);
    expect(set).toMatchObject({
      disputeWindowDays: 3,
      calibrationStarters: ['aino@example.com'],
      coachingRhythms: [{ agent: 'mikko@example.com', days: 14 }],
      updatedBy: { id: 'lasse@example.com', name: 'Lasse' },
      updatedAt: LATER.toISOString(),
    });
    const both = withRhythm(withRhythm(set, 't-fi', 'liisa@example.com', 60, LEAD, LATER), 't-fi', 'mikko@example.com', 42, LEAD, LATER);
    expect(both.coachingRhythms).toEqual([
      { agent: 'liisa@example.com', days: 60 },
      { agent: 'mikko@example.com', days: 42 },
    ]);
    expect(withRhythm(both, 't-fi', 'MIKKO@example.com', null, LEAD, LATER).coachingRhythms).toEqual([{ agent: 'liisa@example.com', days: 60 }]);
  });

  it('start from the defaults in a team with no settings saved yet', () => {
    expect(withRhythm(undefined, 't-se', 'mikko@example.com', 14, LEAD, LATER)).toMatchObject({
      id: 'settings|t-se',
      disputeWindowDays: DEFAULT_WINDOW_DAYS,
      calibrationStarters: [],
      coachingRhythms: [{ agent: 'mikko@example.com', days: 14 }],
    });
  });

  it('are read by agent across teams, the first team’s (by id) where two set one', () => {
    const se = withRhythm(undefined, 't-se', 'mikko@example.com', 60, LEAD, LATER);
    const fi = withRhythm(withRhythm(undefined, 't-fi', 'mikko@example.com', 14, LEAD, LATER), 't-fi', 'liisa@example.com', 42, LEAD, LATER);
    expect(rhythmsOf([se, fi])).toEqual({ 'mikko@example.com': 14, 'liisa@example.com': 42 });
    expect(rhythmsOf([])).toEqual({});
  });

  it('are kept in the first team the coach leads and shares with the agent; none without a backend', () => {
    const lasse = { email: 'lasse@example.com', name: 'Lasse', role: 'reviewer' as const };
    // The roster names a member's teams by name.
    const mikko = { email: 'mikko@example.com', name: 'Mikko', role: 'agent' as const, teams: ['Denmark', 'Finland', 'Sweden'] };
    const roster: Roster = {
      me: lasse,
      members: [lasse, mikko],
      teams: [
        { id: 't-dk', name: 'Denmark', role: 'reviewer' },
        { id: 't-se', name: 'Sweden', role: 'lead' },
        { id: 't-fi', name: 'Finland', role: 'lead' },
      ],
    };
    expect(rhythmTeamOf(roster, 'Mikko@example.com')).toBe('t-fi');
    expect(rhythmTeamOf({ ...roster, members: [lasse, { ...mikko, teams: ['Denmark'] }] }, 'mikko@example.com')).toBeNull();
    expect(rhythmTeamOf(roster, 'nobody@example.com')).toBeNull();
    expect(rhythmTeamOf(null, 'mikko@example.com')).toBeNull();
  });
});

describe('the dispute window of a review', () => {
  const all = [settingsOf('t-fi', 3), settingsOf('t-se', 30)];

  it('is its team’s, else 14 days', () => {
    expect(windowDaysOf(all, 't-fi')).toBe(3);
    expect(windowDaysOf(all, 't-se')).toBe(30);
    expect(windowDaysOf(all, 't-other')).toBe(DEFAULT_WINDOW_DAYS);
    expect(windowDaysOf(all, null)).toBe(14);
  });

  it('closes a 5-day-old review in a 3-day team and leaves it open in a 30-day one', () => {
    const old = (team: string) => review('r-1', 'aino@example.com', 'mikko@example.com', { team, createdAt: '2026-03-05T12:00:00.000Z' });
    expect(whyNoDispute(old('t-fi'), 'mikko@example.com', undefined, NOW, windowDaysOf(all, 't-fi'))).toBe('windowClosed');
    expect(whyNoDispute(old('t-se'), 'mikko@example.com', undefined, NOW, windowDaysOf(all, 't-se'))).toBeNull();
  });
});

describe('who may start a calibration session', () => {
  const allowed = settingsOf('t-fi', 14, ['aino@example.com']);

  it('a lead or admin always, a reviewer the settings name, an agent never', () => {
    expect(mayStartCalibration('lead', 'leena@example.com', undefined)).toBe(true);
    expect(mayStartCalibration('admin', 'root@example.com', null)).toBe(true);
    expect(mayStartCalibration('reviewer', 'AINO@example.com', allowed)).toBe(true);
    expect(mayStartCalibration('reviewer', 'ville@example.com', allowed)).toBe(false);
    expect(mayStartCalibration('reviewer', 'aino@example.com', undefined)).toBe(false);
    expect(mayStartCalibration('agent', 'aino@example.com', allowed)).toBe(false);
  });

  it('by team: a reviewer allowed in one team starts sessions there only', () => {
    const aino = { email: 'aino@example.com', name: 'Aino', role: 'reviewer' as const };
    const roster: Roster = {
      me: aino,
      members: [aino],
      teams: [
        { id: 't-fi', name: 'FI', role: 'reviewer' },
        { id: 't-se', name: 'SE', role: 'reviewer' },
        { id: 't-no', name: 'NO', role: 'lead' },
        { id: 't-dk', name: 'DK', role: 'agent' },
      ],
    };
    expect(calibrationStartTeams(roster, [allowed, settingsOf('t-se', 14)]).map((t) => t.id)).toEqual(['t-fi', 't-no']);
    expect(calibrationStartTeams(null, [allowed])).toEqual([]);
  });
});

describe('saving a team’s settings', () => {
  let database: ArvioDb;
  let n = 0;
  beforeEach(() => {
    database = new ArvioDb(`team-settings-${++n}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    useDatabase(database);
  });
  afterEach(() => database.close());

  it('keeps one row per team and queues each save for the team backend', async () => {
    await database.settings.put({ key: BACKEND_KEY, value: { url: 'https://arvio.example.com', token: 'arv_test' } });
    await saveTeamSettings(settingsOf('t-fi', 3));
    await saveTeamSettings(settingsOf('t-fi', 7, ['aino@example.com']));
    expect((await listTeamSettings()).map((s) => [s.team, s.disputeWindowDays, s.calibrationStarters])).toEqual([['t-fi', 7, ['aino@example.com']]]);
    expect((await database.outbox.toArray()).map((r) => [r.collection, r.docId])).toEqual([
      ['teamSettings', 'settings|t-fi'],
      ['teamSettings', 'settings|t-fi'],
    ]);
  });
});
