// Room for the open sidebar: the helpdesk's main container (its adapter names it), else the whole page, is narrowed so the sidebar sits beside it.
import { firstMatch } from '@/lib/helpdesks';

export interface Fit {
  /** What was narrowed: the adapter's main container, or the page (the generic fallback). */
  by: 'helpdesk' | 'page';
  /** Where the page could not make room: the top of the composer or its send button, which the sidebar must end above. */
  above: number | null;
}

export interface Room {
  /** Narrows the page for a sidebar `width` px wide at the right edge; `guarded` must stay uncovered. */
  fit(width: number, main: readonly string[] | undefined, guarded: readonly (Element | null | undefined)[]): Fit;
  release(): void;
}

export function createRoom(doc: Document): Room {
  let narrowed: HTMLElement | null = null;
  /** The narrowed element's own inline max-width, put back on release (a page the generic fallback narrows may set one). */
  let own = { value: '', priority: '' };

  const release = (): void => {
    if (narrowed && own.value) narrowed.style.setProperty('max-width', own.value, own.priority);
    else narrowed?.style.removeProperty('max-width');
    narrowed = null;
  };

  return {
    fit(width, main, guarded) {
      const found = main ? (firstMatch(doc, main)?.element as HTMLElement | undefined) : undefined;
      const target = found ?? doc.documentElement;
      if (target !== narrowed) {
        release();
        own = { value: target.style.getPropertyValue('max-width'), priority: target.style.getPropertyPriority('max-width') };
      }
      narrowed = target;
      // The sidebar is fixed to the viewport's right edge (left of any page scrollbar).
      const edge = doc.documentElement.clientWidth - width;
      target.style.setProperty('max-width', `${Math.max(0, edge - Math.max(0, target.getBoundingClientRect().left))}px`, 'important');
      let above: number | null = null;
      for (const element of guarded) {
        const rect = element?.getBoundingClientRect();
        if (rect && rect.width > 0 && rect.right > edge + 0.5) above = Math.max(0, Math.min(above ?? rect.top, rect.top));
      }
      return { by: found ? 'helpdesk' : 'page', above };
    },
    release,
  };
}
