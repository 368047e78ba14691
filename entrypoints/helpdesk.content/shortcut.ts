// The toggle shortcut inside the page, for when the browser has not bound the command (a conflict, or a profile where the suggested key was not applied).
import { isToggleShortcut, toggleShortcutReplySchema } from '@/lib/model';

const TEXT_INPUTS = new Set(['', 'text', 'search', 'email', 'url', 'tel', 'password', 'number']);

/** Whether a node takes typed text: a text field, or inside a contenteditable editor (or a document in design mode). */
export function isEditable(node: EventTarget | null | undefined): boolean {
  const element = node as Element | null | undefined;
  if (!element || element.nodeType !== 1) return false;
  if (element.ownerDocument.designMode === 'on') return true;
  const field = element as HTMLInputElement;
  if (element.localName === 'textarea') return !field.readOnly && !field.disabled;
  if (element.localName === 'input') return TEXT_INPUTS.has(field.getAttribute('type')?.toLowerCase() ?? '') && !field.readOnly && !field.disabled;
  return (element as HTMLElement).isContentEditable === true || element.closest('[contenteditable]:not([contenteditable="false"])') !== null;
}

/**
 * Whether the keys are text being written into the host page: the focus is in an editable element
 * (its innermost target, inside open shadow roots too; a key typed in a frame never reaches this
 * page's listener), and they make a character there — macOS's Option+Shift+A is "Å", a dead key
 * composes — or an input method is composing. Elsewhere Alt+Shift+A types nothing, so while writing
 * it opens the self-check, as the bound command does.
 */
export function typesText(event: KeyboardEvent): boolean {
  if (event.isComposing) return true;
  if (!isEditable(event.composedPath()[0] ?? event.target)) return false;
  return !/^[a-z]$/i.test(event.key);
}

/**
 * Takes Alt+Shift+A in the page while the browser's command has no keys (asked of the background at
 * start and whenever the tab is shown again, since the shortcut is changed on a browser page): a
 * bound command never reaches the page, and one the user moved to other keys leaves these to the
 * page. Returns the teardown.
 */
export function listenForShortcut(win: Window, onToggle: () => void, askShortcut: () => Promise<unknown>): () => void {
  // Until the background answers, as if unbound: the shortcut works from the first keypress.
  let bound = false;
  const ask = (): void => {
    askShortcut().then(
      (reply) => {
        const parsed = toggleShortcutReplySchema.safeParse(reply);
        if (parsed.success) bound = parsed.data.shortcut !== '';
      },
      () => undefined,
    );
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (bound || !isToggleShortcut(event) || typesText(event)) return;
    event.preventDefault();
    event.stopPropagation();
    onToggle();
  };
  const onVisible = (): void => {
    if (win.document.visibilityState === 'visible') ask();
  };
  ask();
  win.addEventListener('keydown', onKeyDown, true);
  win.document.addEventListener('visibilitychange', onVisible);
  return () => {
    win.removeEventListener('keydown', onKeyDown, true);
    win.document.removeEventListener('visibilitychange', onVisible);
  };
}
