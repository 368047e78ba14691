// A team's settings: made in one place, read for each review's dispute window and for who may start
// calibration, saved through the one writer (queued for the team backend).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArvioDb, listTeamSettings, saveTeamSettings, useDatabase } from '@/lib/db';
import { BACKEND_KEY } from '@/lib/db/database';
import { whyNoDispute } from '@/lib/disputes';
import { mayStartCalibration, teamSettingsSchema } from '@/lib/model/teamSettings';
import type { Roster } from '@/lib/sync/roster';
import { calibrationStartTeams, DEFAULT_WINDOW_DAYS, newTeamSettings, windowDaysOf } from '@/lib/teamSettings';
import { review } from '../../../server/tests/helpers/docs';

const LEAD = { id: 'Leena@Example.com', name: 'Leena' };
const NOW = new Date('2026-03-10T12:00:00.000Z');
const settingsOf = (team: string, days: number, starters: string[] = []) =>
  newTeamSettings({ team, disputeWindowDays: days, calibrationStarters: starters, by: LEAD, now: NOW });

describe('a team’s settings, made in one place', () => {
  it('take their id from the team, lower-case e-mails, and drop repeated reviewers', () => {
    const settings = settingsOf('t-fi', 3, ['Aino@example.com', 'aino@example.com', 'ville@example.com']);
    expect(settings).toEqual({
      id: 'settings|t-fi',
      team: 't-fi',
      disputeWindowDays: 3,
      calibrationStarters: ['aino@example.com', 'ville@example.com'],
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
