import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parsePageSettingsReply } from '@/content/page/page-requests';
import {
  createPolicyCache,
  POLICY_SESSION_KEY,
  policyForPage,
  registerPolicyCache,
  resetPolicyCacheForTests,
  stableJson,
  type PolicyCacheDeps,
} from '@/background/policy-cache';
import type { PolicySnapshot } from '@/settings/policy';
import { handleMessage } from '@/background/tab-facts';
import { formatNumber, numberSymbolsOf, parseNumberSymbols } from '@/content/panel/number-format';

/** A storage.managed read that takes as long as the test says (a freshly started Chromium: seconds). */
function slowRead() {
  let resolve!: (raw: unknown) => void;
  let reject!: (e: unknown) => void;
  let calls = 0;
  const read = () => {
    calls++;
    return new Promise<unknown>((res, rej) => {
      resolve = res;
      reject = rej;
    });
  };
  return {
    read,
    land: (raw: unknown) => resolve(raw),
    fail: () => reject(new Error('policy service not ready')),
    calls: () => calls,
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
/** Wait (a bounded number of ticks) until `done` holds. */
async function until(done: () => boolean) {
  for (let i = 0; i < 50 && !done(); i++) await settle();
}

function cacheWith(readManaged: PolicyCacheDeps['readManaged']) {
  const changes: PolicySnapshot[] = [];
  const cache = createPolicyCache({ readManaged, session: fakeBrowser.storage.session, onChange: (s) => changes.push(s) });
  return { cache, changes };
}

beforeEach(() => {
  fakeBrowser.reset();
  resetPolicyCacheForTests();
});

describe('policy cache (background)', () => {
  it('answers at once while the first storage.managed read is slow, then holds what it gave', async () => {
    const managed = slowRead();
    const { cache, changes } = cacheWith(managed.read);
    const refreshed = cache.refresh();
    expect(await cache.snapshot()).toEqual({ known: false });
    managed.land({ pediatricCutoffYears: 21 });
    await refreshed;
    expect(await cache.snapshot()).toEqual({ known: true, raw: { pediatricCutoffYears: 21 } });
    expect(changes).toEqual([{ known: true, raw: { pediatricCutoffYears: 21 } }]);
    expect((await fakeBrowser.storage.session.get(POLICY_SESSION_KEY))[POLICY_SESSION_KEY]).toEqual({ raw: { pediatricCutoffYears: 21 } });
  });

  it('no policy is a known, empty policy (and a change from "not known yet")', async () => {
    const { cache, changes } = cacheWith(async () => undefined);
    await cache.refresh();
    expect(await cache.snapshot()).toEqual({ known: true, raw: {} });
    expect(changes).toHaveLength(1);
  });

  it('a restarted service worker has the policy at once from storage.session; a read that agrees tells nobody', async () => {
    await fakeBrowser.storage.session.set({ [POLICY_SESSION_KEY]: { raw: { disabledCampaigns: ['dental'], pediatricCutoffYears: 16 } } });
    const managed = slowRead();
    const { cache, changes } = cacheWith(managed.read);
    const refreshed = cache.refresh();
    expect(await cache.snapshot()).toEqual({ known: true, raw: { disabledCampaigns: ['dental'], pediatricCutoffYears: 16 } });
    managed.land({ pediatricCutoffYears: 16, disabledCampaigns: ['dental'] }); // same policy, other key order
    await refreshed;
    expect(changes).toEqual([]);
  });

  it('a read that differs from the stored policy replaces it and is announced', async () => {
    await fakeBrowser.storage.session.set({ [POLICY_SESSION_KEY]: { raw: { pediatricCutoffYears: 16 } } });
    const { cache, changes } = cacheWith(async () => ({}));
    await cache.refresh();
    expect(await cache.snapshot()).toEqual({ known: true, raw: {} });
    expect(changes).toEqual([{ known: true, raw: {} }]);
  });

  it('a failed read keeps what is known; a malformed stored value is ignored', async () => {
    await fakeBrowser.storage.session.set({ [POLICY_SESSION_KEY]: { raw: 'not an object' } });
    const managed = slowRead();
    const { cache, changes } = cacheWith(managed.read);
    const refreshed = cache.refresh();
    managed.fail();
    await refreshed;
    expect(await cache.snapshot()).toEqual({ known: false });
    expect(changes).toEqual([]);
  });

  it('a change notice during a read reads once more after it', async () => {
    const answers = [{ pediatricCutoffYears: 16 }, { pediatricCutoffYears: 12 }];
    let reads = 0;
    const { cache, changes } = cacheWith(async () => answers[reads++]);
    const first = cache.refresh();
    const second = cache.refresh(); // storage.onChanged('managed') while the first read runs
    await Promise.all([first, second]);
    expect(reads).toBe(2);
    expect(await cache.snapshot()).toEqual({ known: true, raw: { pediatricCutoffYears: 12 } });
    expect(changes.map((c) => c.known && c.raw.pediatricCutoffYears)).toEqual([16, 12]);
  });

  it('compares policies whatever their key order', () => {
    expect(stableJson({ b: [1, { d: 1, c: 2 }], a: null })).toBe(stableJson({ a: null, b: [1, { c: 2, d: 1 }] }));
    expect(stableJson({ a: 1 })).not.toBe(stableJson({ a: 2 }));
  });
});

describe('get-page-settings / get-page-policy with a slow storage.managed (the wired background)', () => {
  const fromFrame = { id: fakeBrowser.runtime.id, tab: { id: 3 } as never, frameId: 0, url: 'http://127.0.0.1:8042/app/explorer.html' };

  it('answers with the user’s settings at once, then the policy’s, and tells the tabs when it lands or changes', async () => {
    await fakeBrowser.storage.local.set({ 'settings.pediatricCutoffYears': 16 });
    const managed = slowRead();
    fakeBrowser.storage.managed.get = managed.read as never;
    const told: unknown[] = [];
    await fakeBrowser.tabs.create({ url: 'http://127.0.0.1:8042/app/explorer.html' });
    const tabs = (await fakeBrowser.tabs.query({})).length;
    expect(tabs).toBeGreaterThan(0);
    fakeBrowser.tabs.sendMessage = (async (_tabId: number, message: unknown) => told.push(message)) as never;

    registerPolicyCache();
    const early = await handleMessage({ type: 'get-page-settings' }, fromFrame);
    expect(parsePageSettingsReply(early)).toMatchObject({ pediatricCutoffYears: 16, disabledCampaigns: [] });
    expect(await handleMessage({ type: 'get-page-policy' }, fromFrame)).toEqual({ known: false });
    expect(told).toEqual([]);

    managed.land({ pediatricCutoffYears: 21, disabledCampaigns: ['dental'], statementUrls: ['https://feeds.example.org/a'] });
    await until(() => told.length >= tabs);
    // Every tab is told once (its content scripts, if any, ask again).
    expect(told).toEqual(Array(tabs).fill({ type: 'page-settings-changed' }));
    expect(parsePageSettingsReply(await handleMessage({ type: 'get-page-settings' }, fromFrame))).toMatchObject({
      pediatricCutoffYears: 21,
      disabledCampaigns: ['dental'],
    });
    // panel.js gets only the keys the page reads.
    expect(await handleMessage({ type: 'get-page-policy' }, fromFrame)).toEqual({
      known: true,
      raw: { pediatricCutoffYears: 21, disabledCampaigns: ['dental'] },
    });

    // An administrator's later change: storage.onChanged('managed') → read again → the tabs are told.
    fakeBrowser.storage.managed.get = (async () => ({ pediatricCutoffYears: 12 })) as never;
    await fakeBrowser.storage.onChanged.trigger({ pediatricCutoffYears: { oldValue: 21, newValue: 12 } }, 'managed');
    await until(() => told.length >= 2 * tabs);
    expect(told).toHaveLength(2 * tabs);
    expect(parsePageSettingsReply(await handleMessage({ type: 'get-page-settings' }, fromFrame))).toMatchObject({ pediatricCutoffYears: 12 });
  });
});

describe('get-number-symbols (panel.js formats numbers without Intl on the page)', () => {
  it('answers the UI locale’s symbols, read with Intl in the background, in the form panel.js accepts', async () => {
    const fromFrame = { id: fakeBrowser.runtime.id, tab: { id: 3 } as never, frameId: 0, url: 'http://127.0.0.1:8042/app/explorer.html' };
    const reply = await handleMessage({ type: 'get-number-symbols' }, fromFrame);
    const symbols = parseNumberSymbols(reply);
    expect(symbols).toEqual(numberSymbolsOf(fakeBrowser.i18n.getUILanguage()));
    expect(formatNumber(1234.5, 1, 1, symbols!)).toBe(new Intl.NumberFormat(fakeBrowser.i18n.getUILanguage(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(1234.5));
    // Not from another extension, and nothing extra in the request.
    expect(handleMessage({ type: 'get-number-symbols' }, { ...fromFrame, id: 'other' })).toBeUndefined();
    expect(handleMessage({ type: 'get-number-symbols', locale: 'de' }, fromFrame)).toBeUndefined();
  });
});

describe('policyForPage (the popup does not wait for storage.managed)', () => {
  const session = (stored: unknown) => ({ get: async (key: string) => (stored === undefined ? {} : { [key]: stored }) });

  it('the background’s cached reading when there is one: at once, nothing late', async () => {
    const managed = slowRead();
    const p = policyForPage(50, { session: session({ raw: { statementsEnabled: false } }), readManaged: managed.read });
    expect(await p.now).toEqual({ statementsEnabled: false });
    expect(await p.late).toBe(false);
  });

  it('otherwise storage.managed, when it answers in time', async () => {
    const p = policyForPage(1000, { session: session(undefined), readManaged: async () => ({ statementUrls: ['https://feeds.example.org/a'] }) });
    expect(await p.now).toEqual({ statementUrls: ['https://feeds.example.org/a'] });
    expect(await p.late).toBe(false);
  });

  it('a storage.managed that takes seconds: not known now (undefined), and `late` once it answers', async () => {
    const managed = slowRead();
    const p = policyForPage(20, { session: session(undefined), readManaged: managed.read });
    expect(await p.now).toBeUndefined();
    let late: boolean | null = null;
    void p.late.then((v) => (late = v));
    await new Promise((r) => setTimeout(r, 30));
    expect(late).toBeNull();
    managed.land({ statementsEnabled: false });
    expect(await p.late).toBe(true);
  });

  it('a storage.managed that fails (Firefox without a policy): no policy, nothing late', async () => {
    const p = policyForPage(1000, { session: { get: async () => Promise.reject(new Error('x')) }, readManaged: () => Promise.reject(new Error('no manifest')) });
    expect(await p.now).toBeUndefined();
    expect(await p.late).toBe(false);
  });
});

describe('policyForPage reads storage.managed only when the background has no reading', () => {
  it('a cached reading: storage.managed is not asked', async () => {
    let asked = 0;
    const p = policyForPage(50, { session: { get: async (key: string) => ({ [key]: { raw: {} } }) }, readManaged: async () => (asked++, {}) });
    expect(await p.now).toEqual({});
    expect(await p.late).toBe(false);
    expect(asked).toBe(0);
  });
});
