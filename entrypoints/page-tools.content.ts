// Imported on demand by helpdesk.js (see lib/helpdesks/page-tools.ts): hands it the picker and the snapshot.
import { cssPathOf } from '@/lib/helpdesks/generic/adapter';
import { startPicker } from '@/lib/helpdesks/generic/picker';
import { PAGE_TOOLS_GLOBAL, type PageTools } from '@/lib/helpdesks/page-tools';
import { structuralSnapshot } from '@/lib/helpdesks/snapshot';

export default defineContentScript({
  // Never in the manifest: helpdesk.js imports it (a web-accessible file) when the user picks or reports.
  registration: 'runtime',
  matches: [],
  main() {
    const tools: PageTools = { startPicker, cssPathOf, structuralSnapshot };
    (globalThis as Record<string, unknown>)[PAGE_TOOLS_GLOBAL] = tools;
  },
});
