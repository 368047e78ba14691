// Follows the reply the agent is writing: per keystroke only a timer reset; the text is read once typing pauses.
import type { Composer } from '@/lib/helpdesks';
import type { ComposerDraft } from '@/lib/model';

/** Long enough to skip work between keystrokes, short enough for hints within 300 ms of the last one. */
export const DRAFT_DEBOUNCE_MS = 120;

export interface ComposerTracker {
  /**
   * Follow the composer that `resolve` finds (or none); the same element keeps its listener.
   * Resolved again when typing pauses, so a switch to an internal note is seen with the text.
   */
  follow(resolve: (() => Composer | null) | null): void;
  destroy(): void;
}

export function trackComposer(
  onDraft: (draft: ComposerDraft | null, element: Element | null) => void,
  timers: { setTimeout: (fn: () => void, ms: number) => number; clearTimeout: (id: number) => void },
): ComposerTracker {
  let current: Composer | null = null;
  let resolver: (() => Composer | null) | null = null;
  let timer: number | null = null;
  let last = '';

  const attach = (next: Composer | null): void => {
    if (next?.element !== current?.element) {
      current?.element.removeEventListener('input', onInput);
      next?.element.addEventListener('input', onInput);
    }
    current = next;
  };

  const emit = (): void => {
    timer = null;
    attach(resolver ? resolver() : null);
    const draft = current ? { text: current.text(), mode: current.mode } : null;
    const signature = draft ? `${draft.mode}|${draft.text}` : '';
    if (signature === last) return;
    last = signature;
    onDraft(draft, current?.element ?? null);
  };
  function onInput(): void {
    if (timer !== null) timers.clearTimeout(timer);
    timer = timers.setTimeout(emit, DRAFT_DEBOUNCE_MS);
  }

  return {
    follow(resolve) {
      resolver = resolve;
      // A new composer, or a switch between public reply and internal note, is reported at once.
      emit();
    },
    destroy() {
      if (timer !== null) timers.clearTimeout(timer);
      attach(null);
      resolver = null;
    },
  };
}
