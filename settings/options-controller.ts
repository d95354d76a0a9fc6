/**
 * The options page's side effects: reading settings, policy and granted sites into an
 * `OptionsView`, and carrying out what the page asks (`OptionsActions`). The browser APIs come in
 * through `OptionsDeps`, so tests drive it with fakes and the entrypoint stays wiring only.
 *
 * Permission rule: `permissions.request` must be the first call of a click handler (Firefox
 * refuses it after an `await`; Chrome needs the user gesture), so `enableApproved` and `addFeed`
 * call it synchronously, with the patterns computed from the last loaded view.
 */
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { IMPORT_ERROR_MESSAGE_KEY, importReferenceLevels, type ImportIssue } from '@/clinical/reference-level-import';
import { DOSE_QUANTITIES, type DoseQuantity, type SizeMetric } from '@/clinical/reference-levels';
import type { OptionsActions, OptionsView } from './options-view';
import { getSettingsState } from './index';
import { readManagedRaw } from './policy';
import { InvalidSettingError, writeSetting, updateSetting } from './items';
import { DicomWebPathSchema, LIMITS, normalizeFeedUrl, normalizeHttpUrl, type ReferenceLevelTable, type Settings } from './schema';
import { forgetTurnedOn, readTurnedOn, rememberTurnedOn } from './site-grants';
import { loopbackHttpFeedsAllowed } from './hosts';
import { feedOnlyPatterns, isSitePattern } from './site-access';
import { exportSettings, parseSettingsImport, settingsToPolicy } from './transfer';
import { exportRecipesFile, mergeRecipes, parseRecipesImport } from './recipe-transfer';
import { readRecipeStatus } from './recipe-status';
import { RECIPE_FIELD_KINDS, recipeApplies, type RecipeFieldKind, type SiteRecipe } from '@/content/read/recipe/recipe';

/** Is `url` one of the recipe's pages? */
function recipeOpensAt(recipe: SiteRecipe, url: string): boolean {
  try {
    return recipeApplies(recipe, new URL(url));
  } catch {
    return false;
  }
}

export interface PermissionsLike {
  getAll(): Promise<{ origins?: string[] }>;
  request(p: { origins: string[] }): Promise<boolean>;
  remove(p: { origins: string[] }): Promise<boolean>;
}

/** The tabs the options page tests a recipe on (its "Test on the current tab"). */
export interface TabsLike {
  query(q: object): Promise<{ id?: number; url?: string; active?: boolean; lastAccessed?: number }[]>;
  sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
}

export interface OptionsDeps {
  permissions: PermissionsLike;
  tabs?: TabsLike;
  /** Host permissions the manifest requires (cannot be removed, are not "sites"). */
  requiredHosts: readonly string[];
  /** Offer a file to the user. */
  download(fileName: string, text: string, mimeType: string): void;
  now(): Date;
  /**
   * The policy for the first view, without waiting for storage.managed: the entrypoint passes
   * background/policy-cache.ts `policyForPage()`. Without it the first view waits for storage.managed's answer.
   */
  firstPolicy?: PagePolicy;
  /** The raw managed object for the views after the first (default: settings/policy.ts `readManagedRaw`). */
  readManaged?: () => Promise<unknown>;
}

/** The policy as an extension page gets it at once (background/policy-cache.ts `policyForPage`). */
export interface PagePolicy {
  /** The raw policy, or undefined: none, or not known yet (`known` false). */
  now: Promise<unknown>;
  known: Promise<boolean>;
  /** True when storage.managed answered only after `now`: read again. */
  late: Promise<boolean>;
}

/** `https://host[:port]/…` → `https://host/*` (a grant covers every port); null for non-http(s). */
export function hostPattern(originOrUrl: string): string | null {
  const url = normalizeHttpUrl(originOrUrl);
  if (!url) return null;
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

/**
 * Pure: granted patterns + approved origins → the sites list (the granted patterns that stand for one site, as the
 * background registers the content script for them: settings/site-access.ts isSitePattern) and the approved ones
 * still to grant.
 */
export function siteLists(
  granted: readonly string[],
  required: readonly string[],
  approvedOrigins: readonly string[],
): { sites: string[]; approvedPending: string[] } {
  const sites = [...new Set(granted.filter((p) => isSitePattern(p) && !required.includes(p)))].sort();
  const have = new Set([...granted, ...required]);
  const approvedPending = [
    ...new Set(approvedOrigins.map(hostPattern).filter((p): p is string => p !== null && !have.has(p))),
  ].sort();
  return { sites, approvedPending };
}

function message(error: unknown): string {
  if (error instanceof InvalidSettingError) return error.issues.join('; ');
  return error instanceof Error ? error.message : String(error);
}

/** One import problem in the user's language (clinical/reference-level-import.ts gives codes). */
export function importIssueText(issue: ImportIssue): string {
  // The keys are in the `clinical:` section of the locales; $1 = line, $2 = detail.
  const t = i18n.t as (key: string, substitutions?: string[]) => string;
  const text = t(IMPORT_ERROR_MESSAGE_KEY[issue.code], [issue.line === undefined ? '' : String(issue.line), issue.detail ?? '']);
  return text || issue.message;
}

// CSV export in the layout clinical/reference-level-import.ts reads back (see its header).
const CSV_HEADER = ['table', 'exam', 'metric', 'metric_unit', 'from', 'to', 'label', 'phantom_cm', 'quantity', 'unit', 'median', 'p75', 'source', 'year'];
const CSV_METRIC: Record<SizeMetric, [string, string]> = {
  'age-years': ['age', 'y'],
  'weight-kg': ['weight', 'kg'],
  'effective-diameter-cm': ['deff', 'cm'],
  'water-equivalent-diameter-cm': ['dw', 'cm'],
};
const CSV_QUANTITY: Record<DoseQuantity, [string, string]> = {
  ctdiVolMGy: ['CTDIvol', 'mGy'],
  ssdeMGy: ['SSDE', 'mGy'],
  dlpMGyCm: ['DLP', 'mGy·cm'],
};

function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  // A leading =, +, - or @ would make a spreadsheet run the cell as a formula: prefix it.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV row per bin and quantity. */
export function tableToCsv(table: ReferenceLevelTable): string {
  const [metric, metricUnit] = CSV_METRIC[table.metric];
  const lines = [CSV_HEADER.join(',')];
  for (const bin of table.bins) {
    for (const q of DOSE_QUANTITIES) {
      const p = bin[q];
      if (!p) continue;
      const [quantity, unit] = CSV_QUANTITY[q];
      const row = [table.name, table.exam, metric, metricUnit, bin.from, bin.to, bin.label, table.phantomCm, quantity, unit, p.median, p.p75, table.source, table.year];
      lines.push(row.map(csvCell).join(','));
    }
  }
  return lines.join('\r\n') + '\r\n';
}

/** The feed rule of this build: https only, and http on loopback too in the e2e builds (their fixture servers). */
const FEED_RULE = { loopbackHttp: loopbackHttpFeedsAllowed(import.meta.env.MODE) };

/** Check a feed URL before asking for its permission: the normalised URL, or why not. Feeds are https only (see FEED_RULE). */
export function checkFeedUrl(text: string, current: readonly string[]): { url: string } | { error: string } {
  const url = normalizeFeedUrl(text, FEED_RULE);
  if (!url) return { error: i18n.t('options.statements.invalidUrl') };
  if (current.includes(url)) return { error: i18n.t('options.statements.duplicate') };
  if (current.length >= LIMITS.extraStatementUrls) {
    return { error: i18n.t('options.statements.tooMany', [String(LIMITS.extraStatementUrls)]) };
  }
  return { url };
}

/** A typed DICOMweb path: '' clears it; otherwise a path on the site, or why not. */
export function checkDicomWebPath(text: string): { path: string | null } | { error: string } {
  const path = text.trim();
  if (!path) return { path: null };
  return DicomWebPathSchema.safeParse(path).success ? { path } : { error: i18n.t('options.dicomWeb.invalid') };
}

export function defaultOptionsDeps(): OptionsDeps {
  const manifest = browser.runtime.getManifest() as { host_permissions?: string[] };
  return {
    permissions: browser.permissions as unknown as PermissionsLike,
    tabs: browser.tabs as unknown as TabsLike,
    requiredHosts: manifest.host_permissions ?? [],
    download(fileName, text, mimeType) {
      const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    now: () => new Date(),
  };
}

export interface OptionsController {
  /**
   * The current view. A load that overlaps a write waits for the write and reads again, so it never
   * returns values that predate a change the user just made (rendering them would flip a control
   * back), and it never gives up: the storage event of a write can arrive before the write's own
   * promise settles, and a load that returned nothing then left the page stale for good.
   *
   * It does not wait for the policy: until storage.managed has answered once (its first read in a browser that
   * has just started took 3.4 s), the view is the user's settings with `policyKnown: false`.
   */
  load(): Promise<OptionsView>;
  /** Resolves true when the policy became known after a view without it: load again. */
  policyLate: Promise<boolean>;
  actions: OptionsActions;
}

export function createOptionsController(deps: OptionsDeps = defaultOptionsDeps()): OptionsController {
  let last: OptionsView | null = null;
  const readManaged = deps.readManaged ?? readManagedRaw;
  const firstPolicy: PagePolicy = deps.firstPolicy ?? { now: readManaged(), known: Promise.resolve(true), late: Promise.resolve(false) };
  /** storage.managed has answered (or the background's reading was used): later views read it directly. */
  let policyAnswered = false;
  void firstPolicy.late.then(() => (policyAnswered = true));
  /** Bumped when a write starts; a read that saw another value is read again. */
  let writes = 0;
  const inFlight = new Set<Promise<unknown>>();
  const writing = <T>(p: Promise<T>): Promise<T> => {
    writes++;
    const settled = p.then(
      () => undefined,
      () => undefined,
    );
    inFlight.add(settled);
    void settled.then(() => inFlight.delete(settled));
    return p;
  };

  async function load(): Promise<OptionsView> {
    for (;;) {
      await Promise.all([...inFlight]);
      const seen = writes;
      const view = await read();
      if (seen === writes && inFlight.size === 0) return (last = view);
    }
  }

  async function read(): Promise<OptionsView> {
    const answered = policyAnswered;
    const rawPolicy = answered ? readManaged() : firstPolicy.now;
    const [state, all, turnedOn, recipeStatus, policyKnown] = await Promise.all([
      getSettingsState(rawPolicy),
      deps.permissions.getAll().catch(() => ({ origins: [] })),
      readTurnedOn(),
      readRecipeStatus(),
      answered || firstPolicy.known,
    ]);
    // Feeds the policy names need their hosts granted too, or the background cannot fetch them.
    const policyFeeds = state.managed.includes('statementUrls') ? state.effective.statementSources.extraUrls : [];
    const lists = siteLists(all.origins ?? [], deps.requiredHosts, [...state.effective.approvedSites, ...policyFeeds]);
    // A host granted only for a statement feed is not a site (no panel there); a feed on a site is said so.
    const feeds = [...new Set([...state.user.statementSources.extraUrls, ...state.effective.statementSources.extraUrls])];
    const feedOnly = new Set(feedOnlyPatterns(feeds, turnedOn ?? []));
    const sites = lists.sites.filter((p) => !feedOnly.has(p));
    return {
      sites,
      approvedPending: lists.approvedPending,
      feedsOnSites: feeds.filter((url) => {
        const p = hostPattern(url);
        return p !== null && sites.includes(p);
      }),
      user: state.user,
      effective: state.effective,
      policy: state.policy,
      managed: state.managed,
      policyIssues: state.policyIssues,
      settingsIssues: state.settingsIssues,
      recipeStatus,
      policyKnown,
    };
  }

  const date = () => deps.now().toISOString().slice(0, 10);

  const actions: OptionsActions = {
    checkFeedUrl,
    checkDicomWebPath,

    save(key, value) {
      return writing(writeSetting(key, value).catch((e: unknown) => Promise.reject(new Error(message(e)))));
    },

    async removeSite(pattern) {
      await forgetTurnedOn([pattern]);
      // A statement feed of the user on that host keeps the grant (the background still fetches it).
      if (last?.feedsOnSites.some((url) => hostPattern(url) === pattern)) return;
      const removed = await deps.permissions.remove({ origins: [pattern] });
      if (!removed) throw new Error(pattern);
    },

    enableApproved() {
      const pending = last?.approvedPending ?? [];
      if (!pending.length) return Promise.resolve(true);
      // The approved sites are recorded as sites first; the policy's feed hosts in the same grant are not.
      const approvedSites = new Set((last?.effective.approvedSites ?? []).map(hostPattern));
      const recorded = rememberTurnedOn(pending.filter((p) => approvedSites.has(p)));
      const asked = deps.permissions.request({ origins: [...pending] });
      return Promise.all([asked, recorded.catch(() => undefined)]).then(([granted]) => granted);
    },

    addFeed(url) {
      const pattern = normalizeFeedUrl(url, FEED_RULE) === url ? hostPattern(url) : null;
      if (!pattern) return Promise.resolve(false);
      // Saved before it is granted: the background takes a granted host that is no feed for a site, and would
      // run the content script there until the feed was saved. A host that is a site already stays one.
      let added = false;
      const saving = writing(
        Promise.all([
          updateSetting('statementSources', (s) => {
            if (s.extraUrls.includes(url) || s.extraUrls.length >= LIMITS.extraStatementUrls) return s;
            added = true;
            return { ...s, extraUrls: [...s.extraUrls, url] };
          }),
          last?.sites.includes(pattern) ? rememberTurnedOn([pattern]) : undefined,
        ]),
      );
      // Still the first permission call of the click (nothing awaited before it).
      const asked = deps.permissions.request({ origins: [pattern] });
      return Promise.all([asked, saving]).then(async ([granted]) => {
        if (granted) return true;
        if (added) {
          await writing(updateSetting('statementSources', (s) => ({ ...s, extraUrls: s.extraUrls.filter((u) => u !== url) })));
        }
        return false;
      });
    },

    exportSettings() {
      if (!last) return;
      deps.download(`image-gently-companion-settings-${date()}.json`, exportSettings(last.user, deps.now()), 'application/json');
    },

    exportPolicy() {
      if (!last) return;
      const origins = last.sites.map((p) => p.replace(/\/\*$/, ''));
      const policy = settingsToPolicy(last.effective, origins);
      deps.download(`image-gently-companion-policy-${date()}.json`, JSON.stringify(policy, null, 2) + '\n', 'application/json');
    },

    async importSettings(text) {
      const r = parseSettingsImport(text);
      if (!r.ok) return { ok: false, error: r.error, skipped: 0 };
      const entries = Object.entries(r.values) as [keyof Settings, unknown][];
      await writing(Promise.all(entries.map(([key, value]) => writeSetting(key, value as never))));
      return { ok: true, skipped: r.issues.length };
    },

    async importTable(text, fileName) {
      const r = importReferenceLevels(text, fileName);
      if (!r.ok) return { ok: false, message: r.errors.slice(0, 5).map(importIssueText).join(' ') };
      try {
        await writing(
          updateSetting('referenceLevelTables', (tables) => {
            const ids = new Set(r.tables.map((t) => t.id));
            const next = [...tables.filter((t) => !ids.has(t.id)), ...r.tables];
            if (next.length > LIMITS.referenceTables) throw new Error(`at most ${LIMITS.referenceTables} tables`);
            return next;
          }),
        );
      } catch (e) {
        return { ok: false, message: message(e) };
      }
      return { ok: true, message: r.tables.map((t) => t.name).join(', ') };
    },

    deleteRecipe(id) {
      return writing(updateSetting('siteRecipes', (list) => list.filter((r) => r.id !== id)).then(() => undefined));
    },

    exportRecipes() {
      if (!last) return;
      deps.download(`image-gently-companion-recipes-${date()}.json`, exportRecipesFile(last.effective.siteRecipes, deps.now()), 'application/json');
    },

    async importRecipes(text) {
      const r = parseRecipesImport(text);
      if (!r.ok) return { ok: false, error: r.error, imported: 0, skipped: 0 };
      let counts = { added: 0, refused: 0 };
      await writing(
        updateSetting('siteRecipes', (user) => {
          const merged = mergeRecipes(user, last?.policy.siteRecipes ?? [], r.recipes);
          counts = merged;
          return merged.list;
        }),
      );
      return { ok: true, imported: counts.added, skipped: r.skipped + counts.refused };
    },

    async testRecipe(id) {
      const recipe = last?.effective.siteRecipes.find((r) => r.id === id);
      const tabs = deps.tabs;
      if (!recipe || !tabs) return { kind: 'no-tab' };
      try {
        // The tab of the recipe's pages the user looked at last (the active one first).
        const open = (await tabs.query({}))
          .filter((t) => t.id !== undefined && t.url && recipeOpensAt(recipe, t.url))
          .sort((a, b) => Number(!!b.active) - Number(!!a.active) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
        const tab = open[0];
        if (!tab) return { kind: 'no-tab' };
        const reply = (await tabs.sendMessage(tab.id!, { type: 'test-recipe', recipe }, { frameId: 0 })) as
          | { applies?: unknown; found?: unknown; missing?: unknown }
          | undefined;
        if (!reply || !Array.isArray(reply.found) || !Array.isArray(reply.missing)) return { kind: 'failed', message: 'no answer from the page' };
        const kinds = (x: unknown[]) => x.filter((k): k is RecipeFieldKind => (RECIPE_FIELD_KINDS as readonly unknown[]).includes(k));
        return { kind: 'tested', found: kinds(reply.found), missing: kinds(reply.missing) };
      } catch (e) {
        return { kind: 'failed', message: message(e) };
      }
    },

    exportTable(id, format) {
      const table = last?.effective.referenceLevelTables.find((t) => t.id === id);
      if (!table) return;
      if (format === 'csv') deps.download(`${table.id}.csv`, tableToCsv(table), 'text/csv');
      else deps.download(`${table.id}.json`, JSON.stringify(table, null, 2) + '\n', 'application/json');
    },
  };

  return { load, policyLate: firstPolicy.late, actions };
}
