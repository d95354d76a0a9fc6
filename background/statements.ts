/**
 * Background side of the statements: the refresh schedule, the refresh itself and the badge.
 * Wiring: `registerStatements()` once, synchronously, at the top of the background's main().
 *
 * - Schedule: one `alarms` alarm (`news-refresh`), period = the refresh interval setting
 *   (default 12 h). Created on `onInstalled`/`onStartup` only when missing (an existing alarm
 *   keeps its time), re-created when the interval setting changes. Its first firing is one
 *   period after the last attempt, so restarts do not refetch.
 * - A refresh runs on install, on startup when the last attempt is older than a period, on the
 *   alarm, when a source is added in the settings, and when the popup asks (`news-refresh`).
 *   One at a time; the sources are fetched one after another.
 * - Badge: the unread count, recomputed from storage whenever the worker starts and whenever
 *   the cache, the read state or the settings change (the popup's writes included).
 *
 * Everything that reaches outside (fetch, clock, permission check, settings) comes in through
 * `StatementsDeps`, so tests drive it with fakes and no test-only branch exists.
 */
import { browser, type Browser } from 'wxt/browser';
import { i18n } from '#i18n';
import * as z from 'zod/mini';
import { watchSettings } from '@/settings';
import { readStatementsConfig, type StatementsConfig } from '@/news/config';
import { fetchSource, sourceUrls } from '@/news/sources';
import {
  CACHE_KEY,
  READ_STATE_KEY,
  ensureInstalledAt,
  keepSources,
  loadCache,
  loadReadState,
  saveCache,
  shownStatements,
  unreadStatements,
  withOutcome,
} from '@/news/store';

export type { StatementsConfig };
export const REFRESH_ALARM = 'news-refresh';
const BADGE_COLOR = '#1d4ed8';

export interface StatementsDeps {
  fetch: typeof fetch;
  now: () => number;
  isPermitted: (url: string) => boolean | Promise<boolean>;
  getConfig: () => Promise<StatementsConfig>;
  timeoutMs?: number;
}

/** Host permission for the URL's host (ports aside: match patterns do not carry them). */
async function hasHostPermission(url: string): Promise<boolean> {
  const { protocol, hostname } = new URL(url);
  try {
    return await browser.permissions.contains({ origins: [`${protocol}//${hostname}/*`] });
  } catch {
    return false;
  }
}

export function defaultDeps(): StatementsDeps {
  return {
    fetch: (input, init) => globalThis.fetch(input, init),
    now: () => Date.now(),
    isPermitted: hasHostPermission,
    getConfig: readStatementsConfig,
  };
}

// ---------------------------------------------------------------------------------------------

let inFlight: Promise<void> | null = null;

/** Fetch every configured source once and store the result. Concurrent calls share one run. */
export function refreshStatements(deps: StatementsDeps): Promise<void> {
  inFlight ??= refreshOnce(deps).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function refreshOnce(deps: StatementsDeps): Promise<void> {
  const { sources } = await deps.getConfig();
  const urls = sourceUrls(sources);
  let cache = keepSources(await loadCache(), urls);
  for (const url of urls) {
    const outcome = await fetchSource(url, cache.sources[url], deps);
    cache = withOutcome(cache, url, outcome, deps.now());
  }
  await saveCache(cache);
  await updateBadge(deps);
}

/** Set the badge to the number of unread statements ('' for none). */
export async function updateBadge(deps: Pick<StatementsDeps, 'getConfig'>): Promise<number> {
  const [config, cache, state] = await Promise.all([deps.getConfig(), loadCache(), loadReadState()]);
  const count = unreadStatements(shownStatements(cache, config.sources), state).length;
  const text = count === 0 ? '' : count > 99 ? '99+' : String(count);
  await browser.action.setBadgeText({ text });
  if (count > 0) await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
  await browser.action.setTitle({
    title: count === 0 ? i18n.t('extName') : i18n.t('news.badgeTitle', count, [String(count)]),
  });
  return count;
}

/** The latest attempt over the configured sources (epoch ms), or null. */
async function lastAttempt(urls: readonly string[]): Promise<number | null> {
  const cache = await loadCache();
  const times = urls.map((u) => cache.sources[u]?.checkedAt ?? null).filter((t): t is number => t !== null);
  return times.length ? Math.max(...times) : null;
}

/**
 * Create the refresh alarm if it is missing (or its period no longer matches the setting).
 * Returns true when an alarm was created.
 */
export async function ensureAlarm(deps: StatementsDeps, config: StatementsConfig): Promise<boolean> {
  const periodInMinutes = config.refreshIntervalHours * 60;
  const existing = await browser.alarms.get(REFRESH_ALARM);
  if (existing && existing.periodInMinutes === periodInMinutes) return false;
  const now = deps.now();
  const last = await lastAttempt(sourceUrls(config.sources));
  // Browsers refuse alarms sooner than 30 s in packed extensions.
  const when = Math.max(now + 30_000, (last ?? now) + periodInMinutes * 60_000);
  await browser.alarms.create(REFRESH_ALARM, { when, periodInMinutes });
  return true;
}

/** Install or browser start: record the install, schedule, refresh when due, badge. */
export async function onLifecycle(deps: StatementsDeps, reason: 'install' | 'update' | 'startup'): Promise<void> {
  if (reason !== 'startup') await ensureInstalledAt(deps.now());
  const config = await deps.getConfig();
  await ensureAlarm(deps, config);
  const last = await lastAttempt(sourceUrls(config.sources));
  const due = last === null || deps.now() - last >= config.refreshIntervalHours * 3_600_000;
  if (sourceUrls(config.sources).length > 0 && (reason === 'install' || due)) await refreshStatements(deps);
  else await updateBadge(deps);
}

/** Settings changed: re-schedule if the interval changed, refresh if a new source appeared. */
export async function onSettingsChanged(deps: StatementsDeps): Promise<void> {
  const config = await deps.getConfig();
  await ensureAlarm(deps, config);
  const cache = await loadCache();
  const urls = sourceUrls(config.sources);
  if (urls.some((url) => !cache.sources[url])) await refreshStatements(deps);
  else await updateBadge(deps);
}

/** Popup → background: "refresh now". Answered with `{ done: true }` once stored. */
export const NewsRequestSchema = z.strictObject({ type: z.literal('news-refresh') });
export type NewsRequest = z.infer<typeof NewsRequestSchema>;

export function handleNewsMessage(
  message: unknown,
  sender: Browser.runtime.MessageSender,
  deps: StatementsDeps,
): Promise<{ done: true }> | undefined {
  if (!NewsRequestSchema.safeParse(message).success) return undefined;
  // Only our own pages (popup, options), never a content script in a web page.
  if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/'))) return undefined;
  return refreshStatements(deps).then(() => ({ done: true as const }));
}

const NEWS_KEYS = [CACHE_KEY, READ_STATE_KEY];

export function registerStatements(overrides: Partial<StatementsDeps> = {}): void {
  const deps: StatementsDeps = { ...defaultDeps(), ...overrides };
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void onLifecycle(deps, reason === 'install' ? 'install' : 'update');
  });
  browser.runtime.onStartup.addListener(() => {
    void onLifecycle(deps, 'startup');
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void refreshStatements(deps);
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && NEWS_KEYS.some((key) => key in changes)) void updateBadge(deps);
  });
  browser.runtime.onMessage.addListener((message, sender) => handleNewsMessage(message, sender, deps));
  watchSettings(() => void onSettingsChanged(deps));
  // The worker starts for many reasons; each time, the badge is recomputed from storage.
  void updateBadge(deps);
}
