// English strings of what calibration shows first and opens on demand: the reveal's session summary and
// per-ticket disclosures, the sessions table's newest rows.
export const calibrationDisclosureEn = {
  'calibration.scores': 'Review score per participant',
  'calibration.scores.agreed': 'Agreed ratings',
  'calibration.ticket.toggle': 'Ticket #{id}: ratings side by side',
  'calibration.dash.showAll': '{count, plural, one {Show # session} other {Show all # sessions}}',
};
