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
import { CAMPAIGN_IDS } from '../clinical/campaign-ids';
import { own } from '../utils/own';
import {
  CampaignSchema,
  LIMITS,
  normalizeHttpUrl,
  normalizeOrigin,
  PediatricCutoffSchema,
  REPAIR,
  repairList,
  type ReferenceLevelTable,
  type Repaired,
  type Settings,
  type SupportContact,
  uniqueRecipes,
} from './schema';
import { SiteRecipeSchema } from './recipe-schema';
import { RECIPE_LIMITS, type SiteRecipe } from '../content/read/recipe/recipe';

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
  /** Site recipes for everyone (content/read/recipe/): added to the user's, read-only for them; win on the same site and path. */
  siteRecipes?: SiteRecipe[];
}
export type PolicyKey = keyof Policy;

/**
 * What the background knows of the policy (background/policy-cache.ts): the raw managed-storage object (`{}`
 * when there is none), or that no read has landed yet since the browser started.
 */
export type PolicySnapshot = { known: true; raw: Record<string, unknown> } | { known: false };

export const POLICY_KEYS = [
  'approvedSites',
  'pediatricCutoffYears',
  'statementsEnabled',
  'statementUrls',
  'referenceLevelTable',
  'disabledCampaigns',
  'supportContact',
  'siteRecipes',
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
  let i = 0;
  for (; i < raw.length && value.length < max && issues.length < max; i++) {
    const normal = normalize(raw[i]);
    if (normal === null) issues.push(ignored(`${key}[${i}]: ${why}`));
    else if (!value.includes(normal)) value.push(normal);
  }
  // Past the limit (of entries kept, or of bad ones noted) the rest is not read: one note, not one per entry.
  if (i < raw.length) issues.push(ignored(`${key}: more than ${max} entries; ${raw.length - i} dropped`));
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

/** Parses one policy key; pushes "policy value ignored: …" lines into `issues`. */
type KeyParser<K extends PolicyKey> = (raw: unknown, issues: string[]) => Policy[K] | undefined;
export type PolicyParsers = { [K in PolicyKey]?: KeyParser<K> };

function fromList(r: Repaired<string[] | undefined>, issues: string[]): string[] | undefined {
  issues.push(...r.issues);
  return r.value;
}

// One parser per key, each a module-level constant, so the content script (settings/page.ts)
// bundles only the ones it uses.
export const parseApprovedSites: KeyParser<'approvedSites'> = (raw, issues) =>
  fromList(policyList(raw, 'approvedSites', asString(normalizeOrigin), 'not an http(s) origin like https://pacs.example.org', LIMITS.sites), issues);

export const parseCutoffPolicy: KeyParser<'pediatricCutoffYears'> = (raw, issues) => {
  const r = PediatricCutoffSchema.safeParse(raw);
  if (r.success) return r.data;
  issues.push(ignored(`pediatricCutoffYears: ${r.error.issues[0]?.message ?? 'invalid'}`));
  return undefined;
};

export const parseStatementsEnabled: KeyParser<'statementsEnabled'> = (raw, issues) => {
  // Firefox reads a registry DWORD as a number (Chrome converts it by the schema): 1/0 count.
  if (typeof raw === 'boolean') return raw;
  if (raw === 0 || raw === 1) return raw === 1;
  issues.push(ignored('statementsEnabled: expected true or false'));
  return undefined;
};

export const parseStatementUrls: KeyParser<'statementUrls'> = (raw, issues) =>
  fromList(policyList(raw, 'statementUrls', asString(normalizeHttpUrl), 'not an http(s) URL', LIMITS.extraStatementUrls), issues);

export const parseTablePolicy: KeyParser<'referenceLevelTable'> = (raw, issues) => {
  const r = REPAIR.referenceLevelTables([withExplicitNulls(raw)]);
  const table = r.value[0];
  if (table && !r.issues.length) return table;
  issues.push(...r.issues.map((i) => ignored(i.replace(/^referenceLevelTables\[0\]/, 'referenceLevelTable').replace(/; dropped$/, ''))));
  return undefined;
};

export const parseCampaignsPolicy: KeyParser<'disabledCampaigns'> = (raw, issues) => {
  const valid = (item: unknown) => (CampaignSchema.safeParse(item).success ? (item as string) : null);
  const list = fromList(policyList(raw, 'disabledCampaigns', valid, `not one of ${CAMPAIGN_IDS.join(', ')}`, CAMPAIGN_IDS.length), issues);
  return list && CAMPAIGN_IDS.filter((c) => list.includes(c));
};

export const parseContactPolicy: KeyParser<'supportContact'> = (raw, issues) => {
  const r = REPAIR.supportContact(raw);
  if (r.value && !r.issues.length) return r.value;
  issues.push(...(r.issues.length ? r.issues : ['supportContact: empty']).map((i) => ignored(i.replace(/; using the default$/, ''))));
  return undefined;
};

/**
 * A list of recipes, each checked on its own (a bad one is ignored, the others kept). Windows registry policies
 * have no nested lists, so the list may also come as one JSON string (Firefox passes strings through unchanged).
 */
export const parseSiteRecipesPolicy: KeyParser<'siteRecipes'> = (raw, issues) => {
  let list = raw;
  if (typeof raw === 'string') {
    try {
      list = JSON.parse(raw);
    } catch {
      issues.push(ignored('siteRecipes: a string that is not JSON'));
      return undefined;
    }
  }
  if (!Array.isArray(list)) {
    issues.push(ignored('siteRecipes: expected a list'));
    return undefined;
  }
  const r = uniqueRecipes(repairList(SiteRecipeSchema, list, 'siteRecipes', RECIPE_LIMITS.recipes));
  issues.push(...r.issues.map((i) => ignored(i.replace(/; dropped$/, ''))));
  return r.value;
};

export const ALL_POLICY_PARSERS: Required<PolicyParsers> = {
  approvedSites: parseApprovedSites,
  pediatricCutoffYears: parseCutoffPolicy,
  statementsEnabled: parseStatementsEnabled,
  statementUrls: parseStatementUrls,
  referenceLevelTable: parseTablePolicy,
  disabledCampaigns: parseCampaignsPolicy,
  supportContact: parseContactPolicy,
  siteRecipes: parseSiteRecipesPolicy,
};

/**
 * Validate the keys `parsers` knows in a raw managed-storage object, each on its own. Pure.
 * With `reportUnknown`, keys no parser knows are reported (a typo in an admin's file should be
 * visible) and ignored.
 */
export function parsePolicyWith(raw: unknown, parsers: PolicyParsers, reportUnknown: boolean): Repaired<Policy> {
  const policy: Record<string, unknown> = {};
  const issues: string[] = [];
  if (raw === undefined || raw === null) return { value: policy, issues };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { value: policy, issues: [ignored('the policy is not an object')] };
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const parse = own(parsers as Record<string, (raw: unknown, issues: string[]) => unknown>, key);
    if (!parse) {
      if (reportUnknown) issues.push(`policy key not recognised: ${key.slice(0, 64)}`);
      continue;
    }
    if (value === undefined) continue;
    const parsed = parse(value, issues);
    if (parsed !== undefined) policy[key] = parsed;
  }
  return { value: policy as Policy, issues };
}

/** Validate a whole raw managed-storage object (every key; unknown keys reported). Pure. */
export function parsePolicy(raw: unknown): Repaired<Policy> {
  return parsePolicyWith(raw, ALL_POLICY_PARSERS, true);
}

/**
 * The raw `storage.managed` object. No policy, no managed storage (Firefox rejects when there is
 * none; some contexts have no `storage.managed` at all) → undefined.
 */
export async function readManagedRaw(): Promise<unknown> {
  try {
    const managed = (browser.storage as { managed?: { get(): Promise<Record<string, unknown>> } }).managed;
    return managed ? await managed.get() : undefined;
  } catch {
    // Firefox: "Managed storage manifest not found" when no policy names this add-on.
    return undefined;
  }
}

/** Read and validate the policy. */
export async function readPolicy(): Promise<Repaired<Policy>> {
  return parsePolicy(await readManagedRaw());
}
