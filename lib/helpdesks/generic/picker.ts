// "Pick the conversation": hover highlights a region, click (or Enter) picks it, ↑/↓ widen or narrow, Esc cancels.

export interface PickerOptions {
  /** One line telling the user what to do, shown in a banner while picking. */
  label: string;
  onPick(element: Element): void;
  onCancel(): void;
  /** Elements that are ours (the dock): never highlighted or picked. */
  ignore(element: Element): boolean;
}

const OUTLINE = 'position:fixed;pointer-events:none;z-index:2147483645;border:2px solid #1f7a5c;background:rgba(31,122,92,.12);border-radius:3px;display:none;';
const BANNER =
  'position:fixed;left:50%;top:8px;transform:translateX(-50%);z-index:2147483646;pointer-events:none;background:#1f5f4a;color:#fff;font:600 14px/1.4 system-ui,sans-serif;padding:8px 14px;border-radius:6px;box-shadow:0 2px 8px rgba(0,0,0,.25);';

/** Starts picking; returns a stop function (also called on pick and cancel). */
export function startPicker(doc: Document, options: PickerOptions): () => void {
  const view = doc.defaultView;
  const host = doc.createElement('arvio-picker');
  const shadow = host.attachShadow({ mode: 'open' });
  const outline = doc.createElement('div');
  outline.setAttribute('style', OUTLINE);
  const banner = doc.createElement('div');
  banner.setAttribute('style', BANNER);
  banner.setAttribute('role', 'status');
  banner.textContent = options.label;
  shadow.append(outline, banner);
  // Outside <body>: a page observer watching the body does not see the picker come and go.
  doc.documentElement.append(host);

  let current: Element | null = null;
  const usable = (element: Element | null): element is Element =>
    element !== null && element !== host && element !== doc.documentElement && element !== doc.body && !options.ignore(element);

  const show = (element: Element | null): void => {
    current = element;
    if (!element) {
      outline.style.display = 'none';
      return;
    }
    const box = element.getBoundingClientRect();
    outline.style.display = 'block';
    outline.style.left = `${box.left}px`;
    outline.style.top = `${box.top}px`;
    outline.style.width = `${box.width}px`;
    outline.style.height = `${box.height}px`;
  };

  const targetOf = (event: Event): Element | null => {
    const target = event.target;
    return target instanceof Element && usable(target) ? target : null;
  };

  const onMove = (event: MouseEvent): void => {
    const target = targetOf(event);
    if (target && target !== current) show(target);
  };
  const swallow = (event: Event): void => {
    if (!targetOf(event)) return;
    event.preventDefault();
    event.stopPropagation();
  };
  const onClick = (event: MouseEvent): void => {
    const target = targetOf(event);
    if (!target) return;
    event.preventDefault();
    event.stopPropagation();
    // The outlined element wins over the clicked one: ↑ may have widened the choice.
    const picked = current && current.contains(target) ? current : target;
    stop();
    options.onPick(picked);
  };
  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      stop();
      options.onCancel();
      return;
    }
    if (event.key === 'ArrowUp' && current?.parentElement && usable(current.parentElement)) {
      event.preventDefault();
      show(current.parentElement);
    } else if (event.key === 'ArrowDown' && current?.firstElementChild) {
      event.preventDefault();
      show(current.firstElementChild);
    } else if (event.key === 'Enter' && current) {
      event.preventDefault();
      const picked = current;
      stop();
      options.onPick(picked);
    }
  };

  view?.addEventListener('mousemove', onMove, true);
  view?.addEventListener('mousedown', swallow, true);
  view?.addEventListener('mouseup', swallow, true);
  view?.addEventListener('click', onClick, true);
  view?.addEventListener('keydown', onKey, true);
  // Keyboard users start from the main content: ↑/↓ then move from there.
  show(doc.querySelector('main, [role="main"]') ?? doc.body?.firstElementChild ?? null);

  let stopped = false;
  function stop(): void {
    if (stopped) return;
    stopped = true;
    view?.removeEventListener('mousemove', onMove, true);
    view?.removeEventListener('mousedown', swallow, true);
    view?.removeEventListener('mouseup', swallow, true);
    view?.removeEventListener('click', onClick, true);
    view?.removeEventListener('keydown', onKey, true);
    host.remove();
  }
  return stop;
}
