/**
 * Firefox ESR over WebDriver BiDi with puppeteer-core 24.43.1 (no geckodriver).
 * The add-on is installed as a temporary add-on with `browser.installExtension(dir)`.
 * Limitation: BiDi refuses navigation to moz-extension:// pages, so the popup is unit-tested only.
 */
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuild, type BuildName } from './builds';
import { prerequisites } from './prerequisites';

/** Fixed moz-extension:// UUID so extension URLs are predictable in assertions. */
export const FIREFOX_EXTENSION_UUID = '1a6e2b4c-3d5f-4a7b-8c9d-0e1f2a3b4c5d';

/** Prefs that keep Firefox quiet on a machine without internet. */
export const QUIET_FIREFOX_PREFS: Record<string, unknown> = {
  'app.update.enabled': false,
  'app.update.auto': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'services.settings.server': 'http://127.0.0.1:9/', // Remote Settings: fail fast instead of retrying the internet
};

export interface LaunchFirefoxOptions {
  /** Which build to install (default `firefox-mv3-e2e`); `null` installs nothing. */
  build?: BuildName | null;
  /** Extra prefs. */
  prefs?: Record<string, unknown>;
  headless?: boolean;
  /** UI language, e.g. 'es' (sets intl.locale.requested; Firefox ESR ships en-US only unless langpacks exist). */
  lang?: string;
}

export interface FirefoxSession {
  browser: Browser;
  /** Add-on id reported by installExtension (the gecko id). */
  addonId: string;
  extensionPath: string | null;
  /** `moz-extension://<FIREFOX_EXTENSION_UUID>` */
  extensionOrigin: string;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(opts: LaunchFirefoxOptions = {}): Promise<FirefoxSession> {
  const pre = prerequisites();
  if (!pre.firefox) throw new Error(`Firefox ESR not found. Install it with:\n  ${pre.aptLine}`);
  const build = opts.build === undefined ? 'firefox-mv3-e2e' : opts.build;
  const extensionPath = build ? ensureBuild(build) : null;
  let geckoId = '';
  if (extensionPath) {
    const manifest = JSON.parse(readFileSync(join(extensionPath, 'manifest.json'), 'utf8'));
    geckoId = manifest.browser_specific_settings?.gecko?.id ?? '';
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: pre.firefox,
    headless: opts.headless ?? true,
    timeout: 60_000,
    extraPrefsFirefox: {
      ...QUIET_FIREFOX_PREFS,
      ...(geckoId ? { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_EXTENSION_UUID }) } : {}),
      ...(opts.lang ? { 'intl.locale.requested': opts.lang, 'intl.accept_languages': opts.lang } : {}),
      ...(opts.prefs ?? {}),
    },
  });
  let addonId = '';
  if (extensionPath) {
    try {
      addonId = await browser.installExtension(extensionPath);
    } catch (e) {
      await browser.close().catch(() => {});
      throw e;
    }
  }
  let closed = false;
  return {
    browser,
    addonId,
    extensionPath,
    extensionOrigin: `moz-extension://${FIREFOX_EXTENSION_UUID}`,
    newPage: () => browser.newPage(),
    async close() {
      if (closed) return;
      closed = true;
      await browser.close().catch(() => {});
    },
  };
}

/** Records every request a (puppeteer) page makes for extension resources. Call before navigating. */
export function watchExtensionRequestsFirefox(page: Page): { urls: string[] } {
  const urls: string[] = [];
  page.on('request', (r: HTTPRequest) => {
    if (/^(chrome|moz)-extension:/.test(r.url())) urls.push(r.url());
  });
  return { urls };
}
