/**
 * Settings storage: one WXT storage item per setting (so one unreadable value never touches the
 * others), versioned with the migrations in migrations.ts, validated by zod on every read.
 *
 * All in `storage.local`: nothing here is synced to a browser account (site origins of a hospital
 * network are not the browser vendor's business). Nothing identifying is stored: dismissals are
 * keyed hashes, sites are origins.
 */
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { MIGRATIONS, versionOf } from './migrations';
import { storageKey } from './raw';
import { REPAIR, repairSettings, type Repaired, type SettingKey, type Settings } from './schema';

export const SETTING_KEYS = Object.keys(REPAIR) as SettingKey[];

type RawItem = WxtStorageItem<unknown, Record<string, unknown>>;

function defineSettingItem(key: SettingKey): RawItem {
  const migrations = MIGRATIONS[key];
  // Items without migrations are defined without the option, so importing this module (the
  // content script does) costs no storage reads until a value is actually wanted.
  return storage.defineItem<unknown>(
    `local:${storageKey(key)}`,
    migrations && Object.keys(migrations).length
      ? { version: versionOf(key), migrations }
      : {},
  ) as RawItem;
}

/** The raw storage items, keyed by setting. Read through `readSetting`, never `getValue` directly. */
export const settingItems: { readonly [K in SettingKey]: RawItem } = Object.fromEntries(
  SETTING_KEYS.map((key) => [key, defineSettingItem(key)]),
) as { [K in SettingKey]: RawItem };

function report(issues: string[]): void {
  // Settings values only (no page data): safe to log, and useful to whoever supports the install.
  for (const issue of issues) console.warn(`Image Gently settings: ${issue}`);
}

/** Read one setting; an unreadable value gives its default (and a warning), never an error. */
export async function readSetting<K extends SettingKey>(key: K): Promise<Settings[K]> {
  return (await readSettingChecked(key)).value;
}

export async function readSettingChecked<K extends SettingKey>(key: K): Promise<Repaired<Settings[K]>> {
  let raw: unknown;
  try {
    raw = await settingItems[key].getValue();
  } catch (error) {
    const issues = [`${key}: could not be read (${error instanceof Error ? error.message : 'storage error'}); using the default`];
    report(issues);
    return { value: REPAIR[key](undefined).value, issues };
  }
  const repaired = REPAIR[key](raw);
  report(repaired.issues);
  return repaired;
}

/** Read every user setting (policy not applied: see `getEffectiveSettings` in settings/index.ts). */
export async function readUserSettings(): Promise<Repaired<Settings>> {
  const raws = await Promise.all(
    SETTING_KEYS.map(async (key) => {
      try {
        return [key, await settingItems[key].getValue()] as const;
      } catch {
        return [key, undefined] as const;
      }
    }),
  );
  const repaired = repairSettings(Object.fromEntries(raws));
  report(repaired.issues);
  return repaired;
}

export class InvalidSettingError extends Error {
  constructor(readonly issues: string[]) {
    super(issues.join('; '));
    this.name = 'InvalidSettingError';
  }
}

/**
 * Write one setting. The value is validated first; an invalid value is not written (the stored
 * one is kept) and `InvalidSettingError` says why.
 */
export async function writeSetting<K extends SettingKey>(key: K, value: Settings[K]): Promise<void> {
  const checked = REPAIR[key](value);
  if (checked.issues.length) throw new InvalidSettingError(checked.issues);
  await settingItems[key].setValue(checked.value);
}

/** Read, change and write one setting (e.g. add a dismissal). Not atomic across contexts. */
export async function updateSetting<K extends SettingKey>(
  key: K,
  change: (current: Settings[K]) => Settings[K],
): Promise<Settings[K]> {
  const next = change(await readSetting(key));
  await writeSetting(key, next);
  return next;
}

/** Watch one setting; the callback gets the repaired value. Returns the unwatch function. */
export function watchSetting<K extends SettingKey>(key: K, cb: (value: Settings[K]) => void): () => void {
  return settingItems[key].watch((raw) => cb(REPAIR[key](raw).value));
}

