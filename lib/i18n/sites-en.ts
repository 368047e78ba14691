// English strings for self-hosted sites, the generic fallback and "report this page".

/** The one string the content script shows (the picker's banner); kept apart so the content script stays small. */
export const sitesContentEn = {
  'content.pick.banner': 'Click the conversation for Arvio. ↑ widens, Enter picks, Esc cancels.',
} as const;

export const sitesEn = {
  ...sitesContentEn,
  'sites.title': 'Self-hosted helpdesks and other sites',
  'sites.intro':
    'Add your organisation’s own Zammad, osTicket or FreeScout, or any other site where you review conversations. Arvio asks the browser for access to that site only.',
  'sites.origin': 'Address',
  'sites.type': 'Helpdesk',
  'sites.type.zammad': 'Zammad',
  'sites.type.osticket': 'osTicket',
  'sites.type.freescout': 'FreeScout',
  'sites.type.generic': 'Other: I pick the conversation myself',
  'sites.add': 'Add site',
  'sites.list': 'Added sites',
  'sites.empty': 'No sites added yet.',
  'sites.remove': 'Remove',
  'sites.removeLabel': 'Remove {origin}',
  'sites.added': 'Added {origin}. Open or reload a page there.',
  'sites.removed': 'Removed {origin}. Arvio no longer has access to it.',
  'sites.invalid': 'Enter an address that starts with https:// (or http://).',
  'sites.denied': 'The browser did not give access to {origin}, so the site was not added.',
  'sites.reports.title': 'Reported pages',
  'sites.reports.intro': 'Page structures saved with “Report this page”, every text replaced by x. Download one to turn it into a test fixture.',
  'sites.reports.empty': 'No reported pages.',
  'sites.reports.download': 'Download',
  'sites.reports.delete': 'Delete',
  'sites.generic.title': 'Pick what to review on this page',
  'sites.generic.body': 'Arvio does not know this site’s layout. Pick the conversation once and Arvio remembers it for the site, or review the text you selected.',
  'sites.problem.noRegion': 'No conversation picked on this site yet',
  'sites.problem.regionNotFound': 'The conversation you picked is not found on this page any more: pick it again',
  'sites.problem.nothingSelected': 'No text was selected: select the text to review on the page, then try again',
  'sites.pick': 'Pick the conversation',
  'sites.pick.again': 'Pick again',
  'sites.useSelection': 'Review the selected text',
  'sites.useSelection.help': 'Select text on the page first. The page address becomes the ticket.',
  'sites.report': 'Report this page',
  'sites.report.help': 'Saves the page’s structure with every text replaced by x, so that support for it can be added. Nothing is sent anywhere.',
  'sites.report.saved': 'Saved under “Reported pages” in Arvio’s settings.',
  'sites.report.download': 'Download the snapshot',
} as const;
