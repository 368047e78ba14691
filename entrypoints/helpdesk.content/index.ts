// Content script entry: wires the controller, the dock and the line to the sidebar (through the background). Never opens IndexedDB.
import { browser } from 'wxt/browser';
import {
  adapterPicker,
  createGenericAdapter,
  firstMatch,
  HELPDESK_MATCHES,
  loadedPageTools,
  PAGE_TOOLS_FILE,
  parseRegions,
  parseSites,
  REGIONS_STORAGE_KEY,
  siteFor,
  SITES_STORAGE_KEY,
  type PageTools,
} from '@/lib/helpdesks';
import { contentStrings, LANGUAGE_STORAGE_KEY as LANGUAGE_KEY, messageFiller, sitesContentEn, sitesContentFi } from '@/lib/i18n';
import {
  dockSizeKey,
  dockWidth,
  fromBackgroundSchema,
  newSessionId,
  PAGE_PORT_PREFIX,
  toContentSchema,
  type ComposerDraft,
  type FromPage,
} from '@/lib/model';
import { openChannel, type Channel } from '@/lib/messaging';
import { startController } from './controller';
import { createBadge } from './badge';
import { trackComposer } from './composer';
import { createDock, type Dock } from './dock';
import { createRoom } from './room';
import { listenForShortcut } from './shortcut';
import { measureRead } from '@/bench/hooks';

const OPEN_KEY = 'arvio.sidebarOpen';

export default defineContentScript({
  matches: HELPDESK_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    /** Per dock: the sidebar frame's fragment and the name of this page's port (see ensureDock). */
    let session = '';
    const SIZE_KEY = dockSizeKey(location.origin);
    const stored = await browser.storage.local.get([LANGUAGE_KEY, OPEN_KEY, SITES_STORAGE_KEY, REGIONS_STORAGE_KEY, SIZE_KEY]);
    const strings = () => contentStrings(pickLanguage(stored[LANGUAGE_KEY]));
    let wantOpen = stored[OPEN_KEY] === true;
    let dock: Dock | null = null;
    /** To the sidebar of this tab: the background relays (Firefox lets a content script reach a framed extension page no other way). */
    let channel: Channel | null = null;

    const send = (message: FromPage): void => {
      channel?.post(message);
    };
    const sendState = (to: Channel | null = channel): void => {
      to?.post({ type: 'snapshot', snapshot: controller.current() } satisfies FromPage);
      to?.post({ type: 'draft', draft } satisfies FromPage);
      if (fitted) to?.post(fitted);
    };

    // Beside the helpdesk, never on top of it: the page is narrowed by the sidebar's width; where it
    // cannot be, the sidebar ends above the composer and its send button, and says so.
    const room = createRoom(document);
    let fitted: FromPage | null = null;
    let fittedKey = '';
    let width = 0;
    const fit = (): void => {
      if (!dock?.open) {
        room.release();
        width = 0;
        return;
      }
      width = dockWidth(stored[SIZE_KEY], innerWidth);
      const layout = controller.layout();
      const { by, above } = room.fit(width, layout?.main, [composerElement, layout && firstMatch(document, layout.send)?.element]);
      dock.place(width, above);
      // Told to the sidebar when it changes (kept for a sidebar that connects later).
      const key = `${by}|${above}|${innerWidth}`;
      if (key === fittedKey) return;
      fittedKey = key;
      send((fitted = { type: 'layout', room: by, shortened: above !== null, viewport: innerWidth }));
    };
    /** Once per frame, after the page's own changes (and never before the controller exists). */
    let fitFrame = 0;
    const fitSoon = (): void => {
      fitFrame ||= requestAnimationFrame(() => {
        fitFrame = 0;
        fit();
        updateBadge();
      });
    };

    /** Before the sidebar frame exists (and idempotent after); the channel reconnects by itself when the background restarts. */
    const connect = (): void => {
      channel ??= openChannel({
        connect: () => browser.runtime.connect({ name: PAGE_PORT_PREFIX + session }),
        onMessage: fromSidebar,
        // Deferred: the first connection opens while the controller is still starting (ensureDock).
        onOpen: (opened) => queueMicrotask(() => sendState(opened)),
        setTimeout: (fn, ms) => window.setTimeout(fn, ms),
        clearTimeout: (id) => window.clearTimeout(id),
        now: () => Date.now(),
      });
    };
    function fromSidebar(raw: unknown): void {
      const parsed = toContentSchema.safeParse(raw);
      if (!parsed.success) return;
      // A sidebar (re)joined after this page connected: it has nothing yet.
      if (parsed.data.type === 'attached') sendState();
      if (parsed.data.type === 'refresh') controller.refresh();
      if (parsed.data.type === 'close') setOpen(false);
      if (parsed.data.type === 'hints') {
        hintCount = parsed.data.count;
        focusCount = parsed.data.focus ?? 0;
        updateBadge();
      }
      if (parsed.data.type === 'pick') void pageTools().then(pickRegion, () => undefined);
      if (parsed.data.type === 'useSelection') {
        manual = { url: location.href.replace(/#.*$/, ''), text: window.getSelection()?.toString() ?? '' };
        controller.refresh();
      }
      if (parsed.data.type === 'reportPage') {
        // Tags and attributes only, every text masked: what a fixture needs and nothing about anyone.
        void pageTools().then(
          (tools) => send({ type: 'pageReport', url: location.origin + location.pathname, html: tools.structuralSnapshot(document.body ?? document.documentElement).slice(0, 5_000_000) }),
          () => undefined,
        );
      }
    }

    // The self-check: the draft goes to the sidebar (where the checks run), the count comes back.
    let draft: ComposerDraft | null = null;
    let composerElement: Element | null = null;
    let hintCount = 0;
    let focusCount = 0;
    const badge = createBadge(document, () => openSelfCheck());
    const updateBadge = (): void => {
      const writing = draft !== null && draft.mode === 'public' && draft.text.trim() !== '';
      if (!writing || !composerElement) {
        badge.hide();
        return;
      }
      const key = hintCount > 0 ? 'content.badge.hints' : 'content.badge.clear';
      // Kept clear of the open sidebar at the page's right edge.
      const rightEdge = window.innerWidth - width;
      const lang = pickLanguage(stored[LANGUAGE_KEY]);
      const [text, fill] = [contentStrings(lang), messageFiller(lang)];
      const label = fill(text[key], { count: hintCount }) + (focusCount > 0 ? fill(text['content.badge.focus'], { count: focusCount }) : '');
      badge.show(composerElement, hintCount, focusCount, label, rightEdge);
    };
    const tracker = trackComposer(
      (next, element) => {
        draft = next;
        composerElement = element;
        send({ type: 'draft', draft });
        updateBadge();
        fitSoon();
      },
      { setTimeout: (fn, ms) => window.setTimeout(fn, ms), clearTimeout: (id) => window.clearTimeout(id) },
    );
    const openSelfCheck = (): void => {
      setOpen(true);
      send({ type: 'show', view: 'selfcheck' });
    };
    /** The shortcut pressed while writing a reply opens the self-check rather than toggling. */
    const toggleOrSelfCheck = (): void => {
      const active = document.activeElement;
      if (composerElement && active && composerElement.contains(active) && !(dock?.open ?? false)) openSelfCheck();
      else setOpen(!(dock?.open ?? false));
    };

    const setOpen = (open: boolean, remember = true): void => {
      if (remember) {
        wantOpen = open;
        void browser.storage.local.set({ [OPEN_KEY]: open });
      }
      // A remembered choice is the user's own toggle: it takes the keyboard with it.
      ensureDock().setOpen(open, remember);
      fitSoon();
      updateBadge();
    };

    const ensureDock = (): Dock => {
      if (dock) return dock;
      // A new session for every dock, registered by this page's port before its frame loads: the background
      // serves the session to the one frame of this tab that claims it first (the dock's), and to no other.
      session = newSessionId();
      connect();
      dock = createDock(
        document,
        `${browser.runtime.getURL('/sidebar.html')}#${session}`,
        strings(),
        () => setOpen(!dock?.open),
        connect,
        (dragged, done) => {
          stored[SIZE_KEY] = { width: dragged, collapsed: false };
          fitSoon();
          // Kept (within bounds) when the drag ends; the sidebar follows the stored size.
          if (done) void browser.storage.local.set({ [SIZE_KEY]: { width: dockWidth(stored[SIZE_KEY], innerWidth), collapsed: false } });
        },
      );
      return dock;
    };

    // A user-added site runs the helpdesk the user named; a generic one reads the region picked once per site.
    const site = siteFor(location.origin, parseSites(stored[SITES_STORAGE_KEY]));
    let manual: { url: string; text: string } | null = null;
    const generic =
      site?.type === 'generic'
        ? createGenericAdapter({ region: () => parseRegions(stored[REGIONS_STORAGE_KEY])[location.origin] ?? null, manual: () => manual })
        : null;
    let stopPicking: (() => void) | null = null;
    /** The picker and the snapshot, imported on first use (they would not fit the 25 KB budget). */
    const pageTools = async (): Promise<PageTools> => {
      // A module imported from a content script runs in the content script's isolated world: the page never sees it.
      if (!loadedPageTools()) await import(/* @vite-ignore */ browser.runtime.getURL(PAGE_TOOLS_FILE));
      const tools = loadedPageTools();
      if (!tools) throw new Error('page tools unavailable');
      return tools;
    };
    const pickRegion = ({ startPicker, cssPathOf }: PageTools): void => {
      stopPicking?.();
      const reopen = dock?.open ?? false;
      // The sidebar covers the page's right edge: out of the way while picking.
      if (reopen) setOpen(false, false);
      const lang = pickLanguage(stored[LANGUAGE_KEY]);
      const done = (): void => {
        stopPicking = null;
        if (reopen) setOpen(true, false);
      };
      stopPicking = startPicker(document, {
        label: (lang === 'fi' ? sitesContentFi : sitesContentEn)['content.pick.banner'],
        ignore: (element) => element.closest('arvio-dock') !== null,
        onCancel: done,
        onPick(element) {
          manual = null;
          const regions = { ...parseRegions(stored[REGIONS_STORAGE_KEY]), [location.origin]: cssPathOf(element, document) };
          stored[REGIONS_STORAGE_KEY] = regions;
          void browser.storage.local.set({ [REGIONS_STORAGE_KEY]: regions });
          done();
          controller.refresh();
        },
      });
    };

    const controller = startController({
      doc: document,
      location: () => new URL(window.location.href),
      pickAdapter: adapterPicker(site, generic),
      publish(snapshot) {
        send({ type: 'snapshot', snapshot });
        fitSoon();
      },
      onComposer: (composer) => tracker.follow(composer),
      onTicketPresence(present) {
        if (present) {
          ensureDock().setOpen(wantOpen);
          fitSoon();
          return;
        }
        // Nothing of Arvio on a page that is not a ticket; the open/closed choice is kept for the next one.
        dock?.destroy();
        dock = null;
        fitSoon();
        channel?.close();
        channel = null;
      },
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (id) => window.clearTimeout(id),
      measured: import.meta.env.ARVIO_BENCH ? measureRead : undefined,
    });

    const onMessage = (raw: unknown): undefined => {
      const parsed = fromBackgroundSchema.safeParse(raw);
      if (parsed.success && parsed.data.type === 'toggle') toggleOrSelfCheck();
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);

    // The same shortcut inside the page, for when the browser has not bound the command (a conflict, or a
    // profile where the suggested key was not applied). A bound command never reaches the page.
    const stopShortcut = listenForShortcut(window, toggleOrSelfCheck);
    window.addEventListener('resize', fitSoon);

    const onStorage = (changes: Record<string, { newValue?: unknown }>): void => {
      const lang = changes[LANGUAGE_KEY];
      if (lang) {
        stored[LANGUAGE_KEY] = lang.newValue;
        dock?.setStrings(strings());
      }
      // The sidebar was resized or collapsed (the sidebar page keeps the size).
      if (SIZE_KEY in changes) {
        stored[SIZE_KEY] = changes[SIZE_KEY]?.newValue;
        fitSoon();
      }
      const regions = changes[REGIONS_STORAGE_KEY];
      if (regions && generic) {
        // Picked in another tab of the same site: this one follows.
        stored[REGIONS_STORAGE_KEY] = regions.newValue;
        controller.refresh();
      }
    };
    browser.storage.onChanged.addListener(onStorage);

    ctx.onInvalidated(() => {
      stopPicking?.();
      controller.destroy();
      tracker.destroy();
      badge.destroy();
      browser.runtime.onMessage.removeListener(onMessage);
      stopShortcut();
      window.removeEventListener('resize', fitSoon);
      cancelAnimationFrame(fitFrame);
      room.release();
      browser.storage.onChanged.removeListener(onStorage);
      channel?.close();
      dock?.destroy();
    });
  },
});

function pickLanguage(preference: unknown): 'fi' | 'en' {
  if (preference === 'fi' || preference === 'en') return preference;
  return navigator.language.toLowerCase().startsWith('fi') ? 'fi' : 'en';
}
