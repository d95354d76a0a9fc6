/**
 * The background's site-access flows on in-memory permissions and scripting (tests/helpers):
 * grant → registered + injected into open tabs; turn off / revoke in browser UI → unregistered;
 * update (registrations wiped) → onInstalled → registered again; startup; e2e static scripts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installFakePermissions, type FakePermissions } from '../helpers/fake-permissions';
import { installFakeScripting, type FakeScripting } from '../helpers/fake-scripting';
import { STATEMENT_HOSTS, OPTIONAL_SITE_HOSTS, LOOPBACK_HOSTS } from '@/settings/hosts';
import { reconcileSiteAccess, registerSiteAccess } from '@/background/site-access';
import { writeSetting } from '@/settings';
import { readTurnedOn, rememberTurnedOn, TURNED_ON_KEY } from '@/settings/site-grants';

let perms: FakePermissions;
let scripting: FakeScripting;
let manifest: Record<string, unknown>;

const setup = (granted: string[] = [], extra: { requiredOrigins?: string[]; contentScripts?: unknown[] } = {}) => {
  fakeBrowser.reset();
  manifest = {
    host_permissions: [...STATEMENT_HOSTS, ...(extra.requiredOrigins ?? [])],
    content_scripts: extra.contentScripts ?? [],
  };
  (fakeBrowser.runtime as unknown as Record<string, unknown>).getManifest = () => manifest;
  perms = installFakePermissions(fakeBrowser, {
    required: { permissions: ['storage', 'alarms', 'activeTab', 'scripting'], origins: [...STATEMENT_HOSTS, ...(extra.requiredOrigins ?? [])] },
    optional: { origins: [...OPTIONAL_SITE_HOSTS] },
    granted,
  });
  scripting = installFakeScripting(fakeBrowser, { permissions: perms, files: ['content-scripts/content.js'] });
  registerSiteAccess();
};

const registeredSites = async () => (await scripting.getRegisteredContentScripts()).map((s) => s.matches).flat().sort();
/** Lets the listeners' promise chains finish. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
};

describe('site access in the background', () => {
  beforeEach(() => setup());

  it('registers nothing on install when no site is granted (the statements source is not a site)', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await settle();
    expect(await registeredSites()).toEqual([]);
  });

  it('a grant registers the content script for that host (every frame, document_start, persistent) and injects open tabs', async () => {
    const pacsTab = await fakeBrowser.tabs.create({ url: 'http://pacs.local:8042/app/explorer.html#study?uuid=1' });
    const otherPort = await fakeBrowser.tabs.create({ url: 'http://pacs.local:3000/viewer' });
    const otherSite = await fakeBrowser.tabs.create({ url: 'https://mail.example.org/' });

    await perms.userGesture(() => perms.request({ origins: ['http://pacs.local/*'] }));
    await settle();

    expect(await scripting.getRegisteredContentScripts()).toEqual([
      expect.objectContaining({
        id: 'igc-site:http://pacs.local/*',
        matches: ['http://pacs.local/*'],
        js: ['content-scripts/content.js'],
        allFrames: true,
        runAt: 'document_start',
        persistAcrossSessions: true,
      }),
    ]);
    const injected = scripting.injections.map((i) => i.tabId).sort();
    expect(injected).toEqual([pacsTab.id, otherPort.id].sort());
    expect(injected).not.toContain(otherSite.id);
    expect(scripting.injections.every((i) => i.allFrames && i.files[0] === 'content-scripts/content.js')).toBe(true);
  });

  it('a statement feed host (granted so the background may fetch it) gets no content script', async () => {
    await writeSetting('statementSources', { imagegently: true, extraUrls: ['https://news.example.org/feed.xml'] });
    await perms.userGesture(() => perms.request({ origins: ['https://news.example.org/*'] }));
    await perms.userGesture(() => perms.request({ origins: ['http://pacs.local/*'] }));
    await settle();
    expect(await registeredSites()).toEqual(['http://pacs.local/*']);
  });

  it('a feed saved after its host was granted (request first, save next) is unregistered when the setting lands', async () => {
    await perms.userGesture(() => perms.request({ origins: ['https://news.example.org/*'] }));
    await settle();
    expect(await registeredSites()).toEqual(['https://news.example.org/*']);
    await writeSetting('statementSources', { imagegently: true, extraUrls: ['https://news.example.org/feed.xml'] });
    await settle();
    expect(await registeredSites()).toEqual([]);
  });

  it('a feed on a site the user turned on keeps the content script there (it was unregistered)', async () => {
    await rememberTurnedOn(['https://pacs.example.org/*']);
    await perms.userGesture(() => perms.request({ origins: ['https://pacs.example.org/*'] }));
    await settle();
    expect(await registeredSites()).toEqual(['https://pacs.example.org/*']);
    await writeSetting('statementSources', { imagegently: true, extraUrls: ['https://pacs.example.org/ig/feed.xml'] });
    await fakeBrowser.storage.managed.set({ statementUrls: ['https://pacs.example.org/org-feed.json'] });
    await settle();
    expect(await registeredSites()).toEqual(['https://pacs.example.org/*']);
  });

  it("an install from before the record: the sites it served count as turned on, its feeds' hosts do not", async () => {
    setup(['https://pacs.example.org/*', 'https://news.example.org/*', 'https://intranet.example.org/*']);
    await writeSetting('statementSources', { imagegently: true, extraUrls: ['https://news.example.org/feed.xml'] });
    await fakeBrowser.storage.managed.set({ statementUrls: ['https://intranet.example.org/ig-feed.json'] });
    await fakeBrowser.storage.local.remove(TURNED_ON_KEY);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false });
    await settle();
    expect(await readTurnedOn()).toEqual(['https://pacs.example.org/*']);
    expect(await registeredSites()).toEqual(['https://pacs.example.org/*']);
    // A feed added later on that PACS host leaves it a site.
    await writeSetting('statementSources', { imagegently: true, extraUrls: ['https://news.example.org/feed.xml', 'https://pacs.example.org/feed.xml'] });
    await settle();
    expect(await registeredSites()).toEqual(['https://pacs.example.org/*']);
  });

  it("a feed's host that the user then turns on as a site gets the content script, without a new grant", async () => {
    await writeSetting('statementSources', { imagegently: true, extraUrls: ['https://news.example.org/feed.xml'] });
    await perms.userGesture(() => perms.request({ origins: ['https://news.example.org/*'] }));
    await settle();
    expect(await registeredSites()).toEqual([]);
    await rememberTurnedOn(['https://news.example.org/*']);
    await settle();
    expect(await registeredSites()).toEqual(['https://news.example.org/*']);
  });

  it("the organisation's feed hosts (policy statementUrls) get no content script either", async () => {
    await fakeBrowser.storage.managed.set({ statementUrls: ['https://intranet.example.org/ig-feed.json'] });
    await perms.userGesture(() => perms.request({ origins: ['https://intranet.example.org/*', 'http://pacs.local/*'] }));
    await settle();
    expect(await registeredSites()).toEqual(['http://pacs.local/*']);
  });

  it('turning a site off unregisters it', async () => {
    await perms.userGesture(() => perms.request({ origins: ['http://pacs.local/*'] }));
    await perms.userGesture(() => perms.request({ origins: ['https://ris.example.org/*'] }));
    await settle();
    expect(await registeredSites()).toEqual(['http://pacs.local/*', 'https://ris.example.org/*']);
    await perms.remove({ origins: ['http://pacs.local/*'] });
    await settle();
    expect(await registeredSites()).toEqual(['https://ris.example.org/*']);
  });

  it('a revoke in the browser UI is caught too', async () => {
    await perms.userGesture(() => perms.request({ origins: ['http://pacs.local/*'] }));
    await settle();
    await perms.revokeInBrowserUi('http://pacs.local/*');
    await settle();
    expect(await registeredSites()).toEqual([]);
  });

  it('after an update the registrations are gone — onInstalled puts them back', async () => {
    await perms.userGesture(() => perms.request({ origins: ['http://pacs.local/*'] }));
    await settle();
    scripting.simulateUpdate();
    expect(await registeredSites()).toEqual([]);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9', temporary: false });
    await settle();
    expect(await registeredSites()).toEqual(['http://pacs.local/*']);
  });

  it('on startup, registrations are brought in line with grants made or lost while the browser was closed', async () => {
    setup(['https://ris.example.org/*']);
    await scripting.registerContentScripts([
      { id: 'igc-site:http://gone.local/*', matches: ['http://gone.local/*'], js: ['content-scripts/content.js'] },
    ]);
    await fakeBrowser.runtime.onStartup.trigger();
    await settle();
    expect(await registeredSites()).toEqual(['https://ris.example.org/*']);
  });

  it('events arriving together do not register one site twice', async () => {
    setup(['http://pacs.local/*']);
    const results = await Promise.all([reconcileSiteAccess(), reconcileSiteAccess(), reconcileSiteAccess()]);
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    expect(await registeredSites()).toEqual(['http://pacs.local/*']);
  });

  it('e2e-runtime build: loopback hosts granted as required hosts get registered on install', async () => {
    setup([], { requiredOrigins: [...LOOPBACK_HOSTS] });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await settle();
    expect(await registeredSites()).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
  });

  it('install and update register the granted sites without waiting for storage.managed (its first read takes seconds)', async () => {
    setup([], { requiredOrigins: [...LOOPBACK_HOSTS] });
    let answer!: (raw: Record<string, unknown>) => void;
    const held = new Promise<Record<string, unknown>>((r) => (answer = r));
    (fakeBrowser.storage.managed as unknown as { get: () => Promise<Record<string, unknown>> }).get = () => held;
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await settle();
    expect(await registeredSites()).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    expect(await readTurnedOn()).toBeNull(); // the record waits for the policy's feeds

    scripting.simulateUpdate();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9', temporary: false });
    await settle();
    expect(await registeredSites()).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);

    answer({});
    await settle();
    expect(await readTurnedOn()).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    expect(await registeredSites()).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
  });

  it('e2e build: hosts that the manifest already covers with the static content script are not registered again', async () => {
    setup([], {
      requiredOrigins: [...LOOPBACK_HOSTS],
      contentScripts: [{ matches: [...LOOPBACK_HOSTS], js: ['content-scripts/content.js'], run_at: 'document_start' }],
    });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await settle();
    expect(await registeredSites()).toEqual([]);
  });
});
