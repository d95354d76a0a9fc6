/**
 * The page side's view of settings (content script / panel): only what the panel needs, with
 * the policy applied. Kept small for the content-script budget: zod/mini schemas, plain
 * `browser.storage` calls (raw.ts) instead of WXT's storage module, no options-page code.
 *
 * The policy comes from the background's cache (background/policy-cache.ts: `get-page-policy`), never from
 * `storage.managed` directly: its first read in a freshly started browser can take seconds.
 *
 *   const s = await getPageSettings(location.origin);
 *   if (s.snoozedUntil) return;                         // site snoozed
 *   if (s.dismissed(hash)) …                            // the keyed hash comes from the background
 *
 * Read only: page-side scripts write no settings. Dismissals and snoozes are written by the background
 * (background/exam-dismissal.ts), which also holds the dismissal secret.
 */
import { browser } from 'wxt/browser';
import { mergePolicy } from './merge';
import {
  parseCampaignsPolicy,
  parseContactPolicy,
  parseCutoffPolicy,
  parseSiteRecipesPolicy,
  parsePolicyWith,
  parseTablePolicy,
  type PolicyKey,
  type PolicyParsers,
  type PolicySnapshot,
} from './policy';
import { readSettings, watchSettingsRaw } from './raw';
import { DEFAULT_SETTINGS, normalizeOrigin, type DateOrder, type Settings } from './schema';
import type { SiteRecipe } from '../content/read/recipe/recipe';
import { isDismissed, snoozedUntil } from './transient';

export type { DateOrder, ReferenceLevelTable, SupportContact, Dismissal } from './schema';

export interface PageSettings {
  pediatricCutoffYears: number;
  disabledCampaigns: Settings['disabledCampaigns'];
  /** How this site writes ambiguous dates, when the user said so; null → the site profile decides. */
  dateOrder: DateOrder | null;
  /** The DICOMweb path the user set for this site (`/dicom-web`), or null → found from the viewer's requests. */
  dicomWebPath: string | null;
  /** Epoch ms until which the panel stays hidden on this site, or null. */
  snoozedUntil: number | null;
  referenceLevelTables: Settings['referenceLevelTables'];
  supportContact: Settings['supportContact'];
  /** Policy keys in force (e.g. to say "set by your organisation" next to the cutoff). */
  managed: PolicyKey[];
  /** The site recipes of this origin: the organisation's first, then the user's (content/read/recipe/). */
  siteRecipes: SiteRecipe[];
  /** Whether the exam with this keyed hash was dismissed (and the dismissal has not lapsed). */
  dismissed(hash: string): boolean;
}

const PAGE_KEYS = [
  'pediatricCutoffYears',
  'disabledCampaigns',
  'dateOrderBySite',
  'dicomWebPathBySite',
  'snoozeBySite',
  'dismissals',
  'referenceLevelTables',
  'supportContact',
  'siteRecipes',
] as const satisfies readonly (keyof Settings)[];

/** The policy keys the page uses (the others are the background's and the options page's). */
const PAGE_POLICY: PolicyParsers = {
  pediatricCutoffYears: parseCutoffPolicy,
  disabledCampaigns: parseCampaignsPolicy,
  referenceLevelTable: parseTablePolicy,
  supportContact: parseContactPolicy,
  siteRecipes: parseSiteRecipesPolicy,
};

/** The policy keys the page reads: all the background passes on in `get-page-policy`. */
export const PAGE_POLICY_KEYS = Object.keys(PAGE_POLICY) as PolicyKey[];

/** The user's settings the page reads. */
export type PageUserSettings = Pick<Settings, (typeof PAGE_KEYS)[number]>;

/**
 * The page's settings for `origin`: the user's, with the policy applied. Pure.
 *
 * While the policy is not known yet (`{ known: false }`: the browser has just started and its first
 * `storage.managed` read has not landed), the rule is: the user's settings stand for everything that only
 * chooses what is shown or where to read (cutoff, campaigns turned off, date order, DICOMweb path, snooze) — a policy value replaces them
 * once it is known and the page re-renders (background/policy-cache.ts) — but nothing that a policy would
 * *replace with its own data* is shown from the user's side meanwhile: no reference-level table (a position
 * against a table the organisation may replace is a clinical number, so none is shown until the policy is
 * known), and nothing is marked as managed.
 */
export function pageSettingsFrom(user: PageUserSettings, policy: PolicySnapshot, origin: string, now: number): PageSettings {
  const site = normalizeOrigin(origin) ?? origin;
  const parsed = policy.known ? parsePolicyWith(policy.raw, PAGE_POLICY, false).value : {};
  // The fields the page does not read come from the defaults; they do not affect the ones it does.
  const { settings, managed } = mergePolicy({ ...DEFAULT_SETTINGS, ...user }, parsed);
  return {
    pediatricCutoffYears: settings.pediatricCutoffYears,
    disabledCampaigns: settings.disabledCampaigns,
    dateOrder: user.dateOrderBySite[site] ?? null,
    dicomWebPath: user.dicomWebPathBySite[site] ?? null,
    snoozedUntil: snoozedUntil(user.snoozeBySite, site, now),
    referenceLevelTables: policy.known ? settings.referenceLevelTables : [],
    supportContact: settings.supportContact,
    managed,
    // Recipes only choose where to read: the user's stand until the policy is known.
    siteRecipes: settings.siteRecipes.filter((r) => r.origin === site),
    dismissed: (hash) => isDismissed(user.dismissals, hash, now),
  };
}

/** Where the page's settings get the policy from. */
export type PolicySource = () => Promise<PolicySnapshot>;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The background's answer to `get-page-policy`; anything else (no answer, an old background) → not known. */
export function parsePolicyReply(x: unknown): PolicySnapshot {
  return isRecord(x) && x.known === true && isRecord(x.raw) ? { known: true, raw: x.raw } : { known: false };
}

/** panel.js: the background's policy cache (answers at once). */
export const policyFromBackground: PolicySource = async () => {
  try {
    return parsePolicyReply(await browser.runtime.sendMessage({ type: 'get-page-policy' }));
  } catch {
    return { known: false };
  }
};

export async function getPageSettings(origin: string, now: number = Date.now(), policy: PolicySource = policyFromBackground): Promise<PageSettings> {
  const [user, snapshot] = await Promise.all([readSettings(PAGE_KEYS), policy()]);
  return pageSettingsFrom(user, snapshot, origin, now);
}

/**
 * Call `cb` when anything the page reads changes: the user's settings (storage.local), or the policy (the
 * background's `page-settings-changed`, sent when its cache changed).
 */
export function watchPageSettings(cb: () => void): () => void {
  const unwatch = watchSettingsRaw(PAGE_KEYS, cb);
  const onMessage = (message: unknown) => {
    if (isRecord(message) && message.type === 'page-settings-changed') cb();
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => {
    unwatch();
    browser.runtime.onMessage.removeListener(onMessage);
  };
}
