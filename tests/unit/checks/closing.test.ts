// An agent's draft ends with a sign-off, with room for a signature block under it.
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../lib/checks';
import { only, spans } from './helpers';

describe('closing', () => {
  it.each([
    'Hei,\n\ntilaus on matkalla.\n\nYstävällisin terveisin\nAnna Asiakaspalvelija\nAsiakaspalvelu\nYritys Oy\npuh. 010 123 4567',
    'Hei,\n\ntilaus on matkalla.\n\nTerveisin,\nAnna',
    'Hei! Tilaus on matkalla. Hyvää päivänjatkoa!',
    'Hei,\n\ntilaus on matkalla.\n\nKiitos kärsivällisyydestäsi!\nAnna',
    'Hei,\ntilaus on matkalla.\nt. Anna',
    'Hello,\n\nyour order has shipped.\n\nBest regards,\nAnna',
    'Hi,\nyour order has shipped.\nThanks,\nAnna',
    'Hi, your order has shipped. Have a nice day!',
  ])('a draft ending with a sign-off passes: %j', (draft) => {
    expect(only('closing', draft)).toEqual([]);
  });

  it.each([
    // "Kiitos" in the opening is thanks for the message, not a sign-off.
    ['fi', 'Hei,\nkiitos yhteydenotostasi.\nTarkistin tilauksen.\nSe lähti eilen.\nSeurantakoodi tulee sähköpostiisi.'],
    ['fi', 'Hei,\n\ntilaus on matkalla.'],
    ['en', 'Hello,\n\nyour order has shipped and the tracking code is on its way.'],
    // A sign-off far above the end (quoted earlier mail) does not close this reply.
    ['fi', 'Hei,\nTerveisin edelliseen viestiin liittyen:\nrivi 1 asiasta\nrivi 2 asiasta\nrivi 3 asiasta\nrivi 4 asiasta\nrivi 5 asiasta\nrivi 6 asiasta'],
  ])('a %s draft without a sign-off is told to close, with no span', (lang, draft) => {
    const hints = only('closing', draft);
    expect(hints).toHaveLength(1);
    expect(hints[0]).toMatchObject({ criterion: 'closing', span: null, messageKey: 'checks.closing.missing' });
    expect(hints[0]?.params.example).toBe(lang === 'fi' ? 'Ystävällisin terveisin' : 'Kind regards');
  });

  it.each([
    ['Hei,\n\ntilaus on matkalla.\n\nTerveisin [nimi]', '[nimi]'],
    ['Hei,\n\ntilaus on matkalla.\n\nYstävällisin terveisin\n{{agent.name}}\nAsiakaspalvelu', '{{agent.name}}'],
    ['Hello,\n\nyour order has shipped.\n\nKind regards,\n[Agent name]', '[Agent name]'],
  ])('a sign-off over an unfilled signature is not a finished closing: %j', (draft, slot) => {
    const hints = only('closing', draft);
    expect(spans(draft, hints)).toEqual([slot]);
    expect(hints[0]).toMatchObject({ criterion: 'closing', severity: 'warning', messageKey: 'checks.closing.placeholder' });
    // Said once, as the closing's hint, not again as a placeholder in the body.
    const all = runChecks(draft).hints.filter((h) => h.span && draft.slice(h.span.start, h.span.end) === slot);
    expect(all.map((h) => h.check)).toEqual(['closing']);
    // With the closing check off, the slot is still caught.
    expect(runChecks(draft, { disabled: ['closing'] }).hints.map((h) => h.check)).toContain('placeholder');
  });
});
