/**
 * The page side's storage access: plain `browser.storage.local` reads of the same keys that the WXT items in
 * items.ts use (`settings.<key>`), without WXT's storage module (about 9 KB the content script does not need).
 * Read only: page-side scripts run inside pages the extension does not control, so they write no settings and
 * never read the dismissal secret; the background writes (background/exam-dismissal.ts, settings/items.ts).
 * tests/settings/raw.test.ts checks that this side reads what the items write.
 */
import { browser } from 'wxt/browser';
import { REPAIR, type SettingKey, type Settings } from './schema';

export const storageKey = (key: SettingKey): string => `settings.${key}`;

/**
 * Read and repair some settings with one storage call. Unreadable storage → defaults. A value that needed repair
 * is used repaired, silently (the options page reports it; nothing is logged in the page's console).
 */
export async function readSettings<K extends SettingKey>(keys: readonly K[]): Promise<Pick<Settings, K>> {
  let got: Record<string, unknown> = {};
  try {
    got = await browser.storage.local.get(keys.map(storageKey));
  } catch {
    // Storage unavailable (extension reloading under the page): defaults for this read.
  }
  const out = {} as Pick<Settings, K>;
  for (const key of keys) out[key] = REPAIR[key](got[storageKey(key)]).value as Settings[K];
  return out;
}

/** Call `cb` when any of these settings changes in storage.local. Returns the unwatch function. */
export function watchSettingsRaw(keys: readonly SettingKey[], cb: () => void): () => void {
  const watched = new Set(keys.map(storageKey));
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.keys(changes).some((k) => watched.has(k))) cb();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
