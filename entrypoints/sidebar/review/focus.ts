// Where the keyboard lands when the sidebar is opened: on the one thing to do next, not on the page's top.

/**
 * Focuses `target()` now if the sidebar has the keyboard, and whenever it gets it (opened by
 * Alt+Shift+A or the toggle) while nothing in it is focused. Never while the sidebar is not focused:
 * the agent may be typing in the helpdesk, and a focus() here would pull the keyboard away.
 */
export function takeFocusWhenShown(target: () => HTMLElement | null): () => void {
  const take = (): void => {
    const active = document.activeElement;
    if (document.hasFocus() && (!active || active === document.body)) target()?.focus();
  };
  // After the focus event is done: a click that brought the keyboard here focuses what it clicked.
  const later = (): void => void setTimeout(take, 0);
  take();
  window.addEventListener('focus', later);
  return () => window.removeEventListener('focus', later);
}
