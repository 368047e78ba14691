// The toggle shortcut inside the page, for when the browser has not bound the command (a conflict, or a profile where the suggested key was not applied).
import { isToggleShortcut } from '@/lib/model';

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
 * Takes Alt+Shift+A in the page, but for text being typed (typesText). A bound command never reaches
 * the page, so this acts only where the browser left the command without keys. Returns the teardown.
 */
export function listenForShortcut(win: Window, onToggle: () => void): () => void {
  const onKeyDown = (event: KeyboardEvent): void => {
    if (!isToggleShortcut(event) || typesText(event)) return;
    event.preventDefault();
    event.stopPropagation();
    onToggle();
  };
  win.addEventListener('keydown', onKeyDown, true);
  return () => win.removeEventListener('keydown', onKeyDown, true);
}
