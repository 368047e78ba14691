// Starting a calibration session: the participants offered are the chosen team's reviewers and leads, and
// choosing another team drops the ones it does not have (the server would refuse them in the session).
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { StartSessionForm } from '@/components/calibration/StartSessionForm';
import type { Roster } from '@/lib/sync/roster';
import { templates } from '@/lib/scorecards/templates';

afterEach(cleanup);

const roster: Roster = {
  me: { email: 'lead@arvio.test', name: 'Leena', role: 'lead', teams: ['Support FI', 'Sales'] },
  members: [
    { email: 'lead@arvio.test', name: 'Leena', role: 'lead', teams: ['Support FI', 'Sales'] },
    { email: 'aino@arvio.test', name: 'Aino', role: 'reviewer', teams: ['Support FI'] },
    { email: 'ville@arvio.test', name: 'Ville', role: 'reviewer', teams: ['Sales'] },
    { email: 'mikko@arvio.test', name: 'Mikko', role: 'agent', teams: ['Support FI'] },
  ],
  teams: [
    { id: 't-fi', name: 'Support FI', role: 'lead' },
    { id: 't-sales', name: 'Sales', role: 'lead' },
  ],
};

const offered = (): string[] =>
  [...document.querySelectorAll<HTMLInputElement>('fieldset input[type="checkbox"]')].map((box) => box.closest('label')!.textContent!.trim());

describe('starting a calibration session', () => {
  it('offers the chosen team’s reviewers and leads, and drops a chosen participant the next team lacks', () => {
    render(
      <I18nProvider fixed="en">
        <StartSessionForm roster={roster} settings={[]} cards={templates} tickets={null} onStart={async () => undefined} />
      </I18nProvider>,
    );
    expect(offered()).toEqual(['Leena (lead@arvio.test)', 'Aino (aino@arvio.test)']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Aino (aino@arvio.test)' }));
    fireEvent.change(screen.getByLabelText('Team'), { target: { value: 't-sales' } });
    expect(offered()).toEqual(['Leena (lead@arvio.test)', 'Ville (ville@arvio.test)']);
    fireEvent.change(screen.getByLabelText('Team'), { target: { value: 't-fi' } });
    expect((screen.getByRole('checkbox', { name: 'Aino (aino@arvio.test)' }) as HTMLInputElement).checked).toBe(false);
  });
});
