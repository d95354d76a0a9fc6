/**
 * Enterprise policy: what an organisation sets for everyone, read from `storage.managed`.
 *
 * - Chrome/Edge: values come from the `3rdparty.extensions.<id>` policy, checked by Chrome against
 *   `public/managed_schema.json` (Chrome manifest only), shown in chrome://policy.
 * - Firefox: `policies.json` → `policies.3rdparty.Extensions.<id>`; there is no schema, so values
 *   arrive unchecked, and `storage.managed.get()` *rejects* when no policy exists for the add-on.
 *
 * Every key is validated on its own here ("policy value ignored: …"); a bad key never voids the
 * others. Keep the key list in sync with public/managed_schema.json (a test compares them).
 */
import { browser } from 'wxt/browser';
import {
  CampaignSchema,
  CAMPAIGNS,
  LIMITS,
  normalizeHttpUrl,
  normalizeOrigin,
  PediatricCutoffSchema,
  REPAIR,
  type ReferenceLevelTable,
  type Repaired,
  type Settings,
  type SupportContact,
} from './schema';

export interface Policy {
  /** Origins the organisation approves; the user still grants them (one click, see options). */
  approvedSites?: string[];
  pediatricCutoffYears?: number;
  /** false: no statement fetching at all (networks without internet access). */
  statementsEnabled?: boolean;
  /** Extra statement feeds (RSS/Atom/JSON Feed); replaces the user's extra URLs. */
  statementUrls?: string[];
  referenceLevelTable?: ReferenceLevelTable;
  disabledCampaigns?: Settings['disabledCampaigns'];
  supportContact?: SupportContact;
}
export type PolicyKey = keyof Policy;

export const POLICY_KEYS = [
  'approvedSites',
  'pediatricCutoffYears',
  'statementsEnabled',
  'statementUrls',
  'referenceLevelTable',
  'disabledCampaigns',
  'supportContact',
] as const satisfies readonly PolicyKey[];

const ignored = (what: string) => `policy value ignored: ${what}`;

/** A policy list: each entry checked on its own, normalised, deduplicated. */
function policyList(
  raw: unknown,
  key: PolicyKey,
  normalize: (item: unknown) => string | null,
  why: string,
  max: number,
): Repaired<string[] | undefined> {
  if (!Array.isArray(raw)) return { value: undefined, issues: [ignored(`${key}: expected a list`)] };
  const value: string[] = [];
  const issues: string[] = [];
  raw.forEach((item, i) => {
    const normal = normalize(item);
    if (normal === null) issues.push(ignored(`${key}[${i}]: ${why}`));
    else if (value.length >= max) issues.push(ignored(`${key}[${i}]: more than ${max} entries`));
    else if (!value.includes(normal)) value.push(normal);
  });
  return { value, issues };
}

/**
 * Chrome's managed_schema cannot say "null", so an admin leaves `phantomCm` out of an SSDE-only
 * table and `to` out of an open-ended bin: supply the nulls the table format expects.
 */
function withExplicitNulls(table: unknown): unknown {
  if (!table || typeof table !== 'object' || Array.isArray(table)) return table;
  const t = table as Record<string, unknown>;
  const bins = Array.isArray(t.bins)
    ? t.bins.map((b: unknown) => (b && typeof b === 'object' && !Array.isArray(b) && !('to' in b) ? { ...b, to: null } : b))
    : t.bins;
  return { ...t, phantomCm: t.phantomCm ?? null, bins };
}

const asString = (f: (s: string) => string | null) => (item: unknown) => (typeof item === 'string' ? f(item) : null);

/**
 * Validate a raw managed-storage object. Unknown keys are reported (a typo in an admin's file
 * should be visible) and ignored. Pure.
 */
export function parsePolicy(raw: unknown): Repaired<Policy> {
  const policy: Policy = {};
  const issues: string[] = [];
  if (raw === undefined || raw === null) return { value: policy, issues };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { value: policy, issues: [ignored('the policy is not an object')] };
  const obj = raw as Record<string, unknown>;

  for (const key of Object.keys(obj)) {
    if (!(POLICY_KEYS as readonly string[]).includes(key)) issues.push(`policy key not recognised: ${key.slice(0, 64)}`);
  }
  const take = <T>(r: Repaired<T | undefined>, set: (v: T) => void) => {
    issues.push(...r.issues);
    if (r.value !== undefined) set(r.value);
  };

  if (obj.approvedSites !== undefined) {
    take(policyList(obj.approvedSites, 'approvedSites', asString(normalizeOrigin), 'not an http(s) origin like https://pacs.example.org', LIMITS.sites),
      (v) => (policy.approvedSites = v));
  }
  if (obj.pediatricCutoffYears !== undefined) {
    const r = PediatricCutoffSchema.safeParse(obj.pediatricCutoffYears);
    if (r.success) policy.pediatricCutoffYears = r.data;
    else issues.push(ignored(`pediatricCutoffYears: ${r.error.issues[0]?.message ?? 'invalid'}`));
  }
  if (obj.statementsEnabled !== undefined) {
    // Firefox reads a registry DWORD as a number (Chrome converts it by the schema): 1/0 count.
    const v = obj.statementsEnabled;
    if (typeof v === 'boolean') policy.statementsEnabled = v;
    else if (v === 0 || v === 1) policy.statementsEnabled = v === 1;
    else issues.push(ignored('statementsEnabled: expected true or false'));
  }
  if (obj.statementUrls !== undefined) {
    take(policyList(obj.statementUrls, 'statementUrls', asString(normalizeHttpUrl), 'not an http(s) URL', LIMITS.extraStatementUrls),
      (v) => (policy.statementUrls = v));
  }
  if (obj.referenceLevelTable !== undefined) {
    const r = REPAIR.referenceLevelTables([withExplicitNulls(obj.referenceLevelTable)]);
    const table = r.value[0];
    if (table && !r.issues.length) policy.referenceLevelTable = table;
    else issues.push(...r.issues.map((i) => ignored(i.replace(/^referenceLevelTables\[0\]/, 'referenceLevelTable').replace(/; dropped$/, ''))));
  }
  if (obj.disabledCampaigns !== undefined) {
    const valid = (item: unknown) => (CampaignSchema.safeParse(item).success ? (item as string) : null);
    take(policyList(obj.disabledCampaigns, 'disabledCampaigns', valid, `not one of ${CAMPAIGNS.join(', ')}`, CAMPAIGNS.length),
      (v) => (policy.disabledCampaigns = CAMPAIGNS.filter((c) => v.includes(c))));
  }
  if (obj.supportContact !== undefined) {
    const r = REPAIR.supportContact(obj.supportContact);
    if (r.value && !r.issues.length) policy.supportContact = r.value;
    else issues.push(...(r.issues.length ? r.issues : ['supportContact: empty']).map((i) => ignored(i.replace(/; using the default$/, ''))));
  }
  return { value: policy, issues };
}

/**
 * Read the policy from `storage.managed`. No policy, no managed storage (Firefox rejects when
 * there is none; some contexts have no `storage.managed` at all) → an empty policy.
 */
export async function readPolicy(): Promise<Repaired<Policy>> {
  let raw: unknown;
  try {
    const managed = (browser.storage as { managed?: { get(): Promise<Record<string, unknown>> } }).managed;
    if (!managed) return { value: {}, issues: [] };
    raw = await managed.get();
  } catch {
    // Firefox: "Managed storage manifest not found" when no policy names this add-on.
    return { value: {}, issues: [] };
  }
  return parsePolicy(raw);
}
