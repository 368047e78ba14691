// The scorecard editor as a lead uses it: frozen versions, field errors in words, keyboard reordering, drafts saved
// as the lead edits and never lost on leaving, all-or-nothing import.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { ComponentChildren } from 'preact';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { ArvioDb, BACKEND_KEY, db, ensureBuiltInScorecards, getScorecard, listScorecards, saveScorecard, useDatabase } from '@/lib/db';
import { docHash, ROSTER_KEY } from '@/lib/sync';
import { exportScorecards, parseScorecardsImport } from '@/lib/export/scorecards';
import type { ImportError } from '@/lib/export';
import { translator } from '@/lib/i18n';
import { teamEditId, type Language, type Scorecard } from '@/lib/model/scorecard';
import { blankCriterion, blankScorecard, newDraftFrom } from '@/lib/scorecards';
import { templates } from '@/lib/scorecards/templates';
import { rescale } from '@/entrypoints/options/scorecards/CriterionEditor';
import { exportFileName, importErrorText } from '@/entrypoints/options/scorecards/ImportExport';
import { ScorecardEditor } from '@/entrypoints/options/scorecards/ScorecardEditor';
import { ScorecardsSection } from '@/entrypoints/options/scorecards/ScorecardsSection';
import { parsePrintParams } from '@/entrypoints/print/main';
import { eventually, pauseNeverEnds } from '../components/autosave-timers';

let dbCount = 0;
beforeEach(() => {
  dbCount += 1;
  useDatabase(new ArvioDb(`options-scorecards-${dbCount}`, { indexedDB: new IDBFactory(), IDBKeyRange }));
});
afterEach(() => cleanup());

const emailEn = templates.find((t) => t.id === 'tpl-email-en')!;

function inLanguage(ui: ComponentChildren, lang: Language = 'en') {
  return render(<I18nProvider fixed={lang}>{ui}</I18nProvider>);
}

/** Why parseScorecardsImport refuses `text`. */
function refusal(text: string): ImportError {
  const parsed = parseScorecardsImport(text);
  if (parsed.ok) throw new Error('the file was accepted');
  return parsed.error;
}

function fileInput(): HTMLInputElement {
  return screen.getByLabelText('Import scorecards from a JSON file') as HTMLInputElement;
}

function chooseFile(input: HTMLInputElement, text: string): void {
  const file = new File([text], 'cards.json', { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('scale changes', () => {
  it('keep the texts already written and swap only default labels', () => {
    const c = blankCriterion('g1', 'c1', 'en');
    c.levels[0]!.target = 'Nothing right';
    c.levels[3]!.label = 'Model answer';
    c.levels[3]!.target = 'Everything right';
    const three = rescale(c, 'three', 'en');
    expect(three.levels).toEqual([
      { value: 0, label: 'Not met', target: 'Nothing right' },
      { value: 1, label: 'Partly', target: '' },
      { value: 2, label: 'On target', target: '' },
    ]);
    const five = rescale(c, 'five', 'en');
    expect(five.levels.map((l) => l.label)).toEqual(['Poor', 'Weak', 'Fair', 'Model answer', 'Excellent']);
    expect(five.levels[3]!.target).toBe('Everything right');
  });
});

describe('the scorecard editor', () => {
  it('editing a published card says it stays frozen and saves the changes as version 2', async () => {
    await ensureBuiltInScorecards();
    const draft = newDraftFrom(emailEn, new Date(), null);
    inLanguage(<ScorecardEditor initial={draft} frozenFrom={1} stored={false} onDone={() => {}} onPreview={() => {}} />);

    expect(screen.getByRole('note').textContent).toContain('Version 1 is published and stays frozen');
    fireEvent.input(screen.getAllByLabelText('Title')[0]!, { target: { value: 'Greeting and thanks' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    await screen.findByText('Draft saved as version 2.');
    expect((await getScorecard('tpl-email-en', 2))?.criteria[0]?.title).toBe('Greeting and thanks');
    expect((await getScorecard('tpl-email-en', 2))?.status).toBe('draft');
    expect(await getScorecard('tpl-email-en', 1)).toEqual(emailEn);
  });

  it('shows why a field is wrong next to it, and saves nothing', async () => {
    const card = blankScorecard('new-card', 'en', new Date());
    inLanguage(<ScorecardEditor initial={card} frozenFrom={null} stored={false} onDone={() => {}} onPreview={() => {}} />);

    const name = screen.getByLabelText('Name') as HTMLInputElement;
    fireEvent.input(name, { target: { value: '' } });
    fireEvent.input(screen.getByLabelText('Label of point 1'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    expect(name.getAttribute('aria-invalid')).toBe('true');
    const describedBy = name.getAttribute('aria-describedby')!;
    expect(document.getElementById(describedBy)?.textContent).toBe('This cannot be empty.');
    const label = screen.getByLabelText('Label of point 1');
    expect(document.getElementById(label.getAttribute('aria-describedby')!)?.textContent).toBe('This cannot be empty.');
    expect(screen.getByRole('alert').textContent).toContain('2 fields need fixing');
    expect(await getScorecard('new-card', 1)).toBeUndefined();

    // Fixing the field clears its error at once.
    fireEvent.input(name, { target: { value: 'Billing' } });
    expect(name.getAttribute('aria-invalid')).toBe('false');
  });

  it('moves the focused criterion with Alt+ArrowUp and keeps focus on it', async () => {
    const card: Scorecard = {
      ...blankScorecard('k', 'en', new Date()),
      criteria: [
        { ...blankCriterion('g1', 'a', 'en'), title: 'First' },
        { ...blankCriterion('g1', 'b', 'en'), title: 'Second' },
      ],
    };
    inLanguage(<ScorecardEditor initial={card} frozenFrom={null} stored={false} onDone={() => {}} onPreview={() => {}} />);

    const second = screen.getByRole('article', { name: 'Criterion 2 of 2: Second' });
    second.focus();
    fireEvent.keyDown(second, { key: 'ArrowUp', altKey: true });

    const moved = await screen.findByRole('article', { name: 'Criterion 1 of 2: Second' });
    await waitFor(() => expect(document.activeElement).toBe(moved));
    const titles = screen.getAllByLabelText('Title').map((i) => (i as HTMLInputElement).value);
    expect(titles).toEqual(['Second', 'First']);

    // And with the buttons: moving down again.
    fireEvent.click(screen.getByRole('button', { name: 'Move Second down' }));
    await screen.findByRole('article', { name: 'Criterion 2 of 2: Second' });
  });
});

describe('a lead’s edits to a scorecard draft are never lost', () => {
  afterEach(() => vi.useRealTimers());

  /** The editor of the built-in e-mail card, whose version 1 is published: its version 2, a draft not saved yet. */
  async function editEmailCard(): Promise<void> {
    await ensureBuiltInScorecards();
    inLanguage(<ScorecardEditor initial={newDraftFrom(emailEn, new Date(), null)} frozenFrom={1} stored={false} onDone={() => {}} onPreview={() => {}} />);
    expect(await getScorecard('tpl-email-en', 2)).toBeUndefined();
  }
  const retitle = (title: string) => fireEvent.input(screen.getAllByLabelText('Title')[0]!, { target: { value: title } });
  const draft = () => getScorecard('tpl-email-en', 2);

  it('saves the draft by itself after a pause in typing, as the next version, and says so', async () => {
    await editEmailCard();
    retitle('Greeting and thanks');
    await waitFor(async () => expect((await draft())?.criteria[0]?.title).toBe('Greeting and thanks'));
    expect((await draft())?.status).toBe('draft');
    await screen.findByText('Draft saved as version 2.');
    expect(await getScorecard('tpl-email-en', 1)).toEqual(emailEn);
  });

  it('saves the edit still waiting when the tab is closed', async () => {
    await editEmailCard();
    pauseNeverEnds();
    retitle('Greeting and thanks');
    window.dispatchEvent(new Event('pagehide'));
    await eventually(async () => expect((await draft())?.criteria[0]?.title).toBe('Greeting and thanks'));
  });

  it('saves the edit still waiting when the lead goes back to the list at once', async () => {
    await ensureBuiltInScorecards();
    const { container } = inLanguage(<ScorecardsSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Written message (e-mail)' }));
    await screen.findByRole('note');
    pauseNeverEnds();
    retitle('Greeting and thanks');
    fireEvent.click(screen.getByRole('button', { name: 'Back to list' }));
    await eventually(async () => expect((await draft())?.criteria[0]?.title).toBe('Greeting and thanks'));
    await eventually(() => expect(container.querySelector('tr[data-card-id="tpl-email-en"]')?.textContent).toContain('v1 stays published'));
  });

  it('asks before leaving a draft that cannot be saved yet; keeps it on request, and leaves without it only when told', async () => {
    await ensureBuiltInScorecards();
    inLanguage(<ScorecardsSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Written message (e-mail)' }));
    const name = (await screen.findByLabelText('Name')) as HTMLInputElement;
    fireEvent.input(name, { target: { value: 'Written message' } });
    await waitFor(async () => expect((await draft())?.name).toBe('Written message'));

    // A name left empty cannot be saved: leaving asks, and keeps editing by default.
    fireEvent.input(name, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Back to list' }));
    const keep = await screen.findByRole('button', { name: 'Keep editing' });
    const question = { name: 'Your latest changes are not saved. Go back to the list without them?' };
    expect(screen.getByRole('group', question)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(keep));
    expect(name.getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(keep);
    expect(screen.queryByRole('group', question)).toBeNull();
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('');
    expect((await draft())?.name).toBe('Written message');

    // The browser asks too before a closed tab takes it.
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Back to list' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Discard the changes and go back' }));
    await screen.findByText('Unsaved changes were discarded.');
    expect((await draft())?.name).toBe('Written message');
  });

  it('lets a closed tab go without asking when the draft can be saved', async () => {
    await editEmailCard();
    retitle('Greeting and thanks');
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(false);
    await waitFor(async () => expect((await draft())?.criteria[0]?.title).toBe('Greeting and thanks'));
  });
});

/** The profile connected to a backend as `role` in each of `teams` (id → role). */
async function connectedAs(role: 'lead' | 'reviewer' | 'agent', teams: Record<string, 'lead' | 'reviewer' | 'agent'>): Promise<void> {
  const backend = { url: 'https://arvio.example.com', token: 'arv_test' };
  const names = { 'team-fi': 'Support FI', 'team-se': 'Support SE' } as Record<string, string>;
  const me = { email: 'me@example.com', name: 'Me', role, teams: Object.keys(teams).map((id) => names[id]!) };
  const rows = Object.entries(teams).map(([id, teamRole]) => ({ id, name: names[id]!, role: teamRole }));
  await db().settings.put({ key: BACKEND_KEY, value: backend });
  await db().settings.put({ key: ROSTER_KEY, value: { url: backend.url, tokenHash: docHash(backend.token), fetchedAt: 0, me, members: [me], teams: rows } });
}

describe('a lead of several teams', () => {
  /** The profile connected to a backend as a lead of two teams. */
  const leadOfTwoTeams = () => connectedAs('lead', { 'team-fi': 'lead', 'team-se': 'lead' });

  it('chooses the team a new card is published into; a later version keeps its series’ team', async () => {
    await leadOfTwoTeams();
    const card = { ...blankScorecard('card-new', 'en', new Date('2026-03-01T10:00:00Z')), name: 'Returns' };
    const { unmount } = inLanguage(<ScorecardEditor initial={card} frozenFrom={null} stored={false} onDone={() => {}} onPreview={() => {}} />);
    const team = (await screen.findByRole('combobox', { name: 'Team' })) as HTMLSelectElement;
    expect([...team.options].map((o) => o.textContent)).toEqual(['Support FI', 'Support SE']);
    expect(team.value).toBe('team-fi');
    fireEvent.change(team, { target: { value: 'team-se' } });
    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    await waitFor(async () => expect(await getScorecard('card-new', 1)).toMatchObject({ status: 'published', team: 'team-se' }));
    unmount();

    const v1 = (await getScorecard('card-new', 1))!;
    inLanguage(<ScorecardEditor initial={newDraftFrom(v1, new Date(), 'team-fi')} frozenFrom={1} stored={false} onDone={() => {}} onPreview={() => {}} />);
    await screen.findByRole('button', { name: 'Publish' });
    expect(screen.queryByRole('combobox', { name: 'Team' })).toBeNull();
  });

  it('edits a built-in for either team: each edit is that team’s own, named in its row, and the built-in offers the team without one', async () => {
    await leadOfTwoTeams();
    await ensureBuiltInScorecards();
    const { container } = inLanguage(<ScorecardsSection />);
    // Neither team has its own edit yet: the built-in's row starts either.
    await screen.findByRole('button', { name: 'Edit for Support FI: Written message (e-mail)' });
    expect(screen.queryByRole('button', { name: 'Edit Written message (e-mail)' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Edit for Support SE: Written message (e-mail)' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Publish' }));
    const seEdit = teamEditId(emailEn.id, 'team-se');
    await waitFor(async () => expect(await getScorecard(seEdit, 2)).toMatchObject({ status: 'published', team: 'team-se', templateId: emailEn.id }));

    // Back in the list: the Swedish team's edit has its own row, named by its team; the built-in's row
    // now starts only the Finnish team's.
    await waitFor(() => expect(container.querySelector(`tr[data-card-id="${seEdit}"]`)?.textContent).toContain('Team: Support SE'));
    // Its controls say whose edit they act on: the other team's will share the built-in's name.
    expect(screen.getByRole('button', { name: 'Edit Written message (e-mail) (Support SE)' })).toBeTruthy();
    const editsOfEmail = () => screen.queryAllByRole('button', { name: /^Edit for .*: Written message \(e-mail\)$/ }).map((b) => b.getAttribute('aria-label'));
    expect(editsOfEmail()).toEqual(['Edit for Support FI: Written message (e-mail)']);
    fireEvent.click(screen.getByRole('button', { name: 'Edit for Support FI: Written message (e-mail)' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Publish' }));
    await waitFor(async () => expect(await getScorecard(teamEditId(emailEn.id, 'team-fi'), 2)).toMatchObject({ status: 'published', team: 'team-fi' }));
    // Both teams have theirs: the built-in is no row of its own any more.
    await waitFor(() => expect(container.querySelector(`tr[data-card-id="${emailEn.id}"]`)).toBeNull());
    expect(editsOfEmail()).toEqual([]);
  });

  it('in Finnish too', async () => {
    await leadOfTwoTeams();
    await ensureBuiltInScorecards();
    inLanguage(<ScorecardsSection />, 'fi');
    const fi = templates.find((t) => t.id === 'tpl-email-fi')!;
    expect((await screen.findByRole('button', { name: `Muokkaa tiimille Support SE: ${fi.name}` })).textContent).toBe('Muokkaa tiimille Support SE');
  });

  it('Publish on a new card’s row opens the editor, where its team is chosen', async () => {
    await leadOfTwoTeams();
    await saveScorecard({ ...blankScorecard('card-new', 'en', new Date('2026-03-01T10:00:00Z')), name: 'Returns' });
    inLanguage(<ScorecardsSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Publish Returns' }));
    await screen.findByRole('combobox', { name: 'Team' });
    expect((await getScorecard('card-new', 1))?.status).toBe('draft');
  });
});

describe('what the list offers follows the role on the team backend', () => {
  const teamCard = (id: string, team: string | null): Scorecard => ({ ...emailEn, id, templateId: null, team, name: `Card ${id}`, status: 'published' });

  it('a reviewer previews, prints and exports the team’s cards, and is told its leads keep them; nothing they would be refused is offered', async () => {
    await ensureBuiltInScorecards();
    await saveScorecard(teamCard('fi-card', 'team-fi'));
    await connectedAs('reviewer', { 'team-fi': 'reviewer' });
    inLanguage(<ScorecardsSection />);
    await screen.findByRole('button', { name: 'Preview Card fi-card' });
    await screen.findByText(/kept by your team’s leads/);
    for (const name of [/^Edit /, /^Archive /, /^Duplicate /, /^Publish /]) expect(screen.queryAllByRole('button', { name })).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'New scorecard' })).toBeNull();
    expect(screen.queryByLabelText('Import scorecards from a JSON file')).toBeNull();
    expect(screen.getByRole('button', { name: 'Export all' })).toBeTruthy();
  });

  it('a lead changes their team’s cards and the built-ins; the organisation’s and another team’s they copy', async () => {
    await ensureBuiltInScorecards();
    await saveScorecard(teamCard('fi-card', 'team-fi'));
    await saveScorecard(teamCard('se-card', 'team-se'));
    await saveScorecard(teamCard('org-card', null));
    await connectedAs('lead', { 'team-fi': 'lead', 'team-se': 'reviewer' });
    const { container } = inLanguage(<ScorecardsSection />);
    await screen.findByRole('button', { name: 'Edit Card fi-card' });
    expect(screen.getByRole('button', { name: 'Archive Card fi-card' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Edit Written message (e-mail)' })).toBeTruthy();
    for (const id of ['se-card', 'org-card']) {
      expect(screen.queryByRole('button', { name: `Edit Card ${id}` })).toBeNull();
      expect(screen.queryByRole('button', { name: `Archive Card ${id}` })).toBeNull();
      expect(screen.getByRole('button', { name: `Duplicate Card ${id}` })).toBeTruthy();
    }
    expect(container.querySelector('tr[data-card-id="org-card"]')?.textContent).toContain('The organisation’s: an admin publishes its versions.');
    expect(container.querySelector('tr[data-card-id="se-card"]')?.textContent).toContain('Another team’s: its leads publish its versions.');
    expect(screen.getByRole('button', { name: 'New scorecard' })).toBeTruthy();

    // A draft made from the organisation's card before: still the organisation's, not offered to publish.
    cleanup();
    await saveScorecard({ ...teamCard('org-card', null), version: 2, status: 'draft' });
    inLanguage(<ScorecardsSection />);
    await screen.findByRole('button', { name: 'Edit Card fi-card' });
    expect(screen.queryByRole('button', { name: 'Publish Card org-card' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Discard the draft version of Card org-card' })).toBeTruthy();
  });

  it('without a team backend, and for an admin, everything is offered', async () => {
    await saveScorecard(teamCard('org-card', null));
    const { unmount } = inLanguage(<ScorecardsSection />);
    await screen.findByRole('button', { name: 'Edit Card org-card' });
    unmount();
    await connectedAs('lead', {});
    const roster = (await db().settings.get(ROSTER_KEY))!.value as { me: { role: string } };
    await db().settings.put({ key: ROSTER_KEY, value: { ...roster, me: { ...roster.me, role: 'admin' } } });
    inLanguage(<ScorecardsSection />);
    await screen.findByRole('button', { name: 'Edit Card org-card' });
    expect(screen.getByRole('button', { name: 'Archive Card org-card' })).toBeTruthy();
  });
});

describe('the list', () => {
  it('tells rows of the same name apart by their language in their controls’ names', async () => {
    await ensureBuiltInScorecards();
    inLanguage(<ScorecardsSection />);
    // The built-in Finnish and English chat cards are both "Chat".
    await screen.findByRole('button', { name: 'Edit Chat (FI)' });
    expect(screen.getByRole('button', { name: 'Preview Chat (EN)' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Edit Chat' })).toBeNull();
    // Names no other row has stay as they are.
    expect(screen.getByRole('button', { name: 'Edit Written message (e-mail)' })).toBeTruthy();
  });

  it('a team’s edit of a built-in stands in the built-in’s row, which lists the built-in as its version 1; discarding the edit brings the built-in back', async () => {
    await ensureBuiltInScorecards();
    const edit = { ...newDraftFrom(emailEn, new Date('2026-03-01T10:00:00Z'), 'team-a'), name: 'Written message (e-mail)' };
    await saveScorecard(edit);
    const { container } = inLanguage(<ScorecardsSection />);
    await screen.findByRole('button', { name: 'Discard the draft version of Written message (e-mail)' });
    expect(screen.getAllByRole('button', { name: 'Edit Written message (e-mail)' })).toHaveLength(1);
    expect(container.querySelector(`tr[data-card-id="${emailEn.id}"]`)).toBeNull();
    const row = container.querySelector<HTMLElement>(`tr[data-card-id="${edit.id}"]`)!;
    expect(row.textContent).toContain('v1 stays published');
    expect(row.querySelector('details.versions summary')?.textContent).toBe('2 versions');

    fireEvent.click(screen.getByRole('button', { name: 'Discard the draft version of Written message (e-mail)' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Yes, delete' }));
    await waitFor(() => expect(container.querySelector(`tr[data-card-id="${emailEn.id}"]`)).not.toBeNull());
    expect(container.querySelector(`tr[data-card-id="${edit.id}"]`)).toBeNull();
  });
});

describe('import and export', () => {
  it('a broken file names the field and the reason, and the list stays as it was', async () => {
    inLanguage(<ScorecardsSection />);
    await screen.findByRole('button', { name: 'Edit Written message (e-mail)' });
    const before = await listScorecards();

    const file = JSON.parse(exportScorecards([emailEn])) as { scorecards: { criteria: { levels: { label: string }[] }[] }[] };
    file.scorecards[0]!.criteria[0]!.levels[1]!.label = '';
    chooseFile(fileInput(), JSON.stringify(file));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Nothing was imported. Field scorecards[0].criteria[0].levels[1].label: This cannot be empty.');
    expect(await listScorecards()).toEqual(before);
  });

  it('a file from a newer release names the field this release does not know, in both languages', async () => {
    inLanguage(<ScorecardsSection />);
    await screen.findByRole('button', { name: 'Edit Written message (e-mail)' });
    const before = await listScorecards();

    const file = JSON.parse(exportScorecards([emailEn])) as { scorecards: { criteria: Record<string, unknown>[] }[] };
    file.scorecards[0]!.criteria[0]!.example = 'Hello Maija!';
    const text = JSON.stringify(file);
    chooseFile(fileInput(), text);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Nothing was imported. Field scorecards[0].criteria[0]: This release of Arvio does not know the field example: the file may come from a newer release.',
    );
    expect(await listScorecards()).toEqual(before);
    expect(importErrorText(refusal(text), translator('fi'))).toBe(
      'Mitään ei tuotu. Kenttä scorecards[0].criteria[0]: Tämä Arvion versio ei tunne kenttää example. Tiedosto voi olla tehty uudemmalla versiolla.',
    );
  });

  it('a good file is imported at once and the count is shown', async () => {
    inLanguage(<ScorecardsSection />);
    await screen.findByRole('button', { name: 'Edit Written message (e-mail)' });
    const own = { ...blankScorecard('team-card', 'en', new Date('2026-03-01T10:00:00Z')), name: 'Team card' };
    chooseFile(fileInput(), exportScorecards([own, { ...own, version: 2 }]));

    await screen.findByText('Imported 2 scorecard versions (1 scorecard).');
    await screen.findByRole('button', { name: 'Edit Team card' });
    expect(await getScorecard('team-card', 2)).toEqual({ ...own, version: 2 });
  });

  it('says the reason in Finnish in the Finnish UI', () => {
    const file = JSON.parse(exportScorecards([emailEn])) as { scorecards: { criteria: Record<string, unknown>[] }[] };
    delete file.scorecards[0]!.criteria[0]!.scale;
    const text = JSON.stringify(file);
    const t = translator('fi');
    expect(importErrorText(refusal(text), t)).toBe('Mitään ei tuotu. Kenttä scorecards[0].criteria[0].scale: Tieto puuttuu.');
    expect(importErrorText(refusal('{'), t)).toBe('Mitään ei tuotu. Tiedosto ei ole kelvollista JSONia.');
    expect(importErrorText(refusal('[]'), t)).toBe('Mitään ei tuotu. Tämä ei ole Arvion lomaketiedosto.');
  });

  it('names the file by the local date', () => {
    expect(exportFileName(new Date(2026, 0, 5, 23, 30))).toBe('arvio-scorecards-2026-01-05.json');
  });
});

describe('the print URL', () => {
  it.each([
    ['print.html?id=tpl-email-en&version=1', { id: 'tpl-email-en', version: 1 }],
    ['print.html?id=a%20b&version=12', { id: 'a b', version: 12 }],
    ['print.html?id=x&version=0', null],
    ['print.html?id=x&version=1.5', null],
    ['print.html?version=1', null],
  ])('%s', (path, expected) => {
    expect(parsePrintParams(new URL(`chrome-extension://abc/${path}`))).toEqual(expected);
  });
});
