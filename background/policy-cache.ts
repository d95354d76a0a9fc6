/**
 * The background's enterprise-policy cache: the last known raw `storage.managed` object, so the pages'
 * settings (`get-page-settings`, `get-page-policy`) are answered at once instead of waiting for
 * `storage.managed.get()`, whose first call in a freshly started Chromium can take seconds (measured: ~2.8 s in
 * a fresh profile), delaying the first panel by as much.
 *
 * - Kept in memory and in `storage.session` (so a service worker that was stopped and started again has it
 *   at once; `storage.session` is emptied when the browser closes). Policy values are an organisation's
 *   settings, not patient data.
 * - Refreshed from `storage.managed` when the service worker starts and on every `storage.onChanged` of the
 *   `managed` area. When a read gives something other than what the cache held (including "not known yet" →
 *   known), the cache is updated and `onChange` runs: the background then tells every tab
 *   (`page-settings-changed`), and the content scripts ask for their settings again and re-render. A push
 *   rather than a second, long-held request from each page: one message per change, no request kept open
 *   across a service-worker restart, and the same path serves an administrator's later change.
 * - Before the first read has landed and with nothing in `storage.session` (the first seconds after the
 *   browser starts), the policy is *not known*: see `pageSettingsFrom` (settings/page.ts) for what the page
 *   gets meanwhile.
 *
 * Wiring: `registerPolicyCache()` once, synchronously, in the background's main().
 */
import { browser } from 'wxt/browser';
import { readManagedRaw, type PolicySnapshot } from '@/settings/policy';



export const POLICY_SESSION_KEY = 'policyCache';

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** JSON with sorted keys: two reads of the same policy compare equal whatever their key order. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The raw policy the background kept in `storage.session` (`{ raw }` under POLICY_SESSION_KEY), if any. */
function storedRaw(got: Record<string, unknown>): Record<string, unknown> | null {
  const stored = got[POLICY_SESSION_KEY];
  return isRecord(stored) && isRecord(stored.raw) ? stored.raw : null;
}

export interface PolicyCacheDeps {
  /** The raw managed object; undefined when there is none (Firefox rejects without a policy). */
  readManaged(): Promise<unknown>;
  session: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  /** Runs after the cache changed (not on the read that only confirms it). */
  onChange(snapshot: PolicySnapshot): void;
}

export interface PolicyCache {
  /** The last known policy. Waits only for the `storage.session` read when the worker has just started. */
  snapshot(): Promise<PolicySnapshot>;
  /** Read `storage.managed` again (service worker start, `managed` changed); resolves when done. */
  refresh(): Promise<void>;
}

export function createPolicyCache(deps: PolicyCacheDeps): PolicyCache {
  let current: PolicySnapshot = { known: false };
  const restored = deps.session
    .get(POLICY_SESSION_KEY)
    .then((got) => {
      const raw = storedRaw(got);
      if (raw) current = { known: true, raw };
    })
    .catch(() => undefined);

  let reading: Promise<void> | null = null;
  let again = false;
  const readOnce = async (): Promise<void> => {
    let raw: unknown;
    try {
      raw = await deps.readManaged();
    } catch {
      return; // unreadable now: keep what is known
    }
    await restored;
    const next: PolicySnapshot = { known: true, raw: isRecord(raw) ? raw : {} };
    const changed = !current.known || stableJson(current.raw) !== stableJson(next.raw);
    current = next;
    if (!changed) return;
    await deps.session.set({ [POLICY_SESSION_KEY]: { raw: next.raw } }).catch(() => undefined);
    deps.onChange(next);
  };

  const refresh = (): Promise<void> => {
    // One read at a time; a change notice during a read asks for one more read after it.
    if (reading) {
      again = true;
      return reading;
    }
    reading = (async () => {
      do {
        again = false;
        await readOnce();
      } while (again);
    })().finally(() => {
      reading = null;
    });
    return reading;
  };

  return {
    async snapshot() {
      await restored;
      return current;
    },
    refresh,
  };
}

/** Tell every frame of every tab that the settings a page reads may have changed. */
async function notifyTabs(): Promise<void> {
  const tabs = await browser.tabs.query({}).catch(() => []);
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    // No content script in that tab: nothing to tell.
    browser.tabs.sendMessage(tab.id, { type: 'page-settings-changed' }).catch(() => undefined);
  }
}

let cache: PolicyCache | null = null;

/** The background's cache (created on first use, so tests and callers before registration get one too). */
export function policyCache(): PolicyCache {
  cache ??= createPolicyCache({
    readManaged: readManagedRaw,
    session: browser.storage.session,
    onChange: () => void notifyTabs(),
  });
  return cache;
}

/** Tests: forget the background's cache. */
export function resetPolicyCacheForTests(): void {
  cache = null;
}

/**
 * The raw policy for an extension page that must not wait for it (the popup's list, the options page): `now` is
 * the background's cached reading (`storage.session`) when there is one, else `storage.managed`'s answer if it
 * comes within `waitMs`, else `undefined` — not known yet (`known` resolves false): the page shows the user's
 * settings. `late` resolves true when `storage.managed` answered only after that (its first read in a browser that
 * has just started took 3.0 s, measured): the page then reads again with the policy.
 */
export interface PolicyForPage {
  now: Promise<unknown>;
  /** False when `now` is `undefined` because storage.managed has not answered in time. */
  known: Promise<boolean>;
  late: Promise<boolean>;
}

/** Where `policyForPage` reads: the background's cached reading and storage.managed. */
export interface PolicySources {
  session: { get(key: string): Promise<Record<string, unknown>> };
  readManaged(): Promise<unknown>;
}

export function policyForPage(
  waitMs = 200,
  deps: PolicySources = {
    session: browser.storage.session,
    readManaged: readManagedRaw,
  },
): PolicyForPage {
  let gaveUp = false;
  let managed: Promise<unknown> = Promise.resolve(undefined);
  const cached = deps.session
    .get(POLICY_SESSION_KEY)
    .then(storedRaw)
    .catch(() => null);
  const now = cached.then((hit) => {
    if (hit) return hit;
    managed = deps.readManaged().catch(() => undefined);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const giveUp = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => {
        gaveUp = true;
        resolve(undefined);
      }, waitMs);
    });
    return Promise.race([managed, giveUp]).finally(() => clearTimeout(timer));
  });
  const late = now.then(() => (gaveUp ? managed.then(() => true) : false));
  return { now, known: now.then(() => !gaveUp), late };
}

/** Wires the cache. Call once, synchronously, at the top of `defineBackground`'s main. */
export function registerPolicyCache(): void {
  const c = policyCache();
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void c.refresh();
  });
  void c.refresh();
}
