// "Report this page": the saved snapshot keeps the page's structure and nothing a person wrote.
import { expect, it } from 'vitest';
import { structuralSnapshot } from '../../../lib/helpdesks/snapshot';

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

it('keeps tags and structural attributes, masks text to the same length and drops scripts and values', () => {
  const doc = parse(
    '<div id="t" class="thread" data-test-id="log" role="log" title="Matti M" href="/users/7">' +
      '<time datetime="2025-03-03T08:15:00Z">3.3. 10.15</time>' +
      '<p aria-hidden="true" aria-label="Matti Meikäläinen">Hei  Aino,\nkiitos!</p>' +
      '<script>steal()</script><style>p{}</style>' +
      '<input type="email" name="to" value="matti@example.fi"><textarea>salainen</textarea>' +
      '<button onclick="x()" type="button">OK</button></div>',
  );
  expect(structuralSnapshot(doc.querySelector('#t')!)).toBe(
    '<div id="t" class="thread" data-test-id="log" role="log" title="" href="">' +
      '<time datetime="2025-03-03T08:15:00Z">xxxx xxxxx</time>' +
      '<p aria-hidden="true" aria-label="">xxx  xxxxx\nxxxxxxx</p>' +
      '<input type="email" name="">' +
      '<textarea></textarea>' +
      '<button type="button">xx</button></div>',
  );
});

it('never lets a masked page smuggle markup through its text', () => {
  const doc = parse('<p>&lt;img src=x onerror=alert(1)&gt; &amp;</p>');
  expect(structuralSnapshot(doc.querySelector('p')!)).toBe('<p>xxxx xxxxx xxxxxxxxxxxxxxxxx x</p>');
});
