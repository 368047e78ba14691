// Following the composer: one read after typing pauses, public/internal seen, listeners removed.
import { describe, expect, it, vi } from 'vitest';
import { DRAFT_DEBOUNCE_MS, trackComposer } from '@/entrypoints/helpdesk.content/composer';
import type { Composer } from '@/lib/helpdesks/types';
import type { ComposerDraft } from '@/lib/model/messages';

function editor(mode: { value: 'public' | 'internal' }) {
  const element = document.createElement('div');
  element.contentEditable = 'true';
  document.body.append(element);
  const reads = { count: 0 };
  const composer = (): Composer => ({
    mode: mode.value,
    element,
    text: () => {
      reads.count += 1;
      return element.textContent ?? '';
    },
  });
  return { element, composer, reads };
}

describe('composer tracking', () => {
  it('reads the draft once typing pauses, not per keystroke', async () => {
    vi.useFakeTimers();
    const mode = { value: 'public' as 'public' | 'internal' };
    const { element, composer, reads } = editor(mode);
    const drafts: (ComposerDraft | null)[] = [];
    const tracker = trackComposer((draft) => drafts.push(draft), { setTimeout: (f, ms) => window.setTimeout(f, ms), clearTimeout: (id) => window.clearTimeout(id) });
    tracker.follow(composer);
    expect(drafts).toEqual([{ text: '', mode: 'public' }]);
    const before = reads.count;
    for (const ch of 'Hei Matti') {
      element.textContent = (element.textContent ?? '') + ch;
      element.dispatchEvent(new Event('input'));
      await vi.advanceTimersByTimeAsync(20);
    }
    expect(reads.count).toBe(before);
    await vi.advanceTimersByTimeAsync(DRAFT_DEBOUNCE_MS);
    expect(reads.count).toBe(before + 1);
    expect(drafts.at(-1)).toEqual({ text: 'Hei Matti', mode: 'public' });

    // A switch to an internal note is reported when the page re-reads the composer.
    mode.value = 'internal';
    tracker.follow(composer);
    expect(drafts.at(-1)).toEqual({ text: 'Hei Matti', mode: 'internal' });

    // After destroy, typing reads nothing.
    tracker.destroy();
    const after = reads.count;
    element.dispatchEvent(new Event('input'));
    await vi.advanceTimersByTimeAsync(DRAFT_DEBOUNCE_MS * 2);
    expect(reads.count).toBe(after);
    vi.useRealTimers();
  });
});
