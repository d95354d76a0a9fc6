/**
 * What the extension itself holds, read through its Chromium service worker: tab facts kept for the
 * popup, and the storage areas (to check that no patient data was written).
 */
import type { Worker } from 'playwright-core';

/** The parts of the service worker's `chrome` these helpers use (they run inside the worker). */
interface ChromeTab {
  id?: number;
  url?: string;
}
declare const chrome: {
  tabs: { query(q: object): Promise<ChromeTab[]>; sendMessage(tabId: number, message: unknown): Promise<unknown> };
  storage: Record<'local' | 'sync' | 'session', { get(keys: string | null): Promise<Record<string, unknown>> }>;
};

export interface StoredFacts {
  pediatric: boolean;
  campaigns: string[];
  modality: string | null;
  siteEnabled: boolean;
}

/** Facts stored for the top frame of the tab showing exactly `url`, or null. */
export async function tabFactsFor(sw: Worker, url: string): Promise<StoredFacts | null> {
  return sw.evaluate(async (want: string) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === want);
    if (!tab?.id) return null;
    const key = `tabFacts:${tab.id}`;
    const got = (await chrome.storage.session.get(key))[key] as Record<string, StoredFacts> | undefined;
    const top = got?.['0'];
    return top ?? null;
  }, url);
}

/** Wait until the extension has read the page at `url` and stored facts that satisfy `until`. */
export async function waitForFacts(sw: Worker, url: string, until: (f: StoredFacts) => boolean, timeoutMs = 20_000): Promise<StoredFacts> {
  const deadline = Date.now() + timeoutMs;
  let last: StoredFacts | null = null;
  while (Date.now() < deadline) {
    last = await tabFactsFor(sw, url).catch(() => null);
    if (last && until(last)) return last;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`tab facts for ${url} not as expected within ${timeoutMs} ms; last: ${JSON.stringify(last)}`);
}

/** Everything in storage.local, .sync and .session, as JSON text. */
export async function dumpStorage(sw: Worker): Promise<{ local: string; sync: string; session: string }> {
  return sw.evaluate(async () => ({
    local: JSON.stringify(await chrome.storage.local.get(null)),
    sync: JSON.stringify(await chrome.storage.sync.get(null)),
    session: JSON.stringify(await chrome.storage.session.get(null)),
  }));
}

/** Send the tab showing exactly `url` a page request, as the background does for the `focus-panel` command. */
export async function sendToTab(sw: Worker, url: string, message: unknown): Promise<void> {
  await sw.evaluate(
    async ([want, msg]: [string, unknown]) => {
      const tab = (await chrome.tabs.query({})).find((t) => t.url === want);
      if (!tab?.id) throw new Error(`no tab shows ${want}`);
      await chrome.tabs.sendMessage(tab.id, msg).catch(() => undefined);
    },
    [url, message] as [string, unknown],
  );
}
