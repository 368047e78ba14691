// The demo helpdesk's tickets: fixed data, Finnish and English, e-mail, chat and call, plus one 300-message chat.
//
// Tests import this to compare what the adapter reads from the demo with what the demo shows.
// Times are ISO strings in UTC with milliseconds, exactly as the adapter normalises them.

/** Agents of the demo team; the signed-in agent is the first. */
export const agents = ['Aino Virtanen', 'Mikko Laine', 'Sara Koskinen'];
export const signedInAgent = agents[0];

const BOT = 'Arvio Answer Bot';

/** ISO time `minutes` after a base instant (UTC). */
function at(base, minutes) {
  return new Date(Date.parse(base) + minutes * 60_000).toISOString();
}

/**
 * Builds messages with ids `<ticket>-<n>`; each entry is [role, author, minutesFromStart, text].
 * Roles: customer | agent | internal | bot | system.
 */
function thread(ticketId, base, entries) {
  return entries.map(([role, author, minutes, text], i) => ({
    id: `${ticketId}-${i + 1}`,
    role,
    author,
    at: at(base, minutes),
    text,
  }));
}

const t101 = {
  id: '101',
  subject: 'Laskussa väärä summa – tilaus 48213',
  channel: 'email',
  status: 'open',
  priority: 'normal',
  language: 'fi',
  requester: { name: 'Matti Meikäläinen', email: 'matti.meikalainen@example.fi' },
  assignee: 'Aino Virtanen',
  messages: thread('101', '2025-03-03T06:12:00.000Z', [
    ['customer', 'Matti Meikäläinen', 0,
      'Hei,\n\nsain tänään laskun tilauksesta 48213, mutta summa on 129,90 € vaikka tilausvahvistuksessa luki 99,90 €. Voitteko tarkistaa asian?\n\nTerveisin Matti Meikäläinen'],
    ['agent', 'Aino Virtanen', 47,
      'Hei Matti,\n\nkiitos viestistäsi ja pahoittelut sekaannuksesta. Tarkistin tilauksesi: laskulle oli jäänyt virheellisesti pikatoimituksen maksu 30 €, vaikka valitsit normaalin toimituksen.\n\nOlen mitätöinyt laskun ja lähettänyt uuden, oikean laskun (99,90 €) sähköpostiisi. Eräpäivä on sama kuin alkuperäisessä laskussa.\n\nYstävällisin terveisin\nAino Virtanen\nAsiakaspalvelu'],
    ['customer', 'Matti Meikäläinen', 95,
      'Kiitos nopeasta avusta! Uusi lasku tuli perille.'],
    ['agent', 'Aino Virtanen', 112,
      'Hienoa kuulla! Merkitsen asian ratkaistuksi. Mukavaa viikon jatkoa!'],
  ]),
};

const t102 = {
  id: '102',
  subject: "Can't log in to the mobile app",
  channel: 'chat',
  status: 'open',
  priority: 'high',
  language: 'en',
  requester: { name: 'Emily Clarke', email: 'emily.clarke@example.co.uk' },
  assignee: 'Mikko Laine',
  messages: thread('102', '2025-03-04T09:30:00.000Z', [
    ['bot', BOT, 0, 'Hi! I’m the virtual assistant. What can I help you with today?'],
    ['customer', 'Emily Clarke', 1, 'hi'],
    ['customer', 'Emily Clarke', 1, 'I can’t log in to the app since the update'],
    ['customer', 'Emily Clarke', 2, 'it just says “Something went wrong” after I enter my password'],
    ['bot', BOT, 2, 'I’m connecting you to a member of our support team.'],
    ['system', '', 3, 'Mikko Laine joined the chat'],
    ['agent', 'Mikko Laine', 4, 'Hi Emily, thanks for waiting! Sorry to hear you’re locked out.'],
    ['agent', 'Mikko Laine', 4, 'Could you tell me which phone and app version you’re using? You’ll find the version under Settings → About.'],
    ['customer', 'Emily Clarke', 6, 'iPhone 13, version 5.2.0'],
    ['agent', 'Mikko Laine', 8, 'Thanks. Version 5.2.0 has a known sign-in issue that was fixed in 5.2.1, released this morning. Could you update the app from the App Store and try again?'],
    ['customer', 'Emily Clarke', 12, 'updated and it works now!!'],
    ['customer', 'Emily Clarke', 12, 'thank you so much'],
    ['agent', 'Mikko Laine', 13, 'Great to hear! Is there anything else I can help you with?'],
    ['customer', 'Emily Clarke', 14, 'no that’s all, bye'],
  ]),
};

const t103 = {
  id: '103',
  subject: 'Tilauksen toimitus myöhässä',
  channel: 'chat',
  status: 'pending',
  priority: 'normal',
  language: 'fi',
  requester: { name: 'Liisa Korhonen', email: 'liisa.korhonen@example.fi' },
  assignee: 'Sara Koskinen',
  messages: thread('103', '2025-03-05T11:02:00.000Z', [
    ['customer', 'Liisa Korhonen', 0, 'Moi'],
    ['customer', 'Liisa Korhonen', 0, 'tilasin sohvan kaksi viikkoa sitten ja toimituksen piti olla eilen'],
    ['customer', 'Liisa Korhonen', 1, 'kukaan ei ole ottanut yhteyttä'],
    ['agent', 'Sara Koskinen', 3, 'Hei Liisa, ja pahoittelut odottelusta! Katson tilauksesi tilanteen heti.'],
    ['agent', 'Sara Koskinen', 5, 'Tilauksesi on kuljetusliikkeellä Vantaalla. Toimitus siirtyi kuljetusliikkeen ruuhkan vuoksi, ja uusi arvioitu toimituspäivä on torstai 6.3.'],
    ['agent', 'Sara Koskinen', 5, 'Kuljettaja soittaa sinulle tuntia ennen saapumista. Sopiiko torstai sinulle?'],
    ['customer', 'Liisa Korhonen', 7, 'torstai käy, kiitos'],
    ['agent', 'Sara Koskinen', 8, 'Kiitos! Hyvitän toimitusmaksun viivästyksen vuoksi, näet hyvityksen tililläsi 3–5 arkipäivän kuluessa.'],
  ]),
};

const t104 = {
  id: '104',
  subject: 'Refund for a double charge',
  channel: 'email',
  status: 'open',
  priority: 'urgent',
  language: 'en',
  requester: { name: "James O'Connor", email: 'james.oconnor@example.ie' },
  assignee: 'Sara Koskinen',
  messages: thread('104', '2025-03-06T07:45:00.000Z', [
    ['customer', "James O'Connor", 0,
      'Hello,\n\nmy card was charged twice for my March subscription (2 × €14.90 on 1 March). Please refund the duplicate payment.\n\nRegards,\nJames'],
    ['internal', 'Mikko Laine', 30,
      'Checked the payment provider: two captures 14 seconds apart, the second one is a retry after a timeout. Safe to refund the later one (ref ch_8842).'],
    ['agent', 'Sara Koskinen', 41,
      'Hi James,\n\nthank you for letting us know, and sorry about this. You were indeed charged twice because of a payment timeout on our side.\n\nI have refunded the duplicate charge of €14.90 today. Depending on your bank it will show on your statement within 3–5 business days.\n\nBest regards,\nSara Koskinen\nCustomer Support'],
    ['internal', 'Sara Koskinen', 42, 'Refund done. Reported the timeout retry to the payments team in #payments-incidents.'],
  ]),
};

const t105 = {
  id: '105',
  subject: 'Puhelu: sopimuksen irtisanominen',
  channel: 'call',
  status: 'solved',
  priority: 'low',
  language: 'fi',
  requester: { name: 'Pekka Nieminen', email: 'pekka.nieminen@example.fi' },
  assignee: 'Mikko Laine',
  messages: thread('105', '2025-03-07T12:20:00.000Z', [
    ['system', '', 0, 'Saapuva puhelu numerosta +358 40 123 4567, kesto 6 min 12 s'],
    ['internal', 'Mikko Laine', 7,
      'Asiakas haluaa irtisanoa sopimuksen muuton vuoksi. Kerroin irtisanomisajan (1 kk) ja tarjosin siirtoa uuteen osoitteeseen, asiakas harkitsee.'],
    ['agent', 'Mikko Laine', 9,
      'Hei Pekka,\n\nkiitos puhelustasi. Kuten sovimme, sopimuksesi voidaan siirtää uuteen osoitteeseesi ilman kuluja, tai voit irtisanoa sen yhden kuukauden irtisanomisajalla.\n\nVastaa tähän viestiin, kun olet päättänyt, niin hoidan asian puolestasi.\n\nTerveisin\nMikko Laine'],
  ]),
};

/** Ticket 106: a long support chat, generated deterministically (no randomness, same text every run). */
function longChat() {
  const customer = 'Matti Meikäläinen';
  const customerLines = [
    'The export still stops halfway.',
    'I tried again with a smaller date range.',
    'Now it says the file is ready but the download is empty.',
    'Which browser should I use?',
    'OK, trying with Firefox now.',
    'Same result.',
    'Here is the error code: EXP-504.',
    'Is there a limit on rows?',
  ];
  const agentLines = [
    'Thanks, let me check the export logs for your account.',
    'Could you try a range of one month at a time?',
    'I can see the job finished on our side; the file was 0 bytes.',
    'Any current browser works; please clear the cache first.',
    'I have restarted the export worker for your account.',
    'The limit is 100,000 rows per file; yours had about 140,000.',
    'Splitting the export by quarter should keep each file under the limit.',
    'I’ll keep this chat open while you try.',
  ];
  const entries = [];
  for (let i = 0; i < 300; i++) {
    const minute = i * 2;
    if (i % 25 === 12) {
      entries.push(['internal', 'Mikko Laine', minute, `Note ${(i - 12) / 25 + 1}: export worker queue length ${40 + ((i * 7) % 13)}, no errors in the last hour.`]);
    } else if (i % 3 === 0) {
      entries.push(['customer', customer, minute, `${customerLines[(i / 3) % customerLines.length]} (${i + 1})`]);
    } else {
      // Two agent messages in a row form a group: the second carries no sender in the markup.
      const agent = i < 150 ? 'Aino Virtanen' : 'Mikko Laine';
      entries.push(['agent', agent, minute, `${agentLines[i % agentLines.length]} (${i + 1})`]);
    }
  }
  return thread('106', '2025-03-10T08:00:00.000Z', entries);
}

const t106 = {
  id: '106',
  subject: 'Report export stops halfway (long chat)',
  channel: 'chat',
  status: 'open',
  priority: 'high',
  language: 'en',
  requester: { name: 'Matti Meikäläinen', email: 'matti.meikalainen@example.fi' },
  assignee: 'Aino Virtanen',
  messages: longChat(),
};

/** All demo tickets, in the order the ticket list shows them. */
export const tickets = [t101, t102, t103, t104, t105, t106];
