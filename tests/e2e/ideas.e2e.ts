// Ideas and obstacles across browsers against the real server on PGlite: an agent sends one from the
// ticket in the sidebar; the lead, in another browser, marks it done (a reply is required) and the
// agent reads the status and the reply in the sidebar. In English and in Finnish.
import { describe, expect, it } from 'vitest';
import { translator } from '@/lib/i18n';
import type { Idea } from '../../lib/model/idea';
import { expectAccessible, sidebarFrame, toggleButton } from './harness';
import { AGENT, closeAfterEach, connected, LEAD, launch, startWorld, synced } from './team-harness';

closeAfterEach();

async function story(lang: 'en' | 'fi', locale: string, ticketId: string) {
  const t = translator(lang);
  const w = await startWorld();
  const title = lang === 'fi' ? 'Palautusmakro on vanhentunut' : 'The refund macro is outdated';

  // The agent sends an obstacle from the ticket, linked to it, its text not copied.
  const agent = await launch(locale);
  const agentOptions = await connected(agent, w, t, AGENT);
  const ticket = await agent.context.newPage();
  await ticket.goto(`${w.demo.url}/agent/tickets/${ticketId}`);
  await toggleButton(ticket).waitFor();
  if ((await toggleButton(ticket).getAttribute('aria-expanded')) !== 'true') await toggleButton(ticket).click();
  const frame = await sidebarFrame(ticket);
  await frame.getByRole('tab', { name: t('ideas.tab') }).click();
  const form = frame.getByRole('form', { name: t('ideas.form.title') });
  await form.getByLabel(t('ideas.kind.obstacle')).check();
  await form.getByLabel(t('ideas.form.category')).selectOption('tools');
  await form.getByLabel(t('ideas.form.titleField')).fill(title);
  await form.getByLabel(t('ideas.form.text')).fill('It still names the old form.');
  expect(await form.getByLabel(t('ideas.form.linkTicket', { id: ticketId })).isChecked()).toBe(true);
  expect(await form.getByLabel(t('ideas.form.copyText')).isChecked()).toBe(false);
  await expectAccessible(frame);
  await form.getByRole('button', { name: t('ideas.form.send') }).click();
  await frame.getByRole('status').filter({ hasText: t('ideas.form.sent') }).waitFor();
  const mine = frame.locator('.idea-card', { hasText: title });
  await mine.getByText(t('ideas.status.new')).waitFor();
  await synced(agentOptions, t);
  const [stored] = await w.db.query<{ doc: Idea }>("SELECT doc FROM docs WHERE collection = 'ideas'");
  expect(stored!.doc).toMatchObject({ title, kind: 'obstacle', category: 'tools', status: 'new', shared: false, ticket: { ticketId }, ticketText: null, submitter: { id: AGENT } });

  // The lead marks it done: first without a reply (refused), then with one.
  const lead = await launch(locale);
  const leadOptions = await connected(lead, w, t, LEAD);
  const dash = await lead.context.newPage();
  await dash.goto(`chrome-extension://${lead.extensionId}/dashboard.html#ideas`);
  const card = dash.locator('.idea-card', { hasText: title });
  await card.waitFor();
  await expect.poll(() => card.locator('header').textContent()).toContain(t('ideas.age', { age: t('common.underADay') }));
  const triage = card.getByRole('form', { name: title });
  await triage.getByLabel(t('ideas.triage.status')).selectOption('done');
  await triage.getByRole('button', { name: t('ideas.triage.save') }).click();
  // The browser's own required-field check or ours: nothing is saved without a reply.
  await synced(leadOptions, t);
  expect((await w.db.query<{ doc: Idea }>("SELECT doc FROM docs WHERE collection = 'ideas'"))[0]!.doc.status).toBe('new');
  const reply = lang === 'fi' ? 'Makro päivitetty uuteen lomakkeeseen.' : 'The macro now names the new form.';
  await triage.getByLabel(t('ideas.triage.reply')).fill(reply);
  await expectAccessible(dash);
  await triage.getByRole('button', { name: t('ideas.triage.save') }).click();
  await card.getByRole('status').filter({ hasText: t('ideas.triage.saved') }).waitFor();
  // The status filter finds it under Done, not under New.
  const statusFilter = dash.getByRole('group', { name: t('dashboard.filters') }).getByLabel(t('ideas.filter.status'));
  await statusFilter.selectOption('done');
  await card.waitFor();
  await statusFilter.selectOption('new');
  await dash.getByText(t('ideas.list.empty')).waitFor();
  await synced(leadOptions, t);
  const [answered] = await w.db.query<{ doc: Idea }>("SELECT doc FROM docs WHERE collection = 'ideas'");
  expect(answered!.doc).toMatchObject({ status: 'done', replies: [{ text: reply, status: 'done', by: { id: LEAD } }] });

  // The agent reads the status and the reply in the sidebar.
  await synced(agentOptions, t);
  // Away to the self-check (an agent's sidebar has no review form) and back: the panel reads its list again.
  await frame.locator('#tab-selfcheck').click();
  await frame.getByRole('tab', { name: t('ideas.tab') }).click();
  await mine.getByText(t('ideas.status.done')).waitFor();
  await expect.poll(() => mine.locator('.idea-replies').textContent()).toContain(reply);
  await expectAccessible(frame);
}

describe('ideas and obstacles between an agent and the lead, each in their own browser', () => {
  it('an agent sends an obstacle from a ticket; the lead marks it done with a reply; the agent reads it', async () => {
    await story('en', 'en-US', '102');
  }, 300_000);

  it('the same in Finnish', async () => {
    await story('fi', 'fi-FI', '103');
  }, 300_000);
});
