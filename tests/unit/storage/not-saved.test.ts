// The words a user reads when something was not saved: what it was, and whether the storage is full.
import { describe, expect, it } from 'vitest';
import { notSavedText, type Unsaved } from '@/components/notSaved';
import { StorageFullError } from '@/lib/db/quota';
import { NotDockedError } from '@/lib/service';
import { translator } from '@/lib/i18n';

const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const en = translator('en');
const fi = translator('fi');

describe('notSavedText', () => {
  it.each<[Unsaved, string, string]>([
    [{ kind: 'review', ticketId: '102' }, 'Your review of ticket #102 was not saved', 'Arviointisi tiketistä #102 ei tallentunut'],
    [{ kind: 'reviewDraft', ticketId: '102' }, 'The draft of your review of ticket #102 was not saved', 'Arviointiluonnoksesi tiketistä #102 ei tallentunut'],
    [{ kind: 'reviewDeletion', ticketId: '7' }, 'The deletion of the review of ticket #7 was not saved', 'Tiketin #7 arvioinnin poisto ei tallentunut'],
    [{ kind: 'selfCheck', ticketId: '55' }, 'Your self-check of ticket #55 was not saved', 'Itsearviointisi tiketistä #55 ei tallentunut'],
    [{ kind: 'scorecard', name: 'Chat', version: 3 }, 'Scorecard "Chat" (version 3) was not saved', 'Arviointilomake ”Chat” (versio 3) ei tallentunut'],
    [{ kind: 'settings' }, 'The change to your settings was not saved', 'Asetusten muutos ei tallentunut'],
    [{ kind: 'import', file: 'backup.json' }, 'Nothing from backup.json was imported', 'Tiedostosta backup.json ei tuotu mitään'],
  ])('names %o and says the storage is full', (what, english, finnish) => {
    expect(notSavedText(en, what, full)).toBe(
      `${english}: the browser's storage for Arvio is full. Everything saved before is still there. Free up disk space on this computer, then try again.`,
    );
    expect(notSavedText(fi, what, new StorageFullError('QuotaExceededError'))).toBe(
      `${finnish}: selaimen tallennustila Arviolle on täynnä. Kaikki aiemmin tallennettu on tallessa. Vapauta levytilaa tältä tietokoneelta ja yritä sitten uudelleen.`,
    );
  });

  it('says in the user’s language that a sidebar not docked by Arvio opens from the helpdesk page', () => {
    const refused = new NotDockedError('Arvio opens from the helpdesk page');
    expect(notSavedText(fi, { kind: 'review', ticketId: '102' }, refused)).toBe('Arviointisi tiketistä #102 ei tallentunut: Arvio avautuu asiakaspalvelujärjestelmän sivulta');
    expect(notSavedText(en, { kind: 'review', ticketId: '102' }, refused)).toBe('Your review of ticket #102 was not saved: Arvio opens from the helpdesk page');
  });

  it('keeps the reason of any other failure', () => {
    expect(notSavedText(en, { kind: 'review', ticketId: '102' }, new Error('the background did not answer submitReview'))).toBe(
      'Your review of ticket #102 was not saved: the background did not answer submitReview',
    );
  });
});
