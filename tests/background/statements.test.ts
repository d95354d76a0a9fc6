/**
 * The statements background on fakeBrowser (storage, alarms, action, runtime events) with the
 * real settings module, real fetch to a loopback server and a fixed clock.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serveStatic, type StaticServer } from '../e2e/harness/static';
import { writeSetting } from '../../settings';
import {
  REFRESH_ALARM,
  defaultDeps,
  handleNewsMessage,
  onLifecycle,
  onSettingsChanged,
  refreshStatements,
  registerStatements,
  updateBadge,
  type StatementsDeps,
} from '../../background/statements';
import { loadCache } from '../../news/store';
import { markRead, openView, readView } from '../../news/view';
import { SNAPSHOT } from '../../news/snapshot';
import { IMAGEGENTLY_URLS } from '../../news/sources';
import { setTestLocale } from '../setup/i18n-shim';

const JSON_FEED = readFileSync(resolve(__dirname, '../fixtures/news/feed.json'), 'utf8');
// feed.json: 2021-03-04 Step Lightly…, 2021-02-01 Back to Basics…, 2020-12-24 External link only
const DAY = 86_400_000;
const INSTALL = Date.UTC(2021, 0, 15, 12); // after 2020-12-24, before both 2021 items

let server: StaticServer;
let mode: 'ok' | 'error' | 'empty' = 'ok';
let fetches = 0;

beforeAll(async () => {
  server = await serveStatic({
    routes: {
      '/feed.json': (req, res) => {
        if (mode === 'error') return void res.writeHead(503, { 'content-type': 'text/plain' }).end('down');
        if (mode === 'empty') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"version":"https://jsonfeed.org/version/1.1","items":[]}');
        if (req.headers['if-none-match'] === '"j1"') return void res.writeHead(304).end();
        res.writeHead(200, { 'content-type': 'application/feed+json', etag: '"j1"' }).end(JSON_FEED);
      },
      '/other.json': { body: JSON_FEED.replace('Step Lightly', 'Other feed: Step Lightly'), type: 'application/json' },
    },
  });
});
afterAll(() => server?.close());

let clock = INSTALL;
const deps = (): StatementsDeps => ({
  ...defaultDeps(),
  fetch: (input, init) => {
    fetches++;
    return fetch(input, init);
  },
  now: () => clock,
  // Only the loopback server; imagegently.org is never reached from tests.
  isPermitted: (url) => new URL(url).origin === server.origin,
  timeoutMs: 2000,
});
const FEED = () => server.url('/feed.json');
const useFeedOnly = () => writeSetting('statementSources', { imagegently: false, extraUrls: [FEED()] });
const badge = () => fakeBrowser.action.getBadgeText({});
const settle = () => new Promise((r) => setTimeout(r, 20));

beforeEach(async () => {
  fakeBrowser.reset();
  clock = INSTALL;
  mode = 'ok';
  fetches = 0;
  await useFeedOnly();
});

describe('install and schedule', () => {
  it('install: records the install, creates the 12 h alarm, fetches, and badges the items newer than the install', async () => {
    await onLifecycle(deps(), 'install');
    const alarm = await fakeBrowser.alarms.get(REFRESH_ALARM);
    expect(alarm?.periodInMinutes).toBe(12 * 60);
    expect(alarm?.scheduledTime).toBe(INSTALL + 12 * 3_600_000);
    const cache = await loadCache();
    expect(cache.sources[FEED()]!.statements.map((s) => s.date)).toEqual(['2021-03-04', '2021-02-01', '2020-12-24']);
    expect(await badge()).toBe('2');
    expect(await fakeBrowser.action.getTitle({})).toBe('Image Gently Companion — 2 new statements');
  });

  it('startup: an existing alarm is kept as it is, and nothing is fetched before it is due', async () => {
    await onLifecycle(deps(), 'install');
    const before = await fakeBrowser.alarms.get(REFRESH_ALARM);
    clock += 3_600_000;
    fetches = 0;
    await onLifecycle(deps(), 'startup');
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toEqual(before);
    expect(fetches).toBe(0);
  });

  it('startup: a missing alarm (cleared by a browser restart) is created one period after the last attempt; overdue → fetch now', async () => {
    await onLifecycle(deps(), 'install');
    await fakeBrowser.alarms.clearAll();
    clock = INSTALL + 2 * 3_600_000;
    await onLifecycle(deps(), 'startup');
    expect((await fakeBrowser.alarms.get(REFRESH_ALARM))?.scheduledTime).toBe(INSTALL + 12 * 3_600_000);
    await fakeBrowser.alarms.clearAll();
    fetches = 0;
    clock = INSTALL + 13 * 3_600_000;
    await onLifecycle(deps(), 'startup');
    expect(fetches).toBe(1);
  });

  it('a new interval setting replaces the alarm; the alarm event refreshes', async () => {
    registerStatements(deps());
    await onLifecycle(deps(), 'install');
    await writeSetting('refreshIntervalHours', 3);
    await onSettingsChanged(deps());
    expect((await fakeBrowser.alarms.get(REFRESH_ALARM))?.periodInMinutes).toBe(180);
    fetches = 0;
    await fakeBrowser.alarms.onAlarm.trigger({ name: REFRESH_ALARM, scheduledTime: clock });
    await refreshStatements(deps()); // joins the run the alarm started
    expect(fetches).toBe(1);
  });
});

describe('cache and errors', () => {
  it('conditional GET: 304 keeps the statements and moves "updated" forward', async () => {
    await refreshStatements(deps());
    clock += DAY;
    await refreshStatements(deps());
    const source = (await loadCache()).sources[FEED()]!;
    expect(source.statements).toHaveLength(3);
    expect(source.fetchedAt).toBe(INSTALL + DAY);
    expect(source.etag).toBe('"j1"');
  });

  it('a failure keeps the cache and shows as "updated … — could not refresh"', async () => {
    await refreshStatements(deps());
    mode = 'error';
    clock += 3 * DAY;
    await refreshStatements(deps());
    const view = await readView();
    expect(view.statements.map((s) => s.date)).toEqual(['2021-03-04', '2021-02-01', '2020-12-24']);
    expect(view.status).toEqual({ updatedAt: INSTALL, error: { code: 'http', status: 503 } });
  });

  it('"200 but 0 statements" is a format error that keeps the cache and its validators', async () => {
    await refreshStatements(deps());
    mode = 'empty';
    clock += DAY;
    await refreshStatements(deps());
    const source = (await loadCache()).sources[FEED()]!;
    expect(source.error).toEqual({ code: 'format' });
    expect(source.statements).toHaveLength(3);
    expect(source.etag).toBe('"j1"');
    expect(source.fetchedAt).toBe(INSTALL);
  });

  it('imagegently.org unreachable and nothing cached: the bundled snapshot, as read, with the error', async () => {
    await writeSetting('statementSources', { imagegently: true, extraUrls: [] });
    const offline: StatementsDeps = { ...deps(), isPermitted: () => true, fetch: () => Promise.reject(new TypeError('Failed to fetch')) };
    await onLifecycle(offline, 'install');
    const view = await readView();
    expect(view.fromSnapshot).toBe(true);
    expect(view.statements.map((s) => s.id)).toEqual(SNAPSHOT.map((s) => s.id));
    expect(view.statements.every((s) => !s.isNew)).toBe(true);
    expect(view.status).toEqual({ updatedAt: null, error: { code: 'network' } });
    expect(Object.keys((await loadCache()).sources)).toEqual([...IMAGEGENTLY_URLS]);
    expect(await badge()).toBe('');
  });

  it('fetching turned off: snapshot, no fetch, no error', async () => {
    await writeSetting('statementSources', { imagegently: false, extraUrls: [] });
    await onLifecycle(deps(), 'install');
    expect(fetches).toBe(0);
    const view = await readView();
    expect(view.fetching).toBe(false);
    expect(view.fromSnapshot).toBe(true);
    expect(view.status.error).toBeNull();
  });

  it('a removed source takes its statements with it; an added one is fetched at once', async () => {
    registerStatements(deps());
    await refreshStatements(deps());
    const other = server.url('/other.json');
    await writeSetting('statementSources', { imagegently: false, extraUrls: [other] });
    await settle();
    await refreshStatements(deps());
    const cache = await loadCache();
    expect(Object.keys(cache.sources)).toEqual([other]);
    expect((await readView()).statements[0]!.title).toBe('Other feed: Step Lightly for interventional radiology');
  });
});

describe('unread, badge and the popup', () => {
  it('opening the popup clears the badge; items stay new for this opening only; a click marks read', async () => {
    registerStatements(deps());
    await onLifecycle(deps(), 'install');
    expect(await badge()).toBe('2');

    const { view: first, recorded } = await openView();
    await recorded;
    expect(first.statements.map((s) => [s.date, s.isNew])).toEqual([['2021-03-04', true], ['2021-02-01', true], ['2020-12-24', false]]);
    await settle();
    expect(await badge()).toBe('');

    const { view: second } = await openView();
    expect(second.statements.every((s) => !s.isNew)).toBe(true);
  });

  it('the popup’s view applies the policy it is given; “not known yet” (undefined) shows the user’s settings', async () => {
    registerStatements(deps());
    await onLifecycle(deps(), 'install');
    expect((await readView(async () => undefined)).fetching).toBe(true);
    const off = await readView(async () => ({ statementsEnabled: false }));
    expect(off.fetching).toBe(false);
    const { view, recorded } = await openView(async () => ({ statementsEnabled: false }));
    await recorded;
    expect(view.fetching).toBe(false);
  });

  it('a click marks one read; the badge counts the rest', async () => {
    registerStatements(deps());
    await onLifecycle(deps(), 'install');
    const id = (await readView()).statements[0]!.id;
    await markRead(id);
    await settle();
    expect(await badge()).toBe('1');
    expect((await readView()).statements.map((s) => s.isNew)).toEqual([false, true, false]);
  });

  it('the badge is recomputed from storage when the worker starts, without fetching', async () => {
    await onLifecycle(deps(), 'install');
    await fakeBrowser.action.setBadgeText({ text: '' });
    fetches = 0;
    registerStatements(deps());
    await settle();
    expect(await badge()).toBe('2');
    expect(fetches).toBe(0);
  });

  it('badge title in Spanish', async () => {
    setTestLocale('es');
    await onLifecycle(deps(), 'install');
    expect(await fakeBrowser.action.getTitle({})).toBe('Image Gently Companion — 2 comunicados nuevos');
  });

  it('more than 99 unread shows "99+"', async () => {
    const items = Array.from({ length: 120 }, (_, i) => ({ id: String(i), url: `https://x.example/${i}`, title: `Item ${i}`, date_published: '2021-02-01' }));
    const big = await serveStatic({ '/f.json': { body: JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items }), type: 'application/json' } });
    try {
      await writeSetting('statementSources', { imagegently: false, extraUrls: [big.url('/f.json')] });
      await onLifecycle({ ...deps(), isPermitted: () => true }, 'install');
      expect(await badge()).toBe('99+');
    } finally {
      await big.close();
    }
  });
});

describe('news-refresh message', () => {
  it('answers the popup (an extension page) and ignores web pages and other messages', async () => {
    const d = deps();
    const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    const page = { id: fakeBrowser.runtime.id, url: 'https://pacs.example.org/viewer', tab: { id: 3 } as never };
    expect(handleNewsMessage({ type: 'news-refresh' }, page, d)).toBeUndefined();
    expect(handleNewsMessage({ type: 'news-refresh' }, { ...popup, id: 'another-extension' }, d)).toBeUndefined();
    expect(handleNewsMessage({ type: 'news-refresh', extra: 1 }, popup, d)).toBeUndefined();
    expect(handleNewsMessage({ type: 'tab-facts' }, popup, d)).toBeUndefined();
    expect(fetches).toBe(0);
    await expect(handleNewsMessage({ type: 'news-refresh' }, popup, d)).resolves.toEqual({ done: true });
    expect(fetches).toBe(1);
    expect((await loadCache()).sources[FEED()]!.statements).toHaveLength(3);
    // no install recorded in this test: nothing counts as unread
    expect(await updateBadge(d)).toBe(0);
  });
});
