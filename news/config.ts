/**
 * What the statements code needs from the settings — the sources and the refresh interval, with
 * the organisation's policy applied — read with one storage call plus the managed-storage read
 * (the popup's first paint waits on this; reading every setting would cost a dozen round trips).
 */
import { mergePolicy } from '@/settings/merge';
import { parsePolicy, readManagedRaw } from '@/settings/policy';
import { readSettings } from '@/settings/raw';
import { DEFAULT_SETTINGS } from '@/settings/schema';
import type { SourceSettings } from './sources';

export interface StatementsConfig {
  sources: SourceSettings;
  refreshIntervalHours: number;
}

/** `readPolicy`: the raw policy (`storage.managed` by default; the popup passes one that does not wait for it). */
export async function readStatementsConfig(readPolicy: () => Promise<unknown> = readManagedRaw): Promise<StatementsConfig> {
  const [user, raw] = await Promise.all([readSettings(['statementSources', 'refreshIntervalHours'] as const), readPolicy()]);
  const { settings } = mergePolicy({ ...DEFAULT_SETTINGS, ...user }, parsePolicy(raw).value);
  return { sources: settings.statementSources, refreshIntervalHours: settings.refreshIntervalHours };
}
