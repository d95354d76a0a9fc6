/**
 * Per-site access, the background's part. `registerSiteAccess()` is called once, synchronously, from
 * `defineBackground` (MV3: listeners at the top level). On every event that can change what is
 * granted or registered — permissions.onAdded/onRemoved (popup grant, or the user revoking in the
 * browser's UI), runtime.onInstalled (an update wipes dynamic registrations), runtime.onStartup — it
 * runs the pure `reconcile` and applies the plan. After a grant it also injects the content script
 * into tabs of that site that are already open, so nobody has to reload.
 */
import { browser } from 'wxt/browser';
import { readPolicy, readSetting, watchSettings } from '@/settings';
import { readTurnedOn, watchTurnedOn, writeTurnedOn } from '@/settings/site-grants';
import {
  CONTENT_SCRIPT_FILE,
  feedOnlyPatterns,
  initialTurnedOn,
  CONTENT_SCRIPT_PATH,
  reconcile,
  sitePatterns,
  urlMatchesPattern,
  type ContentScriptRegistration,
  type ReconcilePlan,
} from '@/settings/site-access';

export interface ReconcileResult extends ReconcilePlan {
  errors: string[];
}

/** Patterns the manifest already serves with a static content script (the e2e build): never register those again. */
export function staticContentScriptPatterns(): string[] {
  try {
    const manifest = browser.runtime.getManifest() as { content_scripts?: { matches?: string[]; js?: string[] }[] };
    return (manifest.content_scripts ?? [])
      .filter((cs) => cs.js?.includes(CONTENT_SCRIPT_FILE))
      .flatMap((cs) => cs.matches ?? []);
  } catch {
    return [];
  }
}

/**
 * Hosts of the configured statement feeds: granted so the background may fetch them, not sites to
 * read. The user's feeds come from storage.local (fast). The organisation's feeds come from
 * storage.managed, whose first read can take seconds in a freshly started Chromium: reconcile never
 * waits for it — it uses what the last policy read gave and reconciles again when a read lands.
 */
let policyFeeds: string[] = [];
let policyRead: Promise<void> | null = null;
function refreshPolicyFeeds(): Promise<void> {
  policyRead ??= readPolicy()
    .then((p) => {
      policyFeeds = p.value.statementUrls ?? [];
    })
    .catch(() => undefined)
    .finally(() => {
      policyRead = null;
      void reconcileSiteAccess();
    });
  return policyRead;
}

async function statementFeedUrls(): Promise<string[]> {
  const user = await readSetting('statementSources').catch(() => ({ extraUrls: [] as string[] }));
  return [...user.extraUrls, ...policyFeeds];
}

/**
 * On install or update: an install from before the record of sites turned on gets one, made from its grants (the
 * sites it served then). Until then no site counts as turned on, which excludes every feed's host: the rule
 * before the record.
 */
async function recordSitesOnce(): Promise<void> {
  if (await readTurnedOn()) return;
  // The organisation's feeds as the policy says now (a one-time wait for storage.managed), not the last reading.
  const [granted, user, policy] = await Promise.all([
    browser.permissions.getAll(),
    readSetting('statementSources'),
    readPolicy().then((p) => p.value.statementUrls ?? []),
  ]);
  await writeTurnedOn(initialTurnedOn(granted.origins ?? [], [...user.extraUrls, ...policy]));
}

/** Everything that is granted but must not carry the content script: static scripts' hosts, feed-only hosts. */
async function excludedPatterns(): Promise<string[]> {
  const [feeds, turnedOn] = await Promise.all([statementFeedUrls(), readTurnedOn()]);
  return [...staticContentScriptPatterns(), ...feedOnlyPatterns(feeds, turnedOn ?? [])];
}

let queue: Promise<unknown> = Promise.resolve();
/** Runs reconciles one after another: two at once would both try to register the same id. */
function serialized<T>(fn: () => Promise<T>): Promise<T> {
  const next = queue.then(fn, fn);
  queue = next.catch(() => undefined);
  return next;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function applyReconcile(): Promise<ReconcileResult> {
  const [granted, registered, exclude] = await Promise.all([
    browser.permissions.getAll(),
    browser.scripting.getRegisteredContentScripts() as Promise<ContentScriptRegistration[]>,
    excludedPatterns(),
  ]);
  const plan = reconcile(granted.origins ?? [], registered, { exclude });
  const errors: string[] = [];
  if (plan.unregister.length > 0) {
    try {
      await browser.scripting.unregisterContentScripts({ ids: plan.unregister });
    } catch (e) {
      // One id may have vanished meanwhile (an update); fall back to one at a time.
      for (const id of plan.unregister) {
        await browser.scripting.unregisterContentScripts({ ids: [id] }).catch((err: unknown) => errors.push(message(err)));
      }
      errors.push(message(e));
    }
  }
  // One at a time, so a bad pattern cannot keep the other sites from being registered.
  for (const script of plan.register) {
    try {
      await browser.scripting.registerContentScripts([script]);
    } catch (e) {
      errors.push(`${script.id}: ${message(e)}`);
    }
  }
  return { ...plan, errors };
}

/** Brings registrations in line with the granted sites. Safe to call any time. */
export function reconcileSiteAccess(): Promise<ReconcileResult> {
  return serialized(applyReconcile);
}

/**
 * Injects the content script (every frame) into open tabs whose URL falls under one of `patterns`.
 * Returns the ids of the tabs injected. Tabs that refuse (discarded, error pages) are skipped.
 */
export async function injectIntoOpenTabs(patterns: readonly string[]): Promise<number[]> {
  if (patterns.length === 0) return [];
  const tabs = await browser.tabs.query({});
  const done: number[] = [];
  for (const tab of tabs) {
    if (tab.id == null || !tab.url || !patterns.some((p) => urlMatchesPattern(tab.url!, p))) continue;
    try {
      await browser.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: [CONTENT_SCRIPT_PATH] });
      done.push(tab.id);
    } catch {
      /* tab not scriptable right now; it gets the script on its next load */
    }
  }
  return done;
}

/** Handles a grant: reconcile, then inject into already-open tabs of the newly granted sites. */
export async function onPermissionsAdded(added: { origins?: string[] }): Promise<void> {
  await reconcileSiteAccess();
  await injectIntoOpenTabs(sitePatterns(added.origins ?? [], { exclude: await excludedPatterns() }));
}

/** Wires the listeners. Call once, synchronously, at the top of `defineBackground`'s main. */
export function registerSiteAccess(): void {
  browser.permissions.onAdded.addListener((p) => void onPermissionsAdded(p));
  browser.permissions.onRemoved.addListener(() => void reconcileSiteAccess());
  browser.runtime.onInstalled.addListener(() => {
    // Registrations first, not queued behind the record: it waits for storage.managed (seconds on a fresh start),
    // and until it exists no feed's host counts as a site (the rule before the record). Its write reconciles again.
    void reconcileSiteAccess();
    void recordSitesOnce().catch(() => undefined);
  });
  browser.runtime.onStartup.addListener(() => void reconcileSiteAccess());
  // A feed URL is saved after its host was granted (request first, in the click): re-check then.
  // A policy change re-reads the organisation's feeds (which reconciles when it lands).
  watchSettings(() => {
    void reconcileSiteAccess();
    void refreshPolicyFeeds();
  });
  // A site turned on that was granted already (a feed's host): nothing is granted, the record changes.
  watchTurnedOn(() => void reconcileSiteAccess());
  void refreshPolicyFeeds();
}
