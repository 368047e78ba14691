// The lead's form editor: a choice question's options can be removed as well as added, down to the two a
// choice keeps, and the draft saves what is left.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { ensureBuiltInForms, getForm } from '@/lib/coaching';
import { FormsView } from '@/entrypoints/coaching/FormsView';
import { freshDb } from '../db/fresh';

beforeEach(async () => {
  freshDb('forms-view');
  await ensureBuiltInForms();
});
afterEach(cleanup);

describe('the coaching form editor', () => {
  it('removes a choice’s option, keeps two at the least, and saves the draft without it', async () => {
    render(
      <I18nProvider fixed="en">
        <FormsView />
      </I18nProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Coaching talk' }));
    // "The workload feels": question 2 of section 4, three options.
    const remove = (k: number) => screen.queryByRole('button', { name: `Remove option ${k} of question 4.2` });
    expect(remove(3)).not.toBeNull();
    fireEvent.click(remove(1)!);
    expect(screen.getByRole('textbox', { name: 'Option 1 of question 4.2' })).toHaveProperty('value', 'About right');
    expect(remove(1)).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Option 3 of question 4.2' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(async () => {
      const draft = await getForm('tpl-coaching-en', 2);
      const workload = draft?.sections.flatMap((s) => s.fields).find((f) => f.id === 'workload');
      expect(workload?.kind === 'choice' && workload.options.map((o) => o.id)).toEqual(['right', 'heavy']);
    });
  });
});
