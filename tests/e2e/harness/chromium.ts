/**
 * Debian's Chromium with the unpacked extension, driven by playwright-core (never `playwright install`).
 * Proven flags: launchPersistentContext + BOTH extension flags, new headless.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Request, type Worker } from 'playwright-core';
import { ensureBuild, type BuildName } from './builds';
import { prerequisites } from './prerequisites';

/** Flags that keep Chromium from talking to the network on its own. */
export const QUIET_CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
];

export interface LaunchChromiumOptions {
  /** Which build to load (default `chrome-mv3-e2e`); `null` launches without any extension. */
  build?: BuildName | null;
  /** An unpacked extension to load instead of `build` (e.g. `productionOnLoopback()`'s copy). */
  extensionPath?: string;
  /** Extra Chromium args (e.g. `--host-resolver-rules=…`). */
  args?: string[];
  /** Playwright proxy settings, e.g. `{ server: 'http://127.0.0.1:8888', bypass: '<-loopback>' }`. */
  proxy?: { server: string; bypass?: string };
  /** UI language, e.g. 'es' (sets --lang, LANGUAGE/LANG and the context locale). */
  lang?: string;
  /** Headless (default true). Headed needs a DISPLAY. */
  headless?: boolean;
  viewport?: { width: number; height: number };
  /** Extra environment for the browser process. */
  env?: Record<string, string>;
  /** Reuse this profile directory (a browser restart); it is then NOT removed on close. Default: a fresh temp profile. */
  userDataDir?: string;
}

export interface ChromiumSession {
  context: BrowserContext;
  /** Extension id read from the service worker URL ('' when launched without an extension). */
  extensionId: string;
  serviceWorker: Worker | null;
  extensionPath: string | null;
  userDataDir: string;
  /** `chrome-extension://<id>` */
  extensionOrigin: string;
  /** A new tab. */
  newPage(): Promise<Page>;
  /** Opens the popup page in a tab (Chromium lets us navigate to it). */
  openPopup(): Promise<Page>;
  /** Closes the browser and removes the temporary profile (not a profile passed in as `userDataDir`). */
  close(): Promise<void>;
}

export async function launchChromium(opts: LaunchChromiumOptions = {}): Promise<ChromiumSession> {
  const pre = prerequisites();
  if (!pre.chromium) throw new Error(`Chromium not found. Install it with:\n  ${pre.aptLine}`);
  const build = opts.build === undefined ? 'chrome-mv3-e2e' : opts.build;
  const extensionPath = opts.extensionPath ?? (build ? ensureBuild(build) : null);
  const ownProfile = !opts.userDataDir;
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'igc-chromium-'));
  const headless = opts.headless ?? true;
  const args = [
    ...(extensionPath ? [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`] : []),
    ...(headless ? ['--headless=new'] : []),
    ...QUIET_CHROMIUM_FLAGS,
    ...(opts.lang ? [`--lang=${opts.lang}`, `--accept-lang=${opts.lang}`] : []),
    ...(opts.args ?? []),
  ];
  const env: Record<string, string> = { ...(process.env as Record<string, string>), ...(opts.env ?? {}) };
  if (opts.lang) {
    env.LANGUAGE = opts.lang;
    env.LANG = `${opts.lang.replace('-', '_')}.UTF-8`;
  }
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: pre.chromium,
      headless,
      args,
      env,
      timeout: 60_000,
      ...(opts.proxy ? { proxy: opts.proxy } : {}),
      ...(opts.lang ? { locale: opts.lang } : {}),
      viewport: opts.viewport ?? { width: 1280, height: 900 },
    });
  } catch (e) {
    if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
    throw e;
  }

  let serviceWorker: Worker | null = null;
  let extensionId = '';
  if (extensionPath) {
    try {
      serviceWorker =
        context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
        (await context.waitForEvent('serviceworker', {
          predicate: (w) => w.url().startsWith('chrome-extension://'),
          timeout: 20_000,
        }));
      extensionId = new URL(serviceWorker.url()).host;
    } catch (e) {
      await context.close().catch(() => {});
      if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
      throw new Error(`the extension's service worker did not start (${extensionPath}): ${String(e)}`);
    }
  }
  const extensionOrigin = extensionId ? `chrome-extension://${extensionId}` : '';

  let closed = false;
  return {
    context,
    extensionId,
    serviceWorker,
    extensionPath,
    userDataDir,
    extensionOrigin,
    newPage: () => context.newPage(),
    async openPopup() {
      if (!extensionId) throw new Error('launched without an extension');
      const page = await context.newPage();
      await page.goto(`${extensionOrigin}/popup.html`);
      return page;
    },
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => {});
      if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Records every request a page makes for extension resources (chrome-extension:// or moz-extension://)
 * — the page must never load anything from the extension. Call before navigating.
 */
export function watchExtensionRequests(page: Page): { urls: string[] } {
  const urls: string[] = [];
  const onRequest = (r: Request) => {
    if (/^(chrome|moz)-extension:/.test(r.url())) urls.push(r.url());
  };
  page.on('request', onRequest);
  return { urls };
}

/** Resource timing entries of the page itself that point at extension URLs (second, in-page check). */
export async function extensionResourceEntries(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => /^(chrome|moz)-extension:/.test(n)),
  );
}
