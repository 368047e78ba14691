// Reading and writing the user's settings; the language is mirrored to storage.local for the content script.
import { browser } from 'wxt/browser';
import { defaultSettings, settingsSchema, type Identity, type Settings } from '../model';
import { db } from './database';
import { LANGUAGE_STORAGE_KEY } from '../i18n';

export { LANGUAGE_STORAGE_KEY };

const KEY = 'settings';

export async function getSettings(): Promise<Settings> {
  const row = await db().settings.get(KEY);
  const parsed = settingsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : defaultSettings;
}

export async function saveSettings(settings: Settings): Promise<void> {
  const valid = settingsSchema.parse(settings);
  await db().settings.put({ key: KEY, value: valid });
  // The content script never opens IndexedDB; it reads only this one preference.
  await browser.storage.local.set({ [LANGUAGE_STORAGE_KEY]: valid.language });
}

/** The reviewer's name and e-mail alone (the sidebar's first-run card), keeping every other setting. */
export async function saveIdentity(identity: Identity): Promise<void> {
  await saveSettings({ ...(await getSettings()), identity });
}
