/**
 * Settings for the background, popup and options page. (The content script imports
 * `settings/page.ts` instead, which is smaller.)
 *
 *   const s = await getEffectiveSettings();          // user settings with the policy applied
 *   const { managed, policyIssues } = await getSettingsState();
 *   await writeSetting('pediatricCutoffYears', 16);  // validated; managed fields are read-only
 */
import { browser } from 'wxt/browser';
import { readUserSettings, settingItems, SETTING_KEYS } from './items';
import { mergePolicy, type EffectiveSettings } from './merge';
import { parsePolicy, readManagedRaw, type Policy, type PolicyKey } from './policy';
import type { Settings } from './schema';

export * from './schema';
export {
  readSetting,
  readSettingChecked,
  readUserSettings,
  writeSetting,
  updateSetting,
  watchSetting,
  InvalidSettingError,
  SETTING_KEYS,
} from './items';
export { mergePolicy, POLICY_OVERRIDES, type EffectiveSettings, type Merged } from './merge';
export { parsePolicy, readPolicy, POLICY_KEYS, type Policy, type PolicyKey } from './policy';

export interface SettingsState {
  /** What everything should use. */
  effective: EffectiveSettings;
  /** What the user saved (repaired), before policy. */
  user: Settings;
  policy: Policy;
  /** Policy keys in force; their controls are read-only. */
  managed: PolicyKey[];
  /** "policy value ignored: …" lines, for the options page and the console. */
  policyIssues: string[];
  /** Repairs made while reading the user's settings (the stored values are left as they were). */
  settingsIssues: string[];
}

/**
 * The settings with the policy applied. `rawPolicy` is the raw managed object, read from `storage.managed` unless
 * the caller has it already (the options page: background/policy-cache.ts `policyForPage`); `undefined` is none.
 */
export async function getSettingsState(rawPolicy: Promise<unknown> = readManagedRaw()): Promise<SettingsState> {
  const [user, policy] = await Promise.all([readUserSettings(), rawPolicy.then(parsePolicy)]);
  for (const issue of policy.issues) console.warn(`Image Gently: ${issue}`);
  const merged = mergePolicy(user.value, policy.value);
  return {
    effective: merged.settings,
    user: user.value,
    policy: policy.value,
    managed: merged.managed,
    policyIssues: policy.issues,
    settingsIssues: user.issues,
  };
}

/** User settings with the organisation's policy applied (policy wins). */
export async function getEffectiveSettings(): Promise<EffectiveSettings> {
  return (await getSettingsState()).effective;
}

/**
 * Call `cb` whenever a setting or the policy changes (debounced to one call per change burst).
 * Returns the unwatch function.
 */
export function watchSettings(cb: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    clearTimeout(timer);
    timer = setTimeout(cb, 0);
  };
  const unwatchers = SETTING_KEYS.map((key) => settingItems[key].watch(fire));
  const onChanged = (_changes: unknown, area: string) => {
    if (area === 'managed') fire();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => {
    clearTimeout(timer);
    unwatchers.forEach((u) => u());
    browser.storage.onChanged.removeListener(onChanged);
  };
}
