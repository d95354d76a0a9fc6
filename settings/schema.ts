/**
 * Settings: the shape of every stored option and of the enterprise policy, as zod/mini schemas.
 *
 * This module is imported by the content script (through `settings/page.ts`), so it uses
 * `zod/mini` and carries no browser API: it is pure data and validation.
 *
 * Repair, don't reject (Dark Reader §3.4): each setting is validated on its own; a bad setting
 * falls back to its default, a bad entry in a list or map is dropped and the good ones kept.
 * The messages say what was wrong and never echo the value (it could be anything).
 */
import * as z from 'zod/mini';
import { ReferenceLevelTableSchema } from '../clinical/reference-level-schema';
import { REFERENCE_LIMITS, type ReferenceLevelTable } from '../clinical/reference-levels';
import { RECIPE_LIMITS, type SiteRecipe } from '../content/read/recipe/recipe';
import { CAMPAIGN_IDS, type Campaign } from '../clinical/campaign-ids';
import { DEFAULT_PEDIATRIC_CUTOFF_YEARS, PEDIATRIC_CUTOFF_MAX_YEARS, PEDIATRIC_CUTOFF_MIN_YEARS } from '../clinical/pediatric-cutoff';
import { lazySchema } from '../utils/lazy-schema';
import { SiteRecipeSchema } from './recipe-schema';
import { isLoopbackHost } from './hosts';

// ---------------------------------------------------------------------------------------------
// Shared value types

export const CampaignSchema = lazySchema(() => z.enum(CAMPAIGN_IDS));

/** Statement refresh interval, in whole hours. */
export const REFRESH_MIN_HOURS = 1;
export const REFRESH_MAX_HOURS = 168;
export const DEFAULT_REFRESH_HOURS = 12;

export const DATE_ORDERS = ['MDY', 'DMY'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/** Upper bounds that keep storage small and a hostile import from blowing it up. */
export const LIMITS = {
  extraStatementUrls: 20,
  sites: 500,
  dismissals: 2000,
  referenceTables: REFERENCE_LIMITS.tables,
  text: 200,
  url: 2048,
} as const;

/** Parse an http(s) URL without credentials, or null. */
function parseHttp(input: string): URL | null {
  if (typeof input !== 'string' || input.length > LIMITS.url) return null;
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || !url.hostname) return null;
  return url;
}

/**
 * `scheme://host[:port]` of an http(s) URL, lower-cased, or null. Paths, queries and
 * credentials make it not an origin (an admin typing `https://pacs.example.org/` is accepted:
 * a bare trailing slash is not a path).
 */
export function normalizeOrigin(input: string): string | null {
  const url = parseHttp(input);
  if (!url || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return null;
  return url.origin;
}

/** An http(s) URL (feeds, support pages), normalised by the URL parser, or null. */
export function normalizeHttpUrl(input: string): string | null {
  return parseHttp(input)?.href ?? null;
}

/**
 * A statement feed the user adds: an https URL, normalised, or null. (Feeds stored by older versions over http
 * are still read; a new one must be https, so nobody on the network path can rewrite what the popup shows.)
 * `loopbackHttp`: also http on a loopback host — the e2e builds only (settings/hosts.ts loopbackHttpFeedsAllowed).
 */
export function normalizeFeedUrl(input: string, { loopbackHttp = false }: { loopbackHttp?: boolean } = {}): string | null {
  const url = parseHttp(input);
  if (!url) return null;
  if (url.protocol === 'https:') return url.href;
  return loopbackHttp && isLoopbackHost(url) ? url.href : null;
}

/** An origin string that is already normalised (what we store as a map key). */
export const OriginSchema = lazySchema(() => z.string().check(
  z.refine((s) => normalizeOrigin(s) === s, { error: 'not an http(s) origin like https://pacs.example.org' }),
));

/** An http(s) URL string that is already normalised. */
export const HttpUrlSchema = lazySchema(() => z.string().check(
  z.refine((s) => normalizeHttpUrl(s) === s, { error: 'not an http(s) URL' }),
));

// Checks are written as `refine`s: zod/mini's dedicated check classes (int, minimum, regex …)
// would add several KB to the content script for the same result.
const text = (what: string, min: number, max: number) =>
  z.string().check(
    z.refine((s) => s.length >= min && s.length <= max, { error: `${what} must have ${min}–${max} characters` }),
  );
const shortText = (what: string) => text(what, 1, LIMITS.text);
const matching = (re: RegExp, error: string) => z.string().check(z.refine((s) => re.test(s), { error }));

const wholeNumber = (min: number, max: number, what: string) =>
  z.number().check(
    z.refine((n) => Number.isInteger(n) && n >= min && n <= max, { error: `${what} must be a whole number from ${min} to ${max}` }),
  );
const positive = (what: string, integer: boolean) =>
  z.number().check(
    z.refine((n) => n > 0 && Number.isFinite(n) && (!integer || Number.isInteger(n)), { error: `${what} must be a positive number` }),
  );
/** Epoch milliseconds. */
const timestamp = (what: string) => positive(what, true);

// ---------------------------------------------------------------------------------------------
// One schema per stored setting (each one is its own storage item; see items.ts)

export const PediatricCutoffSchema = lazySchema(() => wholeNumber(PEDIATRIC_CUTOFF_MIN_YEARS, PEDIATRIC_CUTOFF_MAX_YEARS, 'pediatric cutoff'));

export const DisabledCampaignsSchema = lazySchema(() => z.array(CampaignSchema));

export const StatementSourcesSchema = lazySchema(() => z.object({
  /** Fetch imagegently.org's home and "In the News" pages. */
  imagegently: z.boolean(),
  /** Extra RSS/Atom/JSON Feed URLs; each needs its own optional host permission. */
  extraUrls: z.array(HttpUrlSchema),
}));
export type StatementSources = z.infer<typeof StatementSourcesSchema>;

export const RefreshIntervalSchema = lazySchema(() => wholeNumber(REFRESH_MIN_HOURS, REFRESH_MAX_HOURS, 'refresh interval'));

export const DateOrderSchema = lazySchema(() => z.enum(DATE_ORDERS));
/**
 * Where a site's DICOMweb service lives, as a path on that site (`/dicom-web`, `/dcm4chee-arc/aets/DCM4CHEE/rs`),
 * for a viewer whose own requests do not show it (content/pacs/dicomweb-root.ts). A path, never a URL: the
 * PACS route only ever reads from the page's own origin. Stored as origin → path.
 */
export const DicomWebPathSchema = lazySchema(() => matching(
  /^\/(?!\/)[^\s?#\\]{0,299}$/,
  'must be a path on the site starting with / (no host, query or fragment), up to 300 characters',
));

/** Epoch ms until which the panel stays hidden on a site (stored as origin → until). */
export const SnoozeUntilSchema = lazySchema(() => timestamp('snooze end'));

/**
 * A dismissed exam: a keyed hash of the page's exam key (computed by the panel with the
 * per-install secret, `dismissalSecret` in items.ts) and when the dismissal lapses. Never an id.
 */
export const DismissalSchema = lazySchema(() => z.object({
  hash: matching(/^[0-9a-f]{32,128}$/, 'hash must be 32–128 lower-case hex digits'),
  expiresAt: timestamp('expiry'),
}));
export type Dismissal = z.infer<typeof DismissalSchema>;
export const DismissalsSchema = lazySchema(() => z.array(DismissalSchema));

/**
 * Local reference-level tables (imported by the user, or one set by policy), in the format of
 * clinical/reference-levels.ts (bins of one size metric, one CTDI phantom, median/p75 per quantity).
 */
export { ReferenceLevelTableSchema };
export type { ReferenceLevelTable };

/** Who to call about the extension (shown in the panel's help and on the options page). */
export const SupportContactSchema = lazySchema(() => z.object({
  name: shortText('support name'),
  email: z.optional(matching(/^[^\s@<>]{1,64}@[^\s@<>]{1,190}$/, 'not an e-mail address')),
  // Digits and the usual separators, optionally an extension: "+1 555 0100 ext 4", "0800-123 x12".
  phone: z.optional(matching(/^(?=.{3,40}$)[0-9+()./\- ]*[0-9][0-9+()./\- ]*(?:(?:x|ext\.?)\s*[0-9]{1,6})?$/i, 'not a phone number')),
  url: z.optional(HttpUrlSchema),
}));
export type SupportContact = z.infer<typeof SupportContactSchema>;

// ---------------------------------------------------------------------------------------------
// All user settings

export interface Settings {
  pediatricCutoffYears: number;
  disabledCampaigns: Campaign[];
  statementSources: StatementSources;
  refreshIntervalHours: number;
  dateOrderBySite: Record<string, DateOrder>;
  dicomWebPathBySite: Record<string, string>;
  snoozeBySite: Record<string, number>;
  dismissals: Dismissal[];
  referenceLevelTables: ReferenceLevelTable[];
  supportContact: SupportContact | null;
  /** Site recipes the user taught with the picker or imported (content/read/recipe/); a policy adds its own. */
  siteRecipes: SiteRecipe[];
}
export type SettingKey = keyof Settings;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  pediatricCutoffYears: DEFAULT_PEDIATRIC_CUTOFF_YEARS,
  disabledCampaigns: [],
  statementSources: { imagegently: true, extraUrls: [] },
  refreshIntervalHours: DEFAULT_REFRESH_HOURS,
  dateOrderBySite: {},
  dicomWebPathBySite: {},
  snoozeBySite: {},
  dismissals: [],
  referenceLevelTables: [],
  supportContact: null,
  siteRecipes: [],
});

/** A fresh, mutable copy of the defaults (DEFAULT_SETTINGS is shared and frozen). */
export function defaultSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS) as Settings;
}

// ---------------------------------------------------------------------------------------------
// Repair

export interface Repaired<T> {
  value: T;
  /** Readable notes on what was dropped or reset (empty when the value was valid). */
  issues: string[];
}

function describe(error: z.core.$ZodError): string {
  const first = error.issues[0];
  if (!first) return 'invalid';
  const where = first.path.length ? `${first.path.join('.')}: ` : '';
  return `${where}${first.message === 'Invalid input' ? `expected ${first.code.replace(/_/g, ' ')}` : first.message}`;
}

/** Validate a whole value; on failure return the fallback and say why. */
export function repairWhole<T>(schema: z.ZodMiniType<T>, raw: unknown, fallback: T, name: string): Repaired<T> {
  if (raw === undefined || raw === null) return { value: fallback, issues: [] };
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { value: parsed.data, issues: [] };
  return { value: fallback, issues: [`${name}: ${describe(parsed.error)}; using the default`] };
}

/**
 * Keep the valid elements of a list (up to `max`), dropping the bad ones with a note each. Past `max` elements
 * kept (or `max` notes), the rest is not read: one note says how many were dropped.
 */
export function repairList<T>(element: z.ZodMiniType<T>, raw: unknown, name: string, max: number): Repaired<T[]> {
  if (raw === undefined || raw === null) return { value: [], issues: [] };
  if (!Array.isArray(raw)) return { value: [], issues: [`${name}: expected a list; using the default`] };
  const value: T[] = [];
  const issues: string[] = [];
  let i = 0;
  for (; i < raw.length && value.length < max && issues.length < max; i++) {
    const parsed = element.safeParse(raw[i]);
    if (!parsed.success) issues.push(`${name}[${i}]: ${describe(parsed.error)}; dropped`);
    else value.push(parsed.data);
  }
  if (i < raw.length) issues.push(`${name}: more than ${max} entries; ${raw.length - i} dropped`);
  return { value, issues };
}

/** Keep the valid entries of an origin-keyed map (up to LIMITS.sites), dropping the bad ones with a note each. */
export function repairOriginMap<T>(entry: z.ZodMiniType<T>, raw: unknown, name: string): Repaired<Record<string, T>> {
  if (raw === undefined || raw === null) return { value: {}, issues: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { value: {}, issues: [`${name}: expected a map; using the default`] };
  const value: Record<string, T> = {};
  const issues: string[] = [];
  const entries = Object.entries(raw as Record<string, unknown>);
  let kept = 0;
  let read = 0;
  for (; read < entries.length && kept < LIMITS.sites && issues.length < LIMITS.sites; read++) {
    const [key, item] = entries[read]!;
    const origin = normalizeOrigin(key);
    const parsed = entry.safeParse(item);
    if (!origin) issues.push(`${name}: a key is not an http(s) origin; dropped`);
    else if (!parsed.success) issues.push(`${name}[${origin}]: ${describe(parsed.error)}; dropped`);
    else {
      if (!Object.hasOwn(value, origin)) kept++;
      value[origin] = parsed.data;
    }
  }
  // Past the limit the rest is not read: one note, not one per entry.
  if (read < entries.length) issues.push(`${name}: more than ${LIMITS.sites} sites; ${entries.length - read} dropped`);
  return { value, issues };
}

function repairStatementSources(raw: unknown): Repaired<StatementSources> {
  const fallback = DEFAULT_SETTINGS.statementSources;
  if (raw === undefined || raw === null) return { value: { ...fallback, extraUrls: [] }, issues: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { value: { ...fallback, extraUrls: [] }, issues: ['statementSources: expected an object; using the default'] };
  }
  const obj = raw as Record<string, unknown>;
  const on = repairWhole(z.boolean(), obj.imagegently, fallback.imagegently, 'statementSources.imagegently');
  const urls = repairList(HttpUrlSchema, obj.extraUrls, 'statementSources.extraUrls', LIMITS.extraStatementUrls);
  const unique = [...new Set(urls.value)];
  return { value: { imagegently: on.value, extraUrls: unique }, issues: [...on.issues, ...urls.issues] };
}

/**
 * Per-setting repair: the one place that turns whatever is in storage (or in an imported file)
 * into a valid value. Each function is independent, so one bad setting never resets another.
 */
export const REPAIR: { [K in SettingKey]: (raw: unknown) => Repaired<Settings[K]> } = {
  pediatricCutoffYears: (raw) =>
    repairWhole(PediatricCutoffSchema, raw, DEFAULT_PEDIATRIC_CUTOFF_YEARS, 'pediatricCutoffYears'),
  disabledCampaigns: (raw) => {
    const r = repairList(CampaignSchema, raw, 'disabledCampaigns', CAMPAIGN_IDS.length);
    return { value: CAMPAIGN_IDS.filter((c) => r.value.includes(c)), issues: r.issues };
  },
  statementSources: repairStatementSources,
  refreshIntervalHours: (raw) =>
    repairWhole(RefreshIntervalSchema, raw, DEFAULT_REFRESH_HOURS, 'refreshIntervalHours'),
  dateOrderBySite: (raw) => repairOriginMap(DateOrderSchema, raw, 'dateOrderBySite'),
  dicomWebPathBySite: (raw) => repairOriginMap(DicomWebPathSchema, raw, 'dicomWebPathBySite'),
  snoozeBySite: (raw) => repairOriginMap(SnoozeUntilSchema, raw, 'snoozeBySite'),
  dismissals: (raw) => repairList(DismissalSchema, raw, 'dismissals', LIMITS.dismissals),
  referenceLevelTables: (raw) =>
    repairList(ReferenceLevelTableSchema, raw, 'referenceLevelTables', LIMITS.referenceTables),
  supportContact: (raw) => repairWhole(z.nullable(SupportContactSchema), raw, null, 'supportContact'),
  siteRecipes: (raw) => uniqueRecipes(repairList(SiteRecipeSchema, raw, 'siteRecipes', RECIPE_LIMITS.recipes)),
};

/** Recipes are keyed by id: a later one with an id already seen is dropped. */
export function uniqueRecipes(r: Repaired<SiteRecipe[]>, name = 'siteRecipes'): Repaired<SiteRecipe[]> {
  const seen = new Set<string>();
  const value: SiteRecipe[] = [];
  const issues = [...r.issues];
  for (const recipe of r.value) {
    if (seen.has(recipe.id)) issues.push(`${name}: a second recipe with the id ${recipe.id}; dropped`);
    else {
      seen.add(recipe.id);
      value.push(recipe);
    }
  }
  return { value, issues };
}

/** Repair a whole settings object (an import, or every item read at once). */
export function repairSettings(raw: Partial<Record<SettingKey, unknown>>): Repaired<Settings> {
  const value = defaultSettings() as unknown as Record<SettingKey, unknown>;
  const issues: string[] = [];
  for (const key of Object.keys(REPAIR) as SettingKey[]) {
    const r = REPAIR[key](raw[key]);
    value[key] = r.value;
    issues.push(...r.issues);
  }
  return { value: value as unknown as Settings, issues };
}
