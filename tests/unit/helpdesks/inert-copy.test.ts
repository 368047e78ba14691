// Quoted history cut out of a message before its text is read: in a copy made in the inert document,
// never in the page (a copy there would fetch its images again: a mail's tracking pixel, told once more).
import { expect, it, vi } from 'vitest';
import * as dom from '@/lib/helpdesks/dom';
import { textWithout } from '@/lib/helpdesks/thread-reader';

vi.mock('@/lib/helpdesks/dom', async (original) => {
  const actual = await original<typeof import('@/lib/helpdesks/dom')>();
  return { ...actual, inertCopy: vi.fn(actual.inertCopy) };
});

it('reads a message without its quoted part from an inert copy, leaving the page as it was', () => {
  document.body.innerHTML = '<div id="m"><p>Thanks, that helped.</p><img src="https://tracker.example/p.gif" alt=""><blockquote>Earlier mail</blockquote></div>';
  const message = document.getElementById('m')!;
  expect(textWithout(message, ['blockquote'])).toEqual({ text: 'Thanks, that helped.', removed: 1 });
  expect(dom.inertCopy).toHaveBeenCalledWith(message);
  expect(message.querySelector('blockquote')).not.toBeNull();
  // The copy belongs to the inert document (createHTMLDocument's), not the page's.
  const copy = dom.inertCopy(message);
  expect(copy.ownerDocument).not.toBe(document);
  expect(copy.querySelector('img')?.getAttribute('src')).toBe('https://tracker.example/p.gif');
});
