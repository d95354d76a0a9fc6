/**
 * Storage migrations: one small named pure function per version step, old value → new value.
 * Each has its own test in tests/settings/migrations.test.ts.
 *
 * WXT runs them when the extension updates (`storage.defineItem({ version, migrations })`). If one
 * throws, WXT leaves the stored value as it was; the reader in items.ts then repairs what it can
 * and falls back to the default for the rest, so a failed migration never breaks the extension.
 * Keep each function total: never throw on odd input, return it unchanged for the repair step.
 */
import type { SettingKey } from './schema';

export type Migration = (old: unknown) => unknown;

/**
 * referenceLevelTables v1 → v2.
 *
 * v1 was a development placeholder that never shipped in a release: rows of modality, exam,
 * band text, quantity, value and unit. v2 is the format of clinical/reference-levels.ts: bins of
 * one size metric, with one CTDI phantom. A v1 row names no metric and no phantom, so turning it
 * into a v2 bin would mean guessing. Guessing is worse than nothing for a dose comparison, so v1
 * tables are dropped. Anything already shaped like v2 (it has `bins`) is kept. A value that is
 * not a list is returned unchanged for the repair step.
 */
export function referenceTablesV1ToV2(old: unknown): unknown {
  if (!Array.isArray(old)) return old;
  return old.filter((t) => typeof t === 'object' && t !== null && 'bins' in t);
}

/**
 * Per storage item: target version → function from the previous version. An item's version is
 * the highest key here (1 when there are none). Every item starts at version 1.
 */
export const MIGRATIONS: Partial<Record<SettingKey, Record<number, Migration>>> = {
  referenceLevelTables: { 2: referenceTablesV1ToV2 },
};

/** The version an item is at: 1 plus the number of migration steps it has. */
export function versionOf(key: keyof typeof MIGRATIONS): number {
  const steps = Object.keys(MIGRATIONS[key] ?? {}).map(Number);
  return steps.length ? Math.max(...steps) : 1;
}

/**
 * Storage keys that were renamed: old key → new key. Kept so a later version can copy values
 * across, and so a test can check that no old key is used in the code any more.
 */
export const RENAMED_KEYS: Readonly<Record<string, string>> = {};
