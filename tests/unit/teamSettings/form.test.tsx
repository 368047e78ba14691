// The administration page's form of a team's settings edits the dispute window and the calibration
// starters; what it does not edit — the agents' coaching rhythms, set from the coaching plan — it keeps.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { TeamSettingsForm } from '@/entrypoints/admin/TeamSettingsForm';
import { withRhythm, type TeamSettings } from '@/lib/teamSettings';

const LEAD = { id: 'leena@example.com', name: 'Leena' };

afterEach(cleanup);

describe('the team settings form', () => {
  it('saves a new window and keeps the coaching rhythms as stored', async () => {
    const stored = withRhythm(undefined, 't-fi', 'mikko@example.com', 14, { id: 'tiina@example.com', name: 'Tiina' }, new Date('2026-11-01T08:00:00.000Z'));
    const onSave = vi.fn((settings: TeamSettings) => Promise.resolve(settings));
    render(
      <I18nProvider fixed="en">
        <TeamSettingsForm team={{ id: 't-fi', name: 'FI', members: [] }} stored={stored} me={LEAD} onSave={onSave} />
      </I18nProvider>,
    );
    fireEvent.input(screen.getByLabelText('Days an agent has to dispute a review'), { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the settings of FI' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0]).toMatchObject({ disputeWindowDays: 7, coachingRhythms: [{ agent: 'mikko@example.com', days: 14 }], updatedBy: LEAD });
  });
});
