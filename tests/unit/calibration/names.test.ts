// How the extension shows a calibration participant: as the server sent them — a pseudonym as "Participant k", anyone else by address.
import { describe, expect, it } from 'vitest';
import { calibrationViewer, facilitates, newCalibrationSession, pseudonymAddress, pseudonymNumber, shownParticipant } from '@/lib/calibration';
import { calibrationSessionSchema } from '@/lib/model/calibration';
import { leadsTeam } from '@/lib/model/team';
import { templates } from '@/lib/scorecards/templates';

describe('a participant as received', () => {
  it('shows a pseudonymous address by its number and any other address as itself', () => {
    expect(shownParticipant(pseudonymAddress(2))).toEqual({ n: 2 });
    expect(shownParticipant(pseudonymAddress(17))).toEqual({ n: 17 });
    expect(shownParticipant('anna@arvio.test')).toEqual({ email: 'anna@arvio.test' });
  });

  it.each(['participant-0@pseudonymous.invalid', 'participant-2@pseudonymous.invalid.example', 'participant-02@pseudonymous.invalid', 'xparticipant-2@pseudonymous.invalid', 'participant-2@pseudonymous-invalid'])(
    '%s is an address, not a pseudonym',
    (address) => {
      expect(pseudonymNumber(address)).toBeNull();
      expect(shownParticipant(address)).toEqual({ email: address });
    },
  );

  it('lets a session hold the alignments the server sent by pseudonym, and still refuses a stranger’s', () => {
    const card = templates.find((t) => t.id === 'tpl-chat-en')!;
    const now = new Date('2026-03-09T10:00:00.000Z');
    const session = newCalibrationSession(
      {
        id: 'cal-names',
        team: 'team-a',
        title: 'March',
        startedBy: 'lead@arvio.test',
        facilitator: 'lead@arvio.test',
        card,
        tickets: [{ helpdesk: 'zendesk', ticketId: '102', url: '', subject: '', channel: 'chat' }],
        participants: [pseudonymAddress(1), 'b@arvio.test'],
        deadline: now,
        hideAgent: true,
        namesShown: false,
        revealMode: 'facilitator-reveals',
      },
      now,
    );
    const alignments = [{ participant: pseudonymAddress(1), alignment: 0.5, rated: 1 }, { participant: 'b@arvio.test', alignment: 1, rated: 1 }];
    expect(calibrationSessionSchema.safeParse({ ...session, alignments }).success).toBe(true);
    const stranger = calibrationSessionSchema.safeParse({ ...session, alignments: [{ participant: 'c@arvio.test', alignment: 1, rated: 1 }] });
    expect(stranger.error?.issues[0]?.path).toEqual(['alignments', 0, 'participant']);
  });
});

describe('who runs the agreeing, as the server decides it', () => {
  it('a document of no team, or a roster without per-team roles: the account role decides', () => {
    expect(leadsTeam({ role: 'lead', teams: [{ id: 'team-a', role: 'reviewer' }] }, null)).toBe(true);
    expect(leadsTeam({ role: 'lead', teams: [{ id: 'team-a', role: 'reviewer' }] }, 'team-a')).toBe(false);
    expect(leadsTeam({ role: 'reviewer', teams: [{ id: 'team-a', role: 'lead' }] }, 'team-a')).toBe(true);
  });

  const me = { email: 'Lead@Arvio.test', name: 'Lead' };
  it('a lead of one team is a reviewer in another: they lead only the team they lead', () => {
    const viewer = calibrationViewer({ me: { ...me, role: 'lead' }, teams: [{ id: 'team-a', role: 'lead' }, { id: 'team-b', role: 'reviewer' }] });
    expect(viewer.me).toBe('lead@arvio.test');
    expect(viewer.leads('team-a')).toBe(true);
    expect(viewer.leads('team-b')).toBe(false);
    expect(viewer.leads('team-c')).toBe(false);
  });

  it('an admin leads every team; a reviewer none; without a roster nobody', () => {
    expect(calibrationViewer({ me: { ...me, role: 'admin' }, teams: [] }).leads('any')).toBe(true);
    expect(calibrationViewer({ me: { ...me, role: 'reviewer' }, teams: [{ id: 'team-a', role: 'reviewer' }] }).leads('team-a')).toBe(false);
    expect(calibrationViewer(null).leads('team-a')).toBe(false);
  });

  it('an older server that sends no teams: the account role decides', () => {
    expect(calibrationViewer({ me: { ...me, role: 'lead' } }).leads('team-b')).toBe(true);
    expect(calibrationViewer({ me: { ...me, role: 'reviewer' } }).leads('team-b')).toBe(false);
  });

  it('so a lead elsewhere does not get the facilitator’s part of a session they only take part in', () => {
    const viewer = calibrationViewer({ me: { ...me, role: 'lead' }, teams: [{ id: 'team-a', role: 'lead' }, { id: 'team-b', role: 'reviewer' }] });
    const session = { facilitator: 'other@arvio.test' } as Parameters<typeof facilitates>[0];
    expect(facilitates(session, viewer.me, viewer.leads('team-b'))).toBe(false);
    expect(facilitates(session, viewer.me, viewer.leads('team-a'))).toBe(true);
  });
});
