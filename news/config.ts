/**
 * What the statements code needs from the settings — the sources and the refresh interval, with
 * the organisation's policy applied — read with one storage call plus the managed-storage read
 * (the popup's first paint waits on this; reading every setting would cost a dozen round trips).
 */
import { mergePolicy } from '@/settings/merge';
import { readPolicy } from '@/settings/policy';
import { readSettings } from '@/settings/raw';
import { DEFAULT_SETTINGS } from '@/settings/schema';
import type { SourceSettings } from './sources';

export interface StatementsConfig {
  sources: SourceSettings;
  refreshIntervalHours: number;
}

export async function readStatementsConfig(): Promise<StatementsConfig> {
  const [user, policy] = await Promise.all([readSettings(['statementSources', 'refreshIntervalHours'] as const), readPolicy()]);
  const { settings } = mergePolicy({ ...DEFAULT_SETTINGS, ...user }, policy.value);
  return { sources: settings.statementSources, refreshIntervalHours: settings.refreshIntervalHours };
}
