// Background worker: keyboard command → the active tab's sidebar. Listeners are registered synchronously.
import { browser } from 'wxt/browser';
import type { FromBackground } from '@/lib/model/commands';

export async function toggleSidebarInActiveTab(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) return;
  const message: FromBackground = { type: 'toggle' };
  // A tab without our content script has no receiver; that is not an error worth surfacing.
  await browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
}

export default defineBackground(() => {
  browser.commands.onCommand.addListener((command) => {
    if (command === 'toggle-sidebar') void toggleSidebarInActiveTab();
  });
});
