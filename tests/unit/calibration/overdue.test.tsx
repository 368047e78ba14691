// An open session past its deadline says so: in the pure rule, and on the ticket's banner a participant sees.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { isOverdue } from '@/lib/calibration';
import { CalibrationBanner } from '@/entrypoints/sidebar/calibration/CalibrationPanel';
import { calibrationSession } from '../../../server/tests/helpers/docs';

afterEach(cleanup);

const NOW = new Date('2026-03-10T12:00:00.000Z');
const LEAD = 'lead@arvio.test';

describe('an overdue calibration session', () => {
  it('is an open session past its deadline; a revealed or cancelled one, or one still in time, is not', () => {
    const due = calibrationSession('cal-1', LEAD, 'team-a', { deadline: '2026-03-09T16:00:00.000Z' });
    expect(isOverdue(due, NOW)).toBe(true);
    expect(isOverdue({ ...due, deadline: '2026-03-11T16:00:00.000Z' }, NOW)).toBe(false);
    expect(isOverdue({ ...due, status: 'revealed' }, NOW)).toBe(false);
    expect(isOverdue({ ...due, status: 'cancelled' }, NOW)).toBe(false);
  });

  it('says so on the ticket’s banner, in words and by its look', () => {
    const past = calibrationSession('cal-1', LEAD, 'team-a', { deadline: '2026-03-09T16:00:00.000Z' });
    render(
      <I18nProvider fixed="en">
        <CalibrationBanner session={past} onOpen={() => undefined} />
      </I18nProvider>,
    );
    const banner = screen.getByRole('status');
    expect(banner.textContent).toMatch(/^Calibration overdue: this ticket waited for your blind scoring by .+ \(Billing chats, March\)\./);
    expect(banner.classList.contains('overdue')).toBe(true);
    cleanup();

    render(
      <I18nProvider fixed="en">
        <CalibrationBanner session={{ ...past, deadline: new Date(Date.now() + 86_400_000).toISOString() }} onOpen={() => undefined} />
      </I18nProvider>,
    );
    expect(screen.getByRole('status').textContent).toMatch(/^Calibration: this ticket waits for your blind scoring \(Billing chats, March, deadline .+\)\./);
    expect(screen.getByRole('status').classList.contains('overdue')).toBe(false);
  });
});
