// The lead's form editor: a choice question's options can be removed as well as added, down to the two a
// choice keeps; the draft saves itself as the lead edits, and whatever is still waiting is saved when the
// editor is left (Close, another view, the tab closing); a save that fails says so, and nothing is lost quietly.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { ensureBuiltInForms, getForm, listForms, newCoachingForm, saveForm } from '@/lib/coaching';
import { BACKEND_KEY, db } from '@/lib/db';
import { teamEditId } from '@/lib/model';
import { docHash, ROSTER_KEY } from '@/lib/sync';
import { FormsView } from '@/entrypoints/coaching/FormsView';
import { freshDb } from '../db/fresh';
import { withFullDisk, type DiskControl } from '../db/full-disk';
import { eventually, pauseNeverEnds } from '../components/autosave-timers';

let disk: DiskControl;

beforeEach(async () => {
  const database = freshDb('forms-view');
  disk = withFullDisk(database);
  await ensureBuiltInForms();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** The list, then the editor of the built-in English form: its version 2, a draft not saved yet. */
async function editCoachingTalk(): Promise<void> {
  render(
    <I18nProvider fixed="en">
      <FormsView />
    </I18nProvider>,
  );
  fireEvent.click(await screen.findByRole('button', { name: 'Edit Coaching talk' }));
  await screen.findByRole('heading', { name: 'Coaching talk, version 2' });
}

const rename = (name: string) => fireEvent.input(screen.getByRole('textbox', { name: 'Name' }), { target: { value: name } });
const draft = () => getForm('tpl-coaching-en', 2);

/** The profile connected to a backend as a lead of `teams` (id and name). */
async function leadOf(...teams: Array<[id: string, name: string]>): Promise<void> {
  const backend = { url: 'https://arvio.example.com', token: 'arv_test' };
  const me = { email: 'lead@example.com', name: 'Lead', role: 'lead' as const, teams: teams.map(([, name]) => name) };
  await db().settings.put({ key: BACKEND_KEY, value: backend });
  await db().settings.put({
    key: ROSTER_KEY,
    value: { url: backend.url, tokenHash: docHash(backend.token), fetchedAt: 0, me, members: [me], teams: teams.map(([id, name]) => ({ id, name, role: 'lead' })) },
  });
}

describe('a team’s own form', () => {
  it('a lead of several teams chooses the team a new form is published into', async () => {
    await leadOf(['team-fi', 'Support FI'], ['team-se', 'Support SE']);
    render(
      <I18nProvider fixed="en">
        <FormsView />
      </I18nProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'New form' }));
    rename('Sales talk');
    const team = (await screen.findByRole('combobox', { name: 'Team' })) as HTMLSelectElement;
    expect([...team.options].map((o) => o.textContent)).toEqual(['Support FI', 'Support SE']);
    fireEvent.change(team, { target: { value: 'team-se' } });
    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Published as version 1.'));
    const forms = await listForms();
    expect(forms.find((f) => f.name === 'Sales talk')).toMatchObject({ status: 'published', team: 'team-se' });
  });

  it('Publish on a new form’s row opens the editor, where its team is chosen', async () => {
    await leadOf(['team-fi', 'Support FI'], ['team-se', 'Support SE']);
    await saveForm({ ...newCoachingForm('cf-new', 'en', new Date('2026-03-01T10:00:00Z')), name: 'Sales talk' });
    render(
      <I18nProvider fixed="en">
        <FormsView />
      </I18nProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Publish Sales talk' }));
    await screen.findByRole('combobox', { name: 'Team' });
    expect((await getForm('cf-new', 1))?.status).toBe('draft');
  });

  it('a lead connected to a team edits the built-in form as the team’s own series, which stands in the built-in’s row', async () => {
    await leadOf(['team-s', 'Support']);
    await editCoachingTalk();
    rename('Monthly talk');
    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Published as version 2.'));
    expect(await getForm(teamEditId('tpl-coaching-en', 'team-s'), 2)).toMatchObject({ name: 'Monthly talk', status: 'published', team: 'team-s', templateId: 'tpl-coaching-en' });
    expect(await draft()).toBeUndefined();
    // One row: the team's form, not the built-in beside it.
    await screen.findByRole('button', { name: 'Edit Monthly talk' });
    expect(screen.queryByRole('button', { name: 'Edit Coaching talk' })).toBeNull();
  });
});

describe('a lead of several teams and the built-in form', () => {
  it('edits it for either team, each edit that team’s own and named by it; the built-in offers the team without one', async () => {
    await leadOf(['team-fi', 'Support FI'], ['team-se', 'Support SE']);
    render(
      <I18nProvider fixed="en">
        <FormsView />
      </I18nProvider>,
    );
    await screen.findByRole('button', { name: 'Edit for Support FI: Coaching talk' });
    expect(screen.queryByRole('button', { name: 'Edit Coaching talk' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Edit for Support SE: Coaching talk' }));
    await screen.findByRole('heading', { name: 'Coaching talk, version 2' });
    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Published as version 2.'));
    expect(await getForm(teamEditId('tpl-coaching-en', 'team-se'), 2)).toMatchObject({ status: 'published', team: 'team-se', templateId: 'tpl-coaching-en' });

    // The Swedish team's edit has its row, named by its team; the built-in's row starts only the Finnish team's.
    expect(screen.getByRole('button', { name: 'Edit Coaching talk (Support SE)' })).toBeTruthy();
    expect(screen.getByRole('row', { name: /Coaching talk Team: Support SE/ })).toBeTruthy();
    expect(screen.queryAllByRole('button', { name: /^Edit for .*: Coaching talk$/ }).map((b) => b.getAttribute('aria-label'))).toEqual(['Edit for Support FI: Coaching talk']);
  });
});

describe('what a lead may change', () => {
  it('the organisation’s forms and another team’s are shown, not offered to edit or archive, and say whose they are', async () => {
    await leadOf(['team-fi', 'Support FI']);
    const published = (id: string, name: string, team: string | null) => ({ ...newCoachingForm(id, 'en', new Date('2026-03-01T10:00:00Z')), name, team, status: 'published' as const });
    await saveForm(published('cf-org', 'Company talk', null));
    await saveForm(published('cf-se', 'Swedish talk', 'team-se'));
    await saveForm(published('cf-fi', 'Finnish talk', 'team-fi'));
    const { container } = render(
      <I18nProvider fixed="en">
        <FormsView />
      </I18nProvider>,
    );
    await screen.findByRole('button', { name: 'Edit Finnish talk' });
    expect(screen.getByRole('button', { name: 'Archive Finnish talk' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Edit Coaching talk' })).toBeTruthy();
    for (const name of ['Company talk', 'Swedish talk']) {
      expect(screen.queryByRole('button', { name: `Edit ${name}` })).toBeNull();
      expect(screen.queryByRole('button', { name: `Archive ${name}` })).toBeNull();
    }
    expect(container.querySelector('tr[data-form="cf-org"]')?.textContent).toContain('The organisation’s: an admin publishes its versions.');
    expect(container.querySelector('tr[data-form="cf-se"]')?.textContent).toContain('Another team’s: its leads publish its versions.');
    // A draft made from the organisation's form before: still the organisation's, not offered to publish.
    await saveForm({ ...published('cf-org', 'Company talk', null), version: 2, status: 'draft' });
    await waitFor(() => expect(container.querySelector('tr[data-form="cf-org"] td.num')?.textContent).toBe('2'));
    expect(screen.queryByRole('button', { name: 'Publish Company talk' })).toBeNull();
    expect(container.querySelector('tr[data-form="cf-org"]')?.textContent).toContain('The organisation’s');
  });
});

describe('the coaching form editor', () => {
  it('removes a choice’s option, keeps two at the least, and saves the draft without it', async () => {
    await editCoachingTalk();
    // "The workload feels": question 2 of section 4, three options.
    const remove = (k: number) => screen.queryByRole('button', { name: `Remove option ${k} of question 4.2` });
    expect(remove(3)).not.toBeNull();
    fireEvent.click(remove(1)!);
    expect(screen.getByRole('textbox', { name: 'Option 1 of question 4.2' })).toHaveProperty('value', 'About right');
    expect(remove(1)).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Option 3 of question 4.2' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(async () => {
      const workload = (await draft())?.sections.flatMap((s) => s.fields).find((f) => f.id === 'workload');
      expect(workload?.kind === 'choice' && workload.options.map((o) => o.id)).toEqual(['right', 'heavy']);
    });
  });

  it('saves the draft by itself after a pause in typing, and says so', async () => {
    await editCoachingTalk();
    expect(await draft()).toBeUndefined();
    rename('Monthly talk');
    await waitFor(async () => expect((await draft())?.name).toBe('Monthly talk'));
    expect((await draft())?.status).toBe('draft');
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Draft saved /));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('saves the edit still waiting when another view unmounts the editor at once', async () => {
    await editCoachingTalk();
    pauseNeverEnds();
    fireEvent.input(screen.getByRole('textbox', { name: 'Title of section 1' }), { target: { value: 'Since last time' } });
    // Away before the autosave's pause is over.
    cleanup();
    await eventually(async () => expect((await draft())?.sections[0]?.title).toBe('Since last time'));
  });

  it('saves the edit still waiting when the lead goes back to the list at once', async () => {
    await editCoachingTalk();
    pauseNeverEnds();
    rename('Monthly talk');
    fireEvent.click(screen.getByRole('button', { name: 'Back to the list' }));
    await eventually(async () => expect((await draft())?.name).toBe('Monthly talk'));
    const row = await screen.findByRole('row', { name: /Monthly talk/ });
    expect(row.textContent).toContain('Draft');
    // The keyboard starts again at the list.
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Coaching forms' }));
  });

  it('saves the edit still waiting when the tab is closed', async () => {
    await editCoachingTalk();
    pauseNeverEnds();
    rename('Monthly talk');
    window.dispatchEvent(new Event('pagehide'));
    await eventually(async () => expect((await draft())?.name).toBe('Monthly talk'));
  });

  it('says when a save fails, keeps the edit, and saves it once it can', async () => {
    await editCoachingTalk();
    disk.fill();
    rename('Monthly talk');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(`The coaching form “Monthly talk” was not saved: the browser's storage for Arvio is full. Everything saved before is still there. Free up disk space on this computer, then try again.`);
    expect(screen.getByRole('status').textContent).toBe('');

    // Leaving now would lose the edit: the lead is asked, and keeps editing by default.
    fireEvent.click(screen.getByRole('button', { name: 'Back to the list' }));
    const keep = await screen.findByRole('button', { name: 'Keep editing' });
    expect(screen.getByRole('group', { name: 'Your latest changes are not saved. Go back to the list without them?' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(keep));
    fireEvent.click(keep);
    expect(screen.getByRole('heading', { name: 'Monthly talk, version 2' })).toBeTruthy();

    disk.free();
    fireEvent.click(screen.getByRole('button', { name: 'Back to the list' }));
    await screen.findByRole('row', { name: /Monthly talk/ });
    expect((await draft())?.name).toBe('Monthly talk');
  });

  it('names what to fix before a draft can be saved, and clears it once fixed', async () => {
    await editCoachingTalk();
    const label = screen.getByRole('textbox', { name: 'Question 4.2' });
    fireEvent.input(label, { target: { value: '' } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The coaching form “Coaching talk” was not saved: Question 4.2 needs fixing first. This cannot be empty.');
    expect(label.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(label.getAttribute('aria-describedby')!)?.textContent).toBe('This cannot be empty.');
    expect(await draft()).toBeUndefined();

    fireEvent.input(label, { target: { value: 'Workload' } });
    expect(label.getAttribute('aria-invalid')).toBe('false');
    expect(screen.queryByRole('alert')).toBeNull();
    await waitFor(async () => expect((await draft())?.sections[3]?.fields[1]?.label).toBe('Workload'));
  });

  it('asks before leaving a draft that cannot be saved, and leaves it on request', async () => {
    await editCoachingTalk();
    rename('');
    fireEvent.click(screen.getByRole('button', { name: 'Back to the list' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Discard the changes and go back' }));
    await screen.findByRole('row', { name: /Coaching talk/ });
    expect(await draft()).toBeUndefined();
  });

  it('publishes only when asked, with the edits made, and says so on the list', async () => {
    await editCoachingTalk();
    rename('Monthly talk');
    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Published as version 2.'));
    expect(await draft()).toMatchObject({ name: 'Monthly talk', status: 'published' });
  });
});
