// Background worker: the database service for framed pages, the relay between pages and their sidebars, the keyboard command and the sync schedule. Listeners are registered synchronously.
import { browser } from 'wxt/browser';
import type { FromBackground } from '@/lib/model';
import { DB_REQUEST, handleDbRequest, refuseDbRequest, servesCaller, watchWaitingBadge } from '@/lib/service';
import { createRelay } from '@/lib/messaging';
import { db, ensureBuiltInScorecards, ensureRollupShape, mirrorSites, requestPersistence } from '@/lib/db';
import { ensureSyncAlarm, isSyncAlarm, runScheduledSync, syncSoon } from '@/lib/sync';
import { parseSites, SITES_STORAGE_KEY, syncSiteScripts } from '@/lib/helpdesks';

async function toggleSidebarInActiveTab(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) return;
  const message: FromBackground = { type: 'toggle' };
  // A tab without our content script has no receiver; that is not an error worth surfacing.
  await browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
}

/** Content script ↔ sidebar of the same tab: a framed sidebar in Firefox reaches its page (and hears of changes) only through here. */
const relay = createRelay({
  sidebarUrl: () => browser.runtime.getURL('/sidebar.html'),
  openOptions: () => void browser.runtime.openOptionsPage().catch(() => undefined),
});

function broadcastChange(): void {
  // Every tab's sidebar refreshes what it shows (over its port: a runtime broadcast never reaches a framed page in Firefox).
  relay.changed();
}

function announceChange(): void {
  broadcastChange();
  void syncSoon().catch(() => undefined);
}

async function syncAndAnnounce(force: boolean): Promise<void> {
  const outcome = await runScheduledSync(force);
  if (outcome.result === 'ok' || outcome.result === 'failed') broadcastChange();
}

/** Self-hosted sites: content scripts registered for the granted site hosts; serialised, since events come in bursts. */
let siteSync: Promise<unknown> = Promise.resolve();
function syncSites(fromTable = false): void {
  siteSync = siteSync
    .then(async () => {
      // On startup the table is the truth (storage.local may have been cleared); otherwise its mirror is.
      const sites = fromTable ? await mirrorSites() : parseSites((await browser.storage.local.get(SITES_STORAGE_KEY))[SITES_STORAGE_KEY]);
      await syncSiteScripts(
        {
          getRegisteredContentScripts: () => browser.scripting.getRegisteredContentScripts(),
          registerContentScripts: (scripts) => browser.scripting.registerContentScripts(scripts),
          unregisterContentScripts: (filter) => browser.scripting.unregisterContentScripts(filter),
          hasHostPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
          staticMatches: (browser.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []),
        },
        sites,
      );
    })
    .catch(() => undefined);
}

export default defineBackground(() => {
  browser.commands.onCommand.addListener((command) => {
    if (command === 'toggle-sidebar') void toggleSidebarInActiveTab();
  });

  browser.runtime.onConnect.addListener((port) => void relay.accept(port));

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (reply: unknown) => void) => {
    // A sidebar frame is served only when Arvio's own content script docked it in its tab (any page can frame sidebar.html).
    const served = servesCaller(sender, {
      extensionUrl: browser.runtime.getURL('/'),
      sidebarUrl: browser.runtime.getURL('/sidebar.html'),
      docked: (caller) => relay.docked(caller),
    });
    const pending = served ? handleDbRequest(message, announceChange) : Promise.resolve(refuseDbRequest(message));
    void pending.then((reply) => {
      if (reply) sendResponse(reply);
    });
    // Keep the channel open only for our own requests; others are answered elsewhere or not at all.
    return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === DB_REQUEST
      ? true
      : undefined;
  });

  // Firefox's background page can ask for persistent storage; Chrome's worker only reads it (the
  // unlimitedStorage permission is what keeps the data there). The options page shows the outcome.
  const persist = (): void => void requestPersistence(globalThis.navigator?.storage).catch(() => false);
  // The dashboard's rollups count periods in the browser's time zone: an update or a start in another
  // zone rebuilds them here, before a page asks (the pages that read them make sure too).
  const rollups = (): void => void ensureRollupShape(db()).catch(() => undefined);
  browser.runtime.onInstalled.addListener(() => {
    void ensureBuiltInScorecards();
    syncSites(true);
    persist();
    rollups();
  });
  browser.runtime.onStartup.addListener(() => {
    syncSites(true);
    persist();
    rollups();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SITES_STORAGE_KEY in changes) syncSites();
  });
  browser.permissions.onAdded.addListener(() => syncSites());
  browser.permissions.onRemoved.addListener(() => syncSites());

  browser.alarms.onAlarm.addListener((alarm) => {
    if (isSyncAlarm(alarm.name)) void syncAndAnnounce(false).catch(() => undefined);
  });
  globalThis.addEventListener('online', () => void syncSoon(0).catch(() => undefined));
  void ensureSyncAlarm().catch(() => undefined);
  // The toolbar icon's "waiting for you" count follows the data for as long as the worker runs.
  watchWaitingBadge(browser.action);
});
