// English strings of a sidebar page that Arvio's content script did not dock (framed or opened by some other page).
export const dockingEn = {
  'undocked.title': 'Arvio opens from the helpdesk page',
  'undocked.body':
    'Arvio shows reviews and tickets only beside a ticket in your helpdesk, where Arvio itself opened this panel. Open the ticket in the helpdesk and press the Arvio tab at the right edge of the page, or Alt+Shift+A.',
} as const;
