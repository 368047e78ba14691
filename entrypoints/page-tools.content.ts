// Imported on demand by helpdesk.js (see lib/helpdesks/page-tools.ts): hands it the picker and the snapshot.
import { cssPathOf, PAGE_TOOLS_GLOBAL, startPicker, structuralSnapshot, type PageTools } from '@/lib/helpdesks';

export default defineContentScript({
  // Never in the manifest: helpdesk.js imports it (a web-accessible file) when the user picks or reports.
  registration: 'runtime',
  matches: [],
  main() {
    const tools: PageTools = { startPicker, cssPathOf, structuralSnapshot };
    (globalThis as Record<string, unknown>)[PAGE_TOOLS_GLOBAL] = tools;
  },
});
