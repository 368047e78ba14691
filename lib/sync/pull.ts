// Pull: pages fetched by checkpoint, parsed with their kind's schema while earlier ones are written.
import { bulkParser, isKindName, kindNames, kindOf, type BulkParse, type PullResponse, type ServerDoc, type SyncCollection } from '../model';
import { countNew, hasRollups, type RollupDelta } from '../db';
import { stateKey } from './checkpoint';
import type { LocalDoc } from './local';

/** A pulled document this version can read, parsed before its transaction opens. */
export interface PulledDoc {
  collection: SyncCollection;
  id: string;
  key: string;
  revision: number;
  seq: number;
  /** As parsed: also what a conflict keeps as theirs (the server's text is let go at once). */
  doc: LocalDoc;
}


/**
 * Parses pulled docs by their collection (lib/model/bulk.ts). A doc this version cannot read (a kind it
 * does not know, a field it does not have) is left on the server rather than stored half-understood: a
 * later release pulls it again (./access.ts). Pure, so it runs while the previous page is written.
 */
export function readPulled(docs: readonly ServerDoc[], parse: BulkParse): PulledDoc[] {
  const out: PulledDoc[] = [];
  for (const d of docs) {
    if (!isKindName(d.collection)) continue;
    const parsed = parse(d.collection, d.doc);
    if (!parsed.success) continue;
    const doc = parsed.data;
    if (kindOf(d.collection).syncId(doc) !== d.id) continue;
    out.push({ collection: d.collection, id: d.id, key: stateKey(d.collection, d.id), revision: d.revision, seq: d.seq, doc });
  }
  return out;
}

/**
 * The rollup cells of pulled docs as if each one were new, summed. Computed as a page arrives
 * (while the batch before it is written), so a transaction reads the rows they touch with its first
 * reads instead of behind the reviews' writes; applyPulledDocs takes out what does not apply.
 */
export function pulledCells(docs: readonly PulledDoc[], into = new Map<string, RollupDelta>()): Map<string, RollupDelta> {
  for (const kind of kindNames.filter(hasRollups)) countNew(kind, docsOf(docs, kind), into);
  return into;
}

/** The docs of one kind among pulled docs. */
export function docsOf(docs: readonly PulledDoc[], kind: SyncCollection): LocalDoc[] {
  return docs.filter((p) => p.collection === kind).map((p) => p.doc);
}

export interface FetchedPage {
  docs: PulledDoc[];
  /** Pages follow this one. */
  more: boolean;
  /** pulledCells(docs) */
  cells: Map<string, RollupDelta>;
  checkpoint: number;
  /** Docs of the page this release could not read (readPulled). */
  skipped: number;
  /**
   * What the buffer bound and a transaction's size count: the docs as sent (before unreadable ones
   * were dropped), or one per TYPICAL_DOC_LENGTH of the answer when that is more, so that pages of
   * big documents (up to 4 MiB each) are held and written a few at a time, not 10,000 docs' worth.
   */
  size: number;
}

/** About a review's JSON: a page of typical docs weighs its count; one of big docs, its length. */
export const TYPICAL_DOC_LENGTH = 2048;

/** A fetched page: its docs and the length of the answer as received. */
export interface SizedPage {
  page: PullResponse;
  length: number;
}

/**
 * Fetches pages one after another (each from the previous checkpoint, the next asked for while this
 * one is parsed) and parses them while earlier ones are written, holding at most `ahead` docs not yet
 * taken (by weight: see FetchedPage.size; and one page under way). `take` hands over every page that has arrived (at least one, at
 * most `limit` docs unless one page is bigger), or null at the end; a failed fetch is thrown after
 * the pages before it have been taken. `seen` collects the state key of every doc the server sent,
 * readable here or not (a reconciling pull: ./access.ts).
 */
export function pageFeed(fetchPage: (since: number, first: boolean) => Promise<SizedPage>, since: number, ahead: number, seen?: Set<string>) {
  const ready: FetchedPage[] = [];
  let failure: unknown = null;
  let finished = false;
  let stopped = false;
  let wakeTaker = () => {};
  let wakeFetcher = () => {};
  const buffered = () => ready.reduce((n, page) => n + page.size, 0);
  void (async () => {
    // One request is always under way: the next page is asked for as soon as the checkpoint is
    // known, and this one is parsed while the server prepares it.
    let next: Promise<SizedPage> | null = fetchPage(since, true);
    next.catch(() => undefined); // awaited below; a failure is taken from there
    try {
      const parse = await bulkParser();
      while (next) {
        while (!stopped && buffered() >= ahead) await new Promise<void>((resolve) => (wakeFetcher = resolve));
        if (stopped) return;
        const { page, length }: SizedPage = await next;
        if (stopped) return;
        next = page.more && page.docs.length > 0 ? fetchPage(page.checkpoint, false) : null;
        next?.catch(() => undefined);
        if (seen) for (const d of page.docs) if (isKindName(d.collection)) seen.add(stateKey(d.collection, d.id));
        const docs = readPulled(page.docs, parse);
        const size = Math.max(page.docs.length, Math.ceil(length / TYPICAL_DOC_LENGTH));
        ready.push({ docs, more: next !== null, cells: pulledCells(docs), checkpoint: page.checkpoint, skipped: page.docs.length - docs.length, size });
        wakeTaker();
      }
    } catch (error) {
      failure = error;
    } finally {
      finished = true;
      wakeTaker();
    }
  })();
  return {
    async take(limit: number): Promise<FetchedPage[] | null> {
      while (ready.length === 0 && !finished) await new Promise<void>((resolve) => (wakeTaker = resolve));
      if (ready.length === 0) {
        if (failure !== null) throw failure;
        return null;
      }
      let count = 1;
      let size = ready[0]!.size;
      while (count < ready.length && size + ready[count]!.size <= limit) size += ready[count++]!.size;
      const taken = ready.splice(0, count);
      wakeFetcher();
      return taken;
    },
    /** No further fetches; one under way is let finish and dropped. */
    stop(): void {
      stopped = true;
      wakeFetcher();
    },
  };
}
