/**
 * Export and import of all settings (the options page's backup), and "export as policy" for
 * administrators who set up one browser and deploy the result (uBlock Origin's idea, with typed
 * keys). Pure: text in, values and readable issues out.
 *
 * Dismissals and snoozes are not exported: they are short-lived, and dismissal hashes are keyed
 * with a per-install secret that does not travel.
 */
import type { Policy } from './policy';
import { jsonNestsDeeperThan } from '../utils/json-depth';
import { repairSettings, type Settings, type SettingKey } from './schema';

export const EXPORT_FORMAT = 'image-gently-companion/settings';
export const EXPORT_VERSION = 1;
/** Bigger files are refused before parsing. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export const EXPORTED_KEYS = [
  'pediatricCutoffYears',
  'disabledCampaigns',
  'statementSources',
  'refreshIntervalHours',
  'dateOrderBySite',
  'dicomWebPathBySite',
  'referenceLevelTables',
  'supportContact',
  'siteRecipes',
] as const satisfies readonly SettingKey[];
export type ExportedKey = (typeof EXPORTED_KEYS)[number];

export interface SettingsFile {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  settings: Pick<Settings, ExportedKey>;
}

export function exportSettings(user: Settings, now: Date): string {
  const settings = Object.fromEntries(EXPORTED_KEYS.map((k) => [k, user[k]])) as Pick<Settings, ExportedKey>;
  const file: SettingsFile = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), settings };
  return JSON.stringify(file, null, 2) + '\n';
}

export type ImportResult =
  | { ok: true; values: Partial<Pick<Settings, ExportedKey>>; issues: string[] }
  | { ok: false; error: string };

/**
 * Read a settings file. Only the settings present in the file are returned (the others stay as
 * they are); each is repaired on its own, so one bad value costs only that value.
 */
export function parseSettingsImport(text: string): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, error: 'the file is larger than 5 MB' };
  let data: unknown;
  try {
    if (jsonNestsDeeperThan(text)) throw new SyntaxError('nested too deeply');
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'the file is not JSON' };
  }
  if (!data || typeof data !== 'object' || (data as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, error: 'the file is not an Image Gently Companion settings export' };
  }
  const file = data as { version?: unknown; settings?: unknown };
  if (typeof file.version !== 'number' || file.version > EXPORT_VERSION) {
    return { ok: false, error: 'the file comes from a newer version of the extension' };
  }
  if (!file.settings || typeof file.settings !== 'object' || Array.isArray(file.settings)) {
    return { ok: false, error: 'the file has no settings' };
  }
  const raw = file.settings as Record<string, unknown>;
  const present = EXPORTED_KEYS.filter((k) => raw[k] !== undefined);
  const repaired = repairSettings(Object.fromEntries(present.map((k) => [k, raw[k]])));
  const values = Object.fromEntries(present.map((k) => [k, repaired.value[k]])) as Partial<Pick<Settings, ExportedKey>>;
  const unknown = Object.keys(raw).filter((k) => !(EXPORTED_KEYS as readonly string[]).includes(k));
  return {
    ok: true,
    values,
    issues: [...repaired.issues, ...unknown.map((k) => `${k.slice(0, 64)}: not a setting this version knows; ignored`)],
  };
}

/**
 * The policy that would give every user these settings: for `3rdparty.extensions.<id>` (Chrome,
 * Edge) or `3rdparty.Extensions.<id>` (Firefox). `enabledSites`: origins enabled in this browser.
 */
export function settingsToPolicy(settings: Settings, enabledSites: readonly string[]): Policy {
  const policy: Policy = {
    pediatricCutoffYears: settings.pediatricCutoffYears,
    disabledCampaigns: [...settings.disabledCampaigns],
    statementUrls: [...settings.statementSources.extraUrls],
  };
  const { imagegently, extraUrls } = settings.statementSources;
  // statementsEnabled true forces imagegently.org on, false turns every source off; with
  // imagegently.org off but feeds on there is nothing to force, so the key is left out.
  if (imagegently) policy.statementsEnabled = true;
  else if (!extraUrls.length) policy.statementsEnabled = false;
  if (enabledSites.length) policy.approvedSites = [...enabledSites];
  const table = settings.referenceLevelTables[0];
  if (table) policy.referenceLevelTable = table;
  if (settings.supportContact) policy.supportContact = { ...settings.supportContact };
  if (settings.siteRecipes.length) policy.siteRecipes = structuredClone(settings.siteRecipes);
  return policy;
}
