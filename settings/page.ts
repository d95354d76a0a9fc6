/**
 * The page side's view of settings (content script / panel): only what the panel needs, with
 * the policy applied. Kept small for the content-script budget: zod/mini schemas, plain
 * `browser.storage` calls (raw.ts) instead of WXT's storage module, no options-page code.
 *
 *   const s = await getPageSettings(location.origin);
 *   if (s.snoozedUntil) return;                         // site snoozed
 *   if (s.dismissed(hmacHex)) …                         // the panel computes the keyed hash
 *                                                       // with getDismissalSecret()
 */
import { mergePolicy } from './merge';
import {
  parseCampaignsPolicy,
  parseContactPolicy,
  parseCutoffPolicy,
  parsePolicyWith,
  parseTablePolicy,
  readManagedRaw,
  type PolicyKey,
  type PolicyParsers,
} from './policy';
import { getDismissalSecret, readSettings, updateSettingRaw, watchSettingsRaw } from './raw';
import { DEFAULT_SETTINGS, normalizeOrigin, type DateOrder, type Settings } from './schema';
import { isDismissed, snoozedUntil, withDismissal, withoutDismissal, withSnooze } from './transient';

export type { DateOrder, ReferenceLevelTable, SupportContact, Dismissal } from './schema';
export { getDismissalSecret };

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
] as const satisfies readonly (keyof Settings)[];

/** The policy keys the page uses (the others are the background's and the options page's). */
const PAGE_POLICY: PolicyParsers = {
  pediatricCutoffYears: parseCutoffPolicy,
  disabledCampaigns: parseCampaignsPolicy,
  referenceLevelTable: parseTablePolicy,
  supportContact: parseContactPolicy,
};

export async function getPageSettings(origin: string, now: number = Date.now()): Promise<PageSettings> {
  const site = normalizeOrigin(origin) ?? origin;
  const [user, managedRaw] = await Promise.all([readSettings(PAGE_KEYS), readManagedRaw()]);
  const policy = parsePolicyWith(managedRaw, PAGE_POLICY, false);
  // The fields the page does not read come from the defaults; they do not affect the ones it does.
  const { settings, managed } = mergePolicy({ ...DEFAULT_SETTINGS, ...user }, policy.value);
  return {
    pediatricCutoffYears: settings.pediatricCutoffYears,
    disabledCampaigns: settings.disabledCampaigns,
    dateOrder: user.dateOrderBySite[site] ?? null,
    dicomWebPath: user.dicomWebPathBySite[site] ?? null,
    snoozedUntil: snoozedUntil(user.snoozeBySite, site, now),
    referenceLevelTables: settings.referenceLevelTables,
    supportContact: settings.supportContact,
    managed,
    dismissed: (hash) => isDismissed(user.dismissals, hash, now),
  };
}

/** Remember that the exam with this keyed hash was dismissed, until `expiresAt` (epoch ms). */
export async function dismissExam(hash: string, expiresAt: number, now: number = Date.now()): Promise<void> {
  await updateSettingRaw('dismissals', (list) => withDismissal(list, { hash, expiresAt }, now));
}

export async function undismissExam(hash: string, now: number = Date.now()): Promise<void> {
  await updateSettingRaw('dismissals', (list) => withoutDismissal(list, hash, now));
}

/** Hide the panel on `origin` until `until` (epoch ms); null clears the snooze. */
export async function snoozeSite(origin: string, until: number | null, now: number = Date.now()): Promise<void> {
  const site = normalizeOrigin(origin);
  if (!site) return;
  await updateSettingRaw('snoozeBySite', (map) => withSnooze(map, site, until, now));
}

/** Record how `origin` writes ambiguous dates (the user answered the panel's question). */
export async function setSiteDateOrder(origin: string, order: DateOrder | null): Promise<void> {
  const site = normalizeOrigin(origin);
  if (!site) return;
  await updateSettingRaw('dateOrderBySite', (map) => {
    const next = { ...map };
    if (order) next[site] = order;
    else delete next[site];
    return next;
  });
}

/** Call `cb` when anything the page reads changes (user side; a policy change shows on reload). */
export function watchPageSettings(cb: () => void): () => void {
  return watchSettingsRaw(PAGE_KEYS, cb);
}
