/**
 * Per-site access, the popup's part. The popup resolves the tab's site when it opens
 * (`resolveActiveSite`), so that the click handler can call `permissions.request` as its FIRST
 * call: Firefox refuses the request after any `await`, and Chrome needs the user gesture too.
 * After the grant, the background registers the script and injects it into open tabs (the popup may
 * already be closed by then).
 */
import { browser } from 'wxt/browser';
import { STATEMENT_HOSTS } from './hosts';
import { CONTENT_SCRIPT_PATH, originToMatchPattern } from './site-access';

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
    enabled = await browser.permissions.contains({ origins: [pattern] });
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

/**
 * Asks for the site. Must be the first thing a click handler does (no `await` before it):
 * this function calls `permissions.request` synchronously.
 */
export function requestSite(pattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [pattern] });
}

/** Gives the site back; the background unregisters the script on permissions.onRemoved. */
export function removeSite(pattern: string): Promise<boolean> {
  return browser.permissions.remove({ origins: [pattern] });
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
