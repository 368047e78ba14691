// The coaching plan hand-built, for the bench only: raw IndexedDB (no Dexie), one read transaction of the
// plan's rows and the planned sessions (no schemas), and the rows written with plain DOM (no framework, no
// translations, no styles). What the plan's first render would cost if the page were written for that one
// render alone; bench/coaching.mjs loads it beside the product's plan, the same way, in the same run.
const open = indexedDB.open('arvio');
open.onsuccess = () => {
  const database = open.result;
  const tx = database.transaction(['coachingPlanRows', 'coachingSessions'], 'readonly');
  const rows = tx.objectStore('coachingPlanRows').getAll();
  const planned = tx.objectStore('coachingSessions').index('status').getAll('planned');
  tx.oncomplete = () => {
    const day = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    const next = new Map(planned.result.map((session) => [session.agent.id, session]));
    const cell = (tr, text) => {
      const td = tr.insertCell();
      td.textContent = text;
      return td;
    };
    const table = document.createElement('table');
    table.className = 'plan';
    const head = table.createTHead().insertRow();
    for (const title of ['Agent', 'Last session', 'Next due', 'Open actions', 'Rhythm', '']) head.append(Object.assign(document.createElement('th'), { scope: 'col', textContent: title }));
    const body = table.createTBody();
    for (const row of rows.result) {
      const tr = body.insertRow();
      const agent = row.lastHeld?.agent ?? row.open[0]?.agent;
      tr.append(Object.assign(document.createElement('th'), { scope: 'row', textContent: agent?.name || row.agentId }));
      cell(tr, row.lastHeld?.heldAt ? day.format(new Date(row.lastHeld.heldAt)) : 'Never');
      const due = next.get(row.agentId)?.scheduledFor;
      cell(tr, due ? day.format(new Date(due)) : '—');
      cell(tr, `${row.open.length} open`);
      cell(tr, 'Monthly');
      cell(tr, '').append(Object.assign(document.createElement('button'), { type: 'button', textContent: 'Prepare session' }), ' ', Object.assign(document.createElement('button'), { type: 'button', textContent: 'Schedule…' }));
    }
    document.body.append(Object.assign(document.createElement('h2'), { textContent: 'Coaching plan' }), table);
    database.close();
  };
};
