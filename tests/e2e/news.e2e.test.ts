/**
 * Statements end to end in Chromium (e2e build: loopback host permission), against a statements
 * server on loopback. Tests never reach the real site: every non-loopback request goes to a
 * "black-hole" proxy on loopback that records what was asked for and refuses it — so the
 * install-time fetch of www.imagegently.org fails like an offline machine's, and we can see that
 * it was attempted and went nowhere.
 *
 * The story, in one browser profile:
 * 1. First run, imagegently.org unreachable: the popup shows the bundled snapshot (all read, no
 *    badge) and "not updated yet — could not refresh: the site could not be reached".
 * 2. The options page turns imagegently.org off and adds the loopback page as an extra source
 *    (through the settings helper's real UI): the background fetches it, the badge counts the
 *    items dated today (the install day) and not the older ones.
 * 3. Opening the popup lists them with the new marks and clears the badge; a click opens the
 *    statement in a new tab; the next opening shows no new marks (read state kept).
 * 4. A new item on the server + the refresh alarm: conditional GET (ETag) sent, badge 1.
 * 5. Errors keep the cache: HTTP 503 (after the popup's "Refresh now"), "format not recognised"
 *    (200 with nothing dated), and the server gone (offline) — each shown as "updated … — could
 *    not refresh: <reason>".
 * 6. Spanish: Chromium on Linux takes its UI language from LANGUAGE/LANG (with the chromium-l10n
 *    locale files installed); `--lang` alone changes the messages but not getUILanguage(), and
 *    Playwright's `locale` only the page's navigator. The harness sets them all; the test checks
 *    the worker, the messages and the Intl formatting agree.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeE2E, launchChromium, recordSkip, serveStatic, skipRequested, type ChromiumSession, type StaticServer } from './harness';

const SUITE = 'news (Chromium)';

declare const chrome: {
  storage: { local: { get(keys: string | null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
  action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> };
  alarms: { create(name: string, info: { when: number; periodInMinutes: number }): Promise<void> };
  i18n: { getUILanguage(): string };
};

/** A proxy that answers every request with 502 and remembers what it was asked for. */
async function startBlackHoleProxy(): Promise<{ url: string; asked: string[]; close(): Promise<void> }> {
  const asked: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.once('data', (chunk) => {
      asked.push(chunk.toString('latin1').split('\r\n')[0] ?? '');
      socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    asked,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** Today in the machine's (and the browser's) local time, as the page writes it: M/D/YYYY. */
function todayUs(): string {
  const d = new Date();
  return `${d.getMonth() + 1}/${d.getDate()}/${d.getFullYear()}`;
}

interface Item {
  date: string;
  title: string;
  path: string;
}

/** The statements page, in imagegently.org's home-page style (see tests/fixtures/news). */
function page(items: Item[]): string {
  const body = items
    .map((i) => `<p><strong><a href="${i.path}">${i.date}: ${i.title}</a></strong></p><p>Our summary of ${i.title.toLowerCase()}.</p>`)
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Statements</title></head><body>
<div class="header"><ul class="dnnMenu"><li><a href="/">Home</a></li></ul></div>
<h2>Take the Image Gently pledge!</h2><div class="Normal">${body}</div></body></html>`;
}

const TODAY_A: Item = { date: todayUs(), title: 'Loopback statement A, dated today', path: '/article/a' };
const TODAY_B: Item = { date: todayUs(), title: 'Loopback statement B, dated today', path: '/article/b' };
const OLD_C: Item = { date: '11/12/2019', title: 'Loopback statement C from 2019', path: '/article/c' };
const OLD_D: Item = { date: '7/25/19', title: 'Loopback statement D from 2019', path: '/article/d' };
const LATER_E: Item = { date: todayUs(), title: 'Loopback statement E, added later', path: '/article/e' };

let mode: 'ok' | 'error' | 'redesigned' = 'ok';
let items: Item[] = [TODAY_A, TODAY_B, OLD_C, OLD_D];
const conditional: (string | undefined)[] = [];

async function startStatementsServer(): Promise<StaticServer> {
  return serveStatic({
    routes: {
      '/news': (req, res) => {
        conditional.push(req.headers['if-none-match'] as string | undefined);
        if (mode === 'error') return void res.writeHead(503, { 'content-type': 'text/plain' }).end('maintenance');
        if (mode === 'redesigned') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<p>Our new site is coming soon.</p>');
        const etag = `"v${items.length}"`;
        if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag }).end(page(items));
      },
      '/article/a': '<!doctype html><title>Article A</title><p>Article A</p>',
      '/article/b': '<!doctype html><title>Article B</title><p>Article B</p>',
    },
  });
}

/** The live service worker (it may have been restarted since launch). */
function worker(session: ChromiumSession): Worker {
  return session.context.serviceWorkers().find((w) => w.url().startsWith(session.extensionOrigin)) ?? session.serviceWorker!;
}

async function badge(session: ChromiumSession): Promise<string> {
  return worker(session).evaluate(() => chrome.action.getBadgeText({}));
}

async function waitFor<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await get();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 150));
    last = await get();
  }
  return last;
}

type CacheSource = { statements: { id: string; title: string }[]; fetchedAt: number | null; checkedAt: number | null; error: { code: string; status?: number } | null };
async function cacheSource(session: ChromiumSession, url: string): Promise<CacheSource | undefined> {
  const got = await worker(session).evaluate(() => chrome.storage.local.get('news.cache'));
  return (got['news.cache'] as { sources?: Record<string, CacheSource> } | undefined)?.sources?.[url];
}

/** Fire the real refresh alarm now (same name and period as the background's). */
async function fireRefreshAlarm(session: ChromiumSession): Promise<void> {
  await worker(session).evaluate(() => chrome.alarms.create('news-refresh', { when: Date.now() + 100, periodInMinutes: 720 }));
}

async function openPopup(session: ChromiumSession): Promise<Page> {
  const popup = await session.openPopup();
  await popup.locator('[data-testid="statements"] li').first().waitFor({ timeout: 30_000 });
  return popup;
}

const titles = (p: Page) => p.locator('[data-testid="statements"] .igc-statement-title').allInnerTexts();
const newFlags = (p: Page) => p.locator('[data-testid="statements"] li').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.new));
const statusText = (p: Page) => p.locator('[data-testid="statements-status"]').innerText();

const IMAGEGENTLY_HOME = 'https://www.imagegently.org/';
/**
 * Everything but loopback through the black hole. Naming loopback in `bypass` also stops
 * Playwright from adding '<-loopback>' (which would send loopback through the proxy as well).
 */
const PROXY = (server: string) => ({ server, bypass: '127.0.0.1,localhost' });
const SNAPSHOT_FIRST = 'Statement: Improved Estimates of Radiation Dose During Pediatric Head CT Examinations';

describeE2E(SUITE, ['chromium'], () => {
  let proxy: Awaited<ReturnType<typeof startBlackHoleProxy>>;
  let server: StaticServer;
  let session: ChromiumSession | undefined;
  let feed: string;

  beforeAll(async () => {
    proxy = await startBlackHoleProxy();
    server = await startStatementsServer();
    feed = server.url('/news');
    session = await launchChromium({ build: 'chrome-mv3-e2e', proxy: PROXY(proxy.url) });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close().catch(() => undefined);
    await proxy?.close();
  });

  it('first run, imagegently.org unreachable: the bundled snapshot, all read, and the error line', async () => {
    const s = session!;
    await waitFor('the install-time refresh', () => cacheSource(s, IMAGEGENTLY_HOME), (src) => src?.checkedAt != null);
    expect((await cacheSource(s, IMAGEGENTLY_HOME))!.error).toEqual({ code: 'network' });
    // It was tried, and it went to the black hole, not to the internet.
    expect(proxy.asked.some((line) => line.startsWith('CONNECT www.imagegently.org:443'))).toBe(true);

    const popup = await openPopup(s);
    const shown = await titles(popup);
    expect(shown).toHaveLength(13);
    expect(shown[0]).toBe(SNAPSHOT_FIRST);
    expect(await newFlags(popup)).toEqual(Array(13).fill('false'));
    expect(await popup.locator('.igc-statements-note').innerText()).toBe(
      'Shown from the list shipped with the extension until statements can be fetched.',
    );
    expect(await statusText(popup)).toBe('not updated yet — could not refresh: the site could not be reached');
    expect(await popup.locator('[data-testid="statements"] time').first().innerText()).toBe('Nov 25, 2019');
    expect(await badge(s)).toBe('');
    await popup.close();
  });

  it('options: imagegently.org off, the loopback page added; the badge counts the items dated since the install', async () => {
    const s = session!;
    const options = await s.newPage();
    await options.goto(`${s.extensionOrigin}/options.html`);
    await options.locator('#igo-cutoff').waitFor(); // the page has read the settings
    // A controlled checkbox: it turns off once the save is stored (Playwright's uncheck() checks at once).
    await options.locator('input[name="imagegently"]').click();
    await waitFor('imagegently.org off', () => options.evaluate(() => chrome.storage.local.get('settings.statementSources')), (got) =>
      JSON.stringify(got['settings.statementSources']) === JSON.stringify({ extraUrls: [], imagegently: false }),
    );
    await options.locator('#igo-feed').fill(feed);
    await options.locator('#igo-feed').press('Enter');
    await options.locator('.igo-feeds .igo-url', { hasText: feed }).waitFor();
    await options.close();

    const src = await waitFor('the loopback source to be fetched', () => cacheSource(s, feed), (x) => x?.fetchedAt != null);
    expect(src!.statements.map((x) => x.title)).toEqual([TODAY_A.title, TODAY_B.title, OLD_C.title, OLD_D.title]);
    expect(await waitFor('badge 2', () => badge(s), (b) => b === '2')).toBe('2');
    expect(await worker(s).evaluate(() => chrome.action.getTitle({}))).toBe('Image Gently Companion — 2 new statements');
  });

  it('the popup lists them with new marks and clears the badge; a click opens a new tab; the next opening has no new marks', async () => {
    const s = session!;
    const popup = await openPopup(s);
    expect(await titles(popup)).toEqual([TODAY_A.title, TODAY_B.title, OLD_C.title, OLD_D.title]);
    expect(await newFlags(popup)).toEqual(['true', 'true', 'false', 'false']);
    expect(await waitFor('badge cleared', () => badge(s), (b) => b === '')).toBe('');
    expect(await popup.locator('[data-testid="statements-status"]').innerText()).toMatch(/^Updated (now|\d+ (seconds?|minutes?) ago)$/);

    const [article] = await Promise.all([
      s.context.waitForEvent('page'),
      popup.locator('[data-testid="statements"] li').first().locator('a').click(),
    ]);
    await article.waitForLoadState();
    expect(article.url()).toBe(server.url('/article/a'));
    await article.close();
    // This opening: the clicked one is no longer new, the other still is.
    expect(await newFlags(popup)).toEqual(['false', 'true', 'false', 'false']);
    await popup.close();

    const again = await openPopup(s);
    expect(await newFlags(again)).toEqual(['false', 'false', 'false', 'false']);
    await again.close();
    expect(await badge(s)).toBe('');
  });

  it('a new item and the refresh alarm: conditional GET, badge 1', async () => {
    const s = session!;
    expect(conditional.at(-1)).toBeUndefined(); // the first fetch had no validator
    items = [LATER_E, TODAY_A, TODAY_B, OLD_C, OLD_D];
    await fireRefreshAlarm(s);
    expect(await waitFor('badge 1', () => badge(s), (b) => b === '1')).toBe('1');
    expect(conditional.at(-1)).toBe('"v4"'); // sent the ETag of what it had
    const popup = await openPopup(s);
    expect((await titles(popup))[0]).toBe(LATER_E.title);
    expect(await newFlags(popup)).toEqual(['true', 'false', 'false', 'false', 'false']);
    await popup.close();
  });

  it('HTTP 503 after "Refresh now" in the popup: the cached list stays, with "could not refresh: the server answered HTTP 503"', async () => {
    const s = session!;
    const popup = await openPopup(s);
    mode = 'error';
    const asked = conditional.length;
    await popup.locator('button.igc-refresh').click();
    // The popup asks the background, which fetches, stores, and the open popup re-reads.
    await popup.locator('[data-testid="statements-status"]', { hasText: 'the server answered HTTP 503' }).waitFor({ timeout: 15_000 });
    expect(conditional.length).toBe(asked + 1);
    expect(await titles(popup)).toHaveLength(5);
    expect(await statusText(popup)).toMatch(/^updated (now|\d+ (seconds?|minutes?) ago) — could not refresh: the server answered HTTP 503$/);
    expect(await popup.locator('button.igc-refresh').isEnabled()).toBe(true);
    await popup.close();
  });

  it('200 with nothing dated: "format not recognised", and the cache is kept', async () => {
    const s = session!;
    const before = (await cacheSource(s, feed))!.checkedAt!;
    mode = 'redesigned';
    await fireRefreshAlarm(s);
    const src = await waitFor('the failed attempt', () => cacheSource(s, feed), (x) => (x?.checkedAt ?? 0) > before);
    expect(src!.error).toEqual({ code: 'format' });
    expect(src!.statements).toHaveLength(5);
    const popup = await openPopup(s);
    expect(await titles(popup)).toHaveLength(5);
    expect(await statusText(popup)).toMatch(/— could not refresh: format not recognised$/);
    await popup.close();
  });

  it('offline (the server is gone): the cached list stays, "the site could not be reached"', async () => {
    const s = session!;
    const before = (await cacheSource(s, feed))!.checkedAt!;
    await server.close();
    await fireRefreshAlarm(s);
    await waitFor('the failed attempt', () => cacheSource(s, feed), (x) => (x?.checkedAt ?? 0) > before);
    const popup = await openPopup(s);
    expect((await titles(popup))[0]).toBe(LATER_E.title);
    expect(await statusText(popup)).toMatch(/— could not refresh: the site could not be reached$/);
    await popup.close();
  });
});

describeE2E(`${SUITE}: popup in Spanish`, ['chromium'], () => {
  // Debian ships Chromium's non-English UI locales in a separate package.
  const hasSpanish = existsSync('/usr/lib/chromium/locales/es.pak');
  if (!hasSpanish && skipRequested()) {
    recordSkip(`${SUITE}: popup in Spanish`, 'Chromium has no Spanish locale files (/usr/lib/chromium/locales/es.pak): apt-get install -y chromium-l10n');
  }
  const maybe = hasSpanish || !skipRequested() ? describe : describe.skip;

  maybe('es', () => {
    let proxy: Awaited<ReturnType<typeof startBlackHoleProxy>>;
    let session: ChromiumSession | undefined;
    beforeAll(async () => {
      if (!hasSpanish) throw new Error('Chromium has no Spanish locale files; install them: apt-get install -y chromium-l10n');
      proxy = await startBlackHoleProxy();
      session = await launchChromium({ build: 'chrome-mv3-e2e', lang: 'es', proxy: PROXY(proxy.url) });
    });
    afterAll(async () => {
      await session?.close();
      await proxy?.close();
    });

    it('messages, dates, relative times and numbers in Spanish', async () => {
      const s = session!;
      expect(await worker(s).evaluate(() => chrome.i18n.getUILanguage())).toMatch(/^es\b/);
      await waitFor('the install-time refresh', () => cacheSource(s, IMAGEGENTLY_HOME), (src) => src?.checkedAt != null);
      const popup = await openPopup(s);
      expect(await popup.locator('#igc-news-heading').innerText()).toMatch(/^Últimos comunicados$/i);
      expect(await popup.locator('[data-testid="statements"] time').first().innerText()).toBe('25 nov 2019');
      expect(await statusText(popup)).toBe('aún sin actualizar — no se pudo actualizar: no se pudo conectar con el sitio');
      expect(await popup.locator('html').getAttribute('lang')).toMatch(/^es\b/);

      await popup.locator('.igc-popup-calc summary').click();
      expect(await popup.locator('.igc-popup-calc summary').innerText()).toBe('Calculadora rápida de SSDE');
      // The phantom starts "not known" (both candidates shown); the 32 cm one gives one value to read.
      await popup.locator('input[name="phantom"][value="32"]').check();
      await popup.locator('input[name="ctdi"]').fill('10');
      await popup.locator('input[name="size-a"]').fill('20');
      expect(await popup.locator('.igc-calc-ssde').innerText()).toBe('SSDE 17,8 mGy');
      expect(await popup.locator('.igc-popup-links a').first().innerText()).toBe('Asuma el compromiso Image Gently');
      await popup.close();
    });
  });
});
