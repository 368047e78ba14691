// Self-hosted helpdesk sites and "report this page" snapshots, kept in the settings table; sites mirrored to storage.local.
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { normaliseOrigin, REGIONS_STORAGE_KEY, SITE_TYPES, SITES_STORAGE_KEY, type Site } from '../helpdesks';
import { db, type ArvioDb } from './database';

const SITES_KEY = 'sites';
const REPORT_PREFIX = 'pageReport:';
/** Reports kept; older ones go (they are for turning into fixtures, not an archive). */
const MAX_REPORTS = 20;

export const siteSchema = z.object({
  origin: z
    .string()
    .max(300)
    .transform((value, ctx) => {
      const origin = normaliseOrigin(value);
      if (!origin) {
        ctx.addIssue({ code: 'custom', message: 'an http(s) address is needed' });
        return z.NEVER;
      }
      return origin;
    }),
  type: z.enum(SITE_TYPES),
});

const storedSitesSchema = z.array(z.object({ origin: z.string(), type: z.enum(SITE_TYPES), addedAt: z.string().optional() })).max(200);

export async function listSites(database: ArvioDb = db()): Promise<Site[]> {
  const parsed = storedSitesSchema.safeParse((await database.settings.get(SITES_KEY))?.value);
  return parsed.success ? parsed.data.map(({ origin, type }) => ({ origin, type })) : [];
}

async function mirror(sites: Site[]): Promise<void> {
  // The content script (which site is which helpdesk) and the background (registration) read this copy.
  await browser.storage.local.set({ [SITES_STORAGE_KEY]: sites });
}

/** Adds or updates a site (one entry per origin); validates the input and returns the stored form. */
export async function saveSite(input: { origin: string; type: string }, database: ArvioDb = db()): Promise<Site> {
  const site = siteSchema.parse(input);
  const sites = (await listSites(database)).filter((existing) => existing.origin !== site.origin);
  sites.push(site);
  await database.settings.put({ key: SITES_KEY, value: sites.map((s) => ({ ...s, addedAt: new Date().toISOString() })) });
  await mirror(sites);
  return site;
}

/** Removes a site and the conversation region picked on it. */
export async function removeSite(origin: string, database: ArvioDb = db()): Promise<Site[]> {
  const sites = (await listSites(database)).filter((site) => site.origin !== origin);
  await database.settings.put({ key: SITES_KEY, value: sites });
  await mirror(sites);
  const stored = await browser.storage.local.get(REGIONS_STORAGE_KEY);
  const regions = { ...((stored[REGIONS_STORAGE_KEY] as Record<string, string> | undefined) ?? {}) };
  if (origin in regions) {
    delete regions[origin];
    await browser.storage.local.set({ [REGIONS_STORAGE_KEY]: regions });
  }
  return sites;
}

/** Writes the storage.local copy again from the table (on startup: the table is the truth). */
export async function mirrorSites(database: ArvioDb = db()): Promise<Site[]> {
  const sites = await listSites(database);
  await mirror(sites);
  return sites;
}

export const pageReportSchema = z.object({
  /** The page's origin and path (no query): where the fixture's url.txt points. */
  url: z.string().max(2000),
  helpdesk: z.string().max(40),
  /** structuralSnapshot() of the page: tags and attributes, text masked. */
  html: z.string().max(5_000_000),
  diagnostics: z.object({ matched: z.record(z.string(), z.string()), counts: z.record(z.string(), z.number()), notes: z.array(z.string()) }),
});
export type PageReport = z.infer<typeof pageReportSchema>;

/** Saves an anonymised page snapshot for turning into a fixture; keeps the newest MAX_REPORTS. */
export async function savePageReport(report: PageReport, database: ArvioDb = db()): Promise<string> {
  const valid = pageReportSchema.parse(report);
  const at = new Date().toISOString();
  const key = `${REPORT_PREFIX}${at}`;
  await database.transaction('rw', database.settings, async () => {
    await database.settings.put({ key, value: { ...valid, at } });
    const keys = (await database.settings.where('key').startsWith(REPORT_PREFIX).primaryKeys()).sort();
    if (keys.length > MAX_REPORTS) await database.settings.bulkDelete(keys.slice(0, keys.length - MAX_REPORTS));
  });
  return key;
}

export async function listPageReports(database: ArvioDb = db()): Promise<Array<PageReport & { key: string; at: string }>> {
  const rows = await database.settings.where('key').startsWith(REPORT_PREFIX).toArray();
  return rows
    .map((row) => {
      const parsed = pageReportSchema.extend({ at: z.string() }).safeParse(row.value);
      return parsed.success ? { ...parsed.data, key: row.key } : null;
    })
    .filter((row): row is PageReport & { key: string; at: string } => row !== null)
    .reverse();
}

export async function deletePageReport(key: string, database: ArvioDb = db()): Promise<void> {
  if (key.startsWith(REPORT_PREFIX)) await database.settings.delete(key);
}
