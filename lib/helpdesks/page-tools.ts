// The content script's rarely used tools (region picker, path of an element, anonymised snapshot), loaded on demand.
//
// They live in a second script (entrypoints/page-tools.content.ts, never in the manifest) that
// helpdesk.js imports with import() on first use. A module imported by a content script runs in the
// content script's isolated world, so it hands the tools over on a global the host page cannot see.
// This keeps helpdesk.js within 25 KB. (scripting.executeScript would need host permissions that
// static content-script matches do not give.)
import type { cssPathOf } from './generic/adapter';
import type { startPicker } from './generic/picker';
import type { structuralSnapshot } from './snapshot';

export interface PageTools {
  startPicker: typeof startPicker;
  cssPathOf: typeof cssPathOf;
  structuralSnapshot: typeof structuralSnapshot;
}

export const PAGE_TOOLS_GLOBAL = '__arvioPageTools';
/** The built file of entrypoints/page-tools.content.ts. */
export const PAGE_TOOLS_FILE = '/content-scripts/page-tools.js';

export function loadedPageTools(): PageTools | null {
  return ((globalThis as Record<string, unknown>)[PAGE_TOOLS_GLOBAL] as PageTools | undefined) ?? null;
}
