/**
 * The page side's storage access: plain `browser.storage.local` reads and writes of the same keys
 * and version metadata that the WXT items in items.ts use (`settings.<key>` and `settings.<key>$`
 * → `{ v }`), without WXT's storage module (about 9 KB the content script does not need).
 * tests/settings/raw.test.ts checks that both sides read each other's writes.
 */
import { browser } from 'wxt/browser';
import { versionOf } from './migrations';
import { REPAIR, type SettingKey, type Settings } from './schema';

export const storageKey = (key: SettingKey): string => `settings.${key}`;

/** Read and repair some settings with one storage call. Unreadable storage → defaults. */
export async function readSettings<K extends SettingKey>(keys: readonly K[]): Promise<Pick<Settings, K>> {
  let got: Record<string, unknown> = {};
  try {
    got = await browser.storage.local.get(keys.map(storageKey));
  } catch {
    // Storage unavailable (extension reloading under the page): defaults for this read.
  }
  const out = {} as Pick<Settings, K>;
  for (const key of keys) {
    const repaired = REPAIR[key](got[storageKey(key)]);
    if (repaired.issues.length) console.warn(`Image Gently settings: ${repaired.issues.join('; ')}`);
    out[key] = repaired.value as Settings[K];
  }
  return out;
}

/** Validate and write one setting; throws (and writes nothing) when the value is invalid. */
export async function writeSettingRaw<K extends SettingKey>(key: K, value: Settings[K]): Promise<void> {
  const checked = REPAIR[key](value);
  if (checked.issues.length) throw new Error(checked.issues.join('; '));
  const version = versionOf(key);
  await browser.storage.local.set({
    [storageKey(key)]: checked.value,
    // Same metadata WXT keeps for versioned items, so a later migration knows this value is current.
    ...(version > 1 ? { [`${storageKey(key)}$`]: { v: version } } : {}),
  });
}

/** Read, change and write one setting. Not atomic across contexts (last write wins). */
export async function updateSettingRaw<K extends SettingKey>(
  key: K,
  change: (current: Settings[K]) => Settings[K],
): Promise<void> {
  const current = (await readSettings([key]))[key];
  await writeSettingRaw(key, change(current));
}

const SECRET_KEY = 'settings.dismissalSecret';

/**
 * Per-install random key (64 hex digits) for the panel's keyed dismissal hashes, created on
 * first use. Never exported with the settings. (Two contexts creating it at the same instant
 * could each see their own; the loser's dismissals would simply not match: harmless.)
 */
export async function getDismissalSecret(): Promise<string> {
  const stored = (await browser.storage.local.get(SECRET_KEY))[SECRET_KEY];
  if (typeof stored === 'string' && /^[0-9a-f]{64}$/.test(stored)) return stored;
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const secret = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  await browser.storage.local.set({ [SECRET_KEY]: secret });
  return secret;
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
