/**
 * Per-site access, the popup's part. The popup resolves the tab's site when it opens
 * (`resolveActiveSite`), so that the click handler can call `permissions.request` as its FIRST
 * call: Firefox refuses the request after any `await`, and Chrome needs the user gesture too.
 * After the grant, the background registers the script and injects it into open tabs (the popup may
 * already be closed by then).
 */
import { browser } from 'wxt/browser';
import { STATEMENT_HOSTS } from './hosts';
import { readSetting } from './items';
import { forgetTurnedOn, readTurnedOn, rememberTurnedOn } from './site-grants';
import { CONTENT_SCRIPT_PATH, feedOnlyPatterns, feedPatterns, originToMatchPattern } from './site-access';

export type SiteStatus =
  /** Not an http(s) page (browser pages, extension pages, files): nothing to enable. */
  | { kind: 'unsupported'; tabId: number | null }
  | {
      kind: 'site';
      tabId: number;
      /** e.g. `https://pacs.example.org` (hostname only: the grant covers every port). */
      host: string;
      pattern: string;
      enabled: boolean;
      /** Granted by the manifest (cannot be removed from here). */
      required: boolean;
    };

/** The site of a tab and whether it is enabled. Never throws. */
export async function siteStatusForTab(tab: { id?: number; url?: string } | undefined): Promise<SiteStatus> {
  if (!tab || tab.id == null) return { kind: 'unsupported', tabId: null };
  const pattern = tab.url ? originToMatchPattern(tab.url) : null;
  if (!pattern) return { kind: 'unsupported', tabId: tab.id };
  let enabled = false;
  try {
    // Granted for one of the user's statement feeds only: not a site the panel runs on (settings/site-grants.ts).
    enabled = (await browser.permissions.contains({ origins: [pattern] })) && !feedOnlyPatterns(await userFeeds(), (await readTurnedOn()) ?? []).includes(pattern);
  } catch {
    enabled = false;
  }
  let required = false;
  try {
    const manifest = browser.runtime.getManifest() as { host_permissions?: string[] };
    required = (manifest.host_permissions ?? []).includes(pattern);
  } catch {
    required = false;
  }
  return { kind: 'site', tabId: tab.id, host: new URL(tab.url!).hostname, pattern, enabled, required };
}

/** The active tab's site, resolved when the popup opens. Never throws. */
export async function resolveActiveSite(): Promise<SiteStatus> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return await siteStatusForTab(tab);
  } catch {
    return { kind: 'unsupported', tabId: null };
  }
}

/** True for the statements source: enabling the panel there makes no sense. */
export const isStatementsHost = (pattern: string): boolean => (STATEMENT_HOSTS as readonly string[]).includes(pattern);

const userFeeds = async (): Promise<string[]> => [...(await readSetting('statementSources')).extraUrls];

/**
 * Asks for the site. Must be the first thing a click handler does (no `await` before it):
 * this function calls `permissions.request` synchronously. The site is recorded as turned on first (the
 * background then knows the grant is a site's, also for a host already granted for a statement feed); a refusal
 * takes the record back.
 */
export function requestSite(pattern: string): Promise<boolean> {
  const recorded = rememberTurnedOn([pattern]);
  const asked = browser.permissions.request({ origins: [pattern] });
  return Promise.all([asked, recorded.catch(() => undefined)]).then(async ([granted]) => {
    if (!granted) await forgetTurnedOn([pattern]).catch(() => undefined);
    return granted;
  });
}

/**
 * Turns the site off; the background unregisters the script. The grant is given back, unless one of the user's
 * statement feeds is on that host (the background still fetches it).
 */
export async function removeSite(pattern: string): Promise<boolean> {
  await forgetTurnedOn([pattern]);
  if (feedPatterns(await userFeeds().catch(() => [])).includes(pattern)) return true;
  return browser.permissions.remove({ origins: [pattern] });
}

/** "Teach this page": the background injects the field picker into the tab if its site is enabled. */
export async function startPickerInTab(tabId: number): Promise<boolean> {
  return (await browser.runtime.sendMessage({ type: 'start-picker-in-tab', tabId })) === true;
}

/**
 * "Check this page once": activeTab (granted because the user opened our popup) + executeScript.
 * Tries every frame first; when a cross-origin frame is out of reach, the top frame alone.
 */
export async function checkPageOnce(tabId: number): Promise<void> {
  try {
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [CONTENT_SCRIPT_PATH] });
  } catch {
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_PATH] });
  }
}

/** What the popup's site controls (components/SiteAccessControls.tsx) may ask for. */
export interface SiteAccess {
  /** The current tab's site, resolved when the popup opens. */
  resolve(): Promise<SiteStatus>;
  isStatementsHost(pattern: string): boolean;
  /** Calls `permissions.request` synchronously: the first thing a click handler does. */
  request(pattern: string): Promise<boolean>;
  remove(pattern: string): Promise<boolean>;
  checkOnce(tabId: number): Promise<void>;
  /** "Teach this page": start the field picker in the tab; resolves whether it started. */
  startPicker(tabId: number): Promise<boolean>;
}

/** The browser's: the active tab, the permissions API, `scripting.executeScript`. */
export const browserSiteAccess: SiteAccess = {
  resolve: resolveActiveSite,
  isStatementsHost,
  request: requestSite,
  remove: removeSite,
  checkOnce: checkPageOnce,
  startPicker: startPickerInTab,
};
