import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSetting, writeSetting } from '../../settings/items';
import {
  checkFeedUrl,
  createOptionsController,
  hostPattern,
  siteLists,
  tableToCsv,
  type OptionsDeps,
} from '../../settings/options-controller';
import { EXPORT_FORMAT } from '../../settings/transfer';
import { readTurnedOn, rememberTurnedOn } from '../../settings/site-grants';
import { sitePatterns } from '../../settings/site-access';
import { policyForPage } from '../../background/policy-cache';
import { importReferenceLevelsCsv } from '../../clinical/reference-level-import';
import { sampleReferenceTable } from '../helpers/reference-tables';

const REQUIRED = ['https://www.imagegently.org/*', 'https://imagegently.org/*'];

/** An in-memory permissions API: grants what `answer` says, records every request. */
function permissionsFake(initial: string[], answer = true) {
  const granted = new Set(initial);
  const requests: string[][] = [];
  return {
    granted,
    requests,
    api: {
      getAll: async () => ({ origins: [...granted] }),
      request: async ({ origins }: { origins: string[] }) => {
        requests.push(origins);
        if (answer) origins.forEach((o) => granted.add(o));
        return answer;
      },
      remove: async ({ origins }: { origins: string[] }) => {
        if (origins.some((o) => REQUIRED.includes(o))) throw new Error('required permission');
        origins.forEach((o) => granted.delete(o));
        return true;
      },
    },
  };
}

function deps(perms: ReturnType<typeof permissionsFake>) {
  const downloads: { name: string; text: string; type: string }[] = [];
  const d: OptionsDeps = {
    permissions: perms.api,
    requiredHosts: REQUIRED,
    download: (name, text, type) => downloads.push({ name, text, type }),
    now: () => new Date('2025-03-04T05:06:07Z'),
  };
  return { d, downloads };
}

const table = sampleReferenceTable({ id: 'ours', name: 'Our CT levels' });

beforeEach(() => fakeBrowser.reset());

describe('pure helpers', () => {
  it('hostPattern drops the port and the path; only http(s)', () => {
    expect(hostPattern('http://127.0.0.1:8042/app/explorer.html')).toBe('http://127.0.0.1/*');
    expect(hostPattern('https://PACS.example.org')).toBe('https://pacs.example.org/*');
    expect(hostPattern('file:///x')).toBeNull();
  });

  it('siteLists: required hosts and broad grants are not sites; approved origins not granted are pending', () => {
    const r = siteLists(
      ['https://b.example.org/*', ...REQUIRED, 'https://*/*', 'https://a.example.org/*'],
      REQUIRED,
      ['https://a.example.org', 'https://c.example.org:8443', 'https://imagegently.org'],
    );
    expect(r.sites).toEqual(['https://a.example.org/*', 'https://b.example.org/*']);
    expect(r.approvedPending).toEqual(['https://c.example.org/*']);
  });

  it('siteLists lists exactly the sites the background registers the content script for (one isSitePattern)', () => {
    const granted = ['https://a.example.org/*', 'http://b.example.org:8080/*', '*://c.example.org/*', 'https://*/*', '<all_urls>', ...REQUIRED];
    expect(siteLists(granted, REQUIRED, []).sites).toEqual(sitePatterns(granted));
  });

  it('tableToCsv writes what the clinical CSV importer reads back as the same table', () => {
    const csv = tableToCsv(table);
    expect(csv.split('\r\n')[0]).toBe('table,exam,metric,metric_unit,from,to,label,phantom_cm,quantity,unit,median,p75,source,year');
    // 3 bins: CTDIvol; CTDIvol + DLP; SSDE → 4 rows, plus the header and the final line break.
    expect(csv.split('\r\n')).toHaveLength(6);
    const back = importReferenceLevelsCsv(csv);
    expect(back).toEqual({ ok: true, tables: [{ ...table, id: 'our-ct-levels' }] });
  });

  it('tableToCsv quotes commas and defuses spreadsheet formulas', () => {
    const csv = tableToCsv(sampleReferenceTable({ name: '=HYPERLINK("x")', exam: 'Head, routine' }));
    expect(csv.split('\r\n')[1]).toMatch(/^"'=HYPERLINK\(""x""\)","Head, routine",age,y,/);
  });
});

describe('options controller', () => {
  it('loads settings, policy, sites and the approved sites still to enable', async () => {
    await writeSetting('pediatricCutoffYears', 15);
    await fakeBrowser.storage.managed.set({ approvedSites: ['https://pacs.example.org', 'https://ris.example.org'] });
    const perms = permissionsFake([...REQUIRED, 'https://ris.example.org/*']);
    const view = (await createOptionsController(deps(perms).d).load())!;
    expect(view.user.pediatricCutoffYears).toBe(15);
    expect(view.managed).toEqual(['approvedSites']);
    expect(view.sites).toEqual(['https://ris.example.org/*']);
    expect(view.approvedPending).toEqual(['https://pacs.example.org/*']);
  });

  it('hosts of feeds set by policy are part of the one-click grant (unless fetching is off)', async () => {
    await fakeBrowser.storage.managed.set({ approvedSites: ['https://pacs.example.org'], statementUrls: ['https://intranet.example.org/ig.xml'] });
    const perms = permissionsFake([...REQUIRED]);
    expect((await createOptionsController(deps(perms).d).load())!.approvedPending).toEqual(['https://intranet.example.org/*', 'https://pacs.example.org/*']);
    await fakeBrowser.storage.managed.set({ statementsEnabled: false });
    expect((await createOptionsController(deps(perms).d).load())!.approvedPending).toEqual(['https://pacs.example.org/*']);
  });

  it('enableApproved makes ONE permissions.request with every pending site', async () => {
    await fakeBrowser.storage.managed.set({ approvedSites: ['https://a.example.org', 'https://b.example.org'] });
    const perms = permissionsFake([...REQUIRED]);
    const c = createOptionsController(deps(perms).d);
    await c.load();
    expect(await c.actions.enableApproved()).toBe(true);
    expect(perms.requests).toEqual([['https://a.example.org/*', 'https://b.example.org/*']]);
    expect((await c.load())!.approvedPending).toEqual([]);
  });

  it('removeSite gives the permission back', async () => {
    const perms = permissionsFake([...REQUIRED, 'https://pacs.example.org/*']);
    const c = createOptionsController(deps(perms).d);
    await c.actions.removeSite('https://pacs.example.org/*');
    expect((await c.load())!.sites).toEqual([]);
  });

  it('addFeed asks for the feed host and saves the URL only when granted', async () => {
    const yes = permissionsFake([...REQUIRED]);
    const c = createOptionsController(deps(yes).d);
    expect(await c.actions.addFeed('https://feeds.example.org:8443/ig.json')).toBe(true);
    expect(yes.requests).toEqual([['https://feeds.example.org/*']]);
    expect((await readSetting('statementSources')).extraUrls).toEqual(['https://feeds.example.org:8443/ig.json']);

    fakeBrowser.reset();
    const no = permissionsFake([...REQUIRED], false);
    expect(await createOptionsController(deps(no).d).actions.addFeed('https://other.example.org/feed')).toBe(false);
    expect((await readSetting('statementSources')).extraUrls).toEqual([]);
  });

  it('addFeed saves the feed before the grant lands (the background must never take the host for a site)', async () => {
    const perms = permissionsFake([...REQUIRED]);
    let savedAtGrant: readonly string[] | null = null;
    const request = perms.api.request;
    perms.api.request = async (p) => {
      // The user takes a moment to answer the prompt; the grant lands after that.
      for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
      savedAtGrant = (await readSetting('statementSources')).extraUrls;
      return request(p);
    };
    const c = createOptionsController(deps(perms).d);
    await c.load();
    expect(await c.actions.addFeed('https://feeds.example.org/ig.xml')).toBe(true);
    expect(savedAtGrant).toEqual(['https://feeds.example.org/ig.xml']);
    // A feed-only host is not listed as a site.
    expect((await c.load()).sites).toEqual([]);
    expect(await readTurnedOn()).toBeNull();
  });

  it('addFeed on a site that is on keeps it a site, and the options say the feed is on a site', async () => {
    const perms = permissionsFake([...REQUIRED, 'https://pacs.example.org/*']);
    const c = createOptionsController(deps(perms).d);
    await c.load();
    expect(await c.actions.addFeed('https://pacs.example.org/ig.xml')).toBe(true);
    expect(await readTurnedOn()).toEqual(['https://pacs.example.org/*']);
    const view = await c.load();
    expect(view.sites).toEqual(['https://pacs.example.org/*']);
    expect(view.feedsOnSites).toEqual(['https://pacs.example.org/ig.xml']);
    // Turning the site off keeps the grant the feed needs.
    await c.actions.removeSite('https://pacs.example.org/*');
    expect(perms.granted.has('https://pacs.example.org/*')).toBe(true);
    expect((await c.load()).sites).toEqual([]);
  });

  it('enableApproved records the approved sites as sites, not the policy feeds granted with them', async () => {
    await fakeBrowser.storage.managed.set({ approvedSites: ['https://pacs.example.org'], statementUrls: ['https://intranet.example.org/ig.xml'] });
    await rememberTurnedOn([]);
    const perms = permissionsFake([...REQUIRED]);
    const c = createOptionsController(deps(perms).d);
    await c.load();
    expect(await c.actions.enableApproved()).toBe(true);
    expect(await readTurnedOn()).toEqual(['https://pacs.example.org/*']);
    expect((await c.load()).sites).toEqual(['https://pacs.example.org/*']);
  });

  it('addFeed refuses a plain-http feed without asking for anything', async () => {
    const yes = permissionsFake([...REQUIRED]);
    expect(await createOptionsController(deps(yes).d).actions.addFeed('http://feeds.example.org/ig.xml')).toBe(false);
    expect(yes.requests).toEqual([]);
    expect((await readSetting('statementSources')).extraUrls).toEqual([]);
  });

  it('this build (not an e2e build) refuses an http feed on loopback, in the check and in addFeed', async () => {
    expect(import.meta.env.MODE).not.toMatch(/^e2e/);
    expect(checkFeedUrl('http://127.0.0.1:8080/news', [])).toEqual({ error: expect.any(String) });
    expect(checkFeedUrl('http://localhost/news', [])).toEqual({ error: expect.any(String) });
    const yes = permissionsFake([...REQUIRED]);
    expect(await createOptionsController(deps(yes).d).actions.addFeed('http://127.0.0.1:8080/news')).toBe(false);
    expect(yes.requests).toEqual([]);
    expect((await readSetting('statementSources')).extraUrls).toEqual([]);
  });

  it('a load that overlaps a write reads again after it (no stale values over a fresh change)', async () => {
    const c = createOptionsController(deps(permissionsFake(REQUIRED)).d);
    const loading = c.load();
    const saving = c.actions.save('pediatricCutoffYears', 9);
    expect((await loading).user.pediatricCutoffYears).toBe(9);
    await saving;
  });

  it('a load started while a write is in flight (its storage event came first) waits for it and shows it', async () => {
    // Chromium can deliver storage.onChanged before the set() promise settles: the reload the event
    // starts must still end with the new value, not with nothing.
    const c = createOptionsController(deps(permissionsFake(REQUIRED)).d);
    expect((await c.load()).user.pediatricCutoffYears).not.toBe(7);
    const saving = c.actions.save('pediatricCutoffYears', 7);
    const loading = c.load();
    await saving;
    expect((await loading).user.pediatricCutoffYears).toBe(7);
  });

  it('a failed write does not block later loads', async () => {
    const c = createOptionsController(deps(permissionsFake(REQUIRED)).d);
    await expect(c.actions.save('pediatricCutoffYears', 30)).rejects.toThrow();
    expect((await c.load()).user.pediatricCutoffYears).toBeTypeOf('number');
  });

  it('save refuses invalid values with a readable message', async () => {
    const c = createOptionsController(deps(permissionsFake(REQUIRED)).d);
    await expect(c.actions.save('pediatricCutoffYears', 30)).rejects.toThrow(/pediatricCutoffYears: .*1 to 21/);
  });

  it('export then import restores the settings', async () => {
    await writeSetting('pediatricCutoffYears', 12);
    await writeSetting('disabledCampaigns', ['dental']);
    const perms = permissionsFake([...REQUIRED]);
    const { d, downloads } = deps(perms);
    const c = createOptionsController(d);
    await c.load();
    c.actions.exportSettings();
    expect(downloads[0]!.name).toBe('image-gently-companion-settings-2025-03-04.json');
    expect(JSON.parse(downloads[0]!.text).format).toBe(EXPORT_FORMAT);

    fakeBrowser.reset();
    expect(await readSetting('pediatricCutoffYears')).toBe(18);
    expect(await c.actions.importSettings(downloads[0]!.text)).toEqual({ ok: true, skipped: 0 });
    expect(await readSetting('pediatricCutoffYears')).toBe(12);
    expect(await readSetting('disabledCampaigns')).toEqual(['dental']);
  });

  it('a bad settings file changes nothing', async () => {
    await writeSetting('pediatricCutoffYears', 12);
    const c = createOptionsController(deps(permissionsFake(REQUIRED)).d);
    const r = await c.actions.importSettings('{"format":"something else"}');
    expect(r.ok).toBe(false);
    expect(await readSetting('pediatricCutoffYears')).toBe(12);
  });

  it('exportPolicy writes a policy with the enabled sites as approved origins', async () => {
    const perms = permissionsFake([...REQUIRED, 'https://pacs.example.org/*']);
    const { d, downloads } = deps(perms);
    const c = createOptionsController(d);
    await c.load();
    c.actions.exportPolicy();
    const policy = JSON.parse(downloads[0]!.text);
    expect(policy.approvedSites).toEqual(['https://pacs.example.org']);
    expect(policy.pediatricCutoffYears).toBe(18);
  });

  it('imports JSON and CSV tables (replacing one with the same id) and exports them again', async () => {
    const { d, downloads } = deps(permissionsFake(REQUIRED));
    const c = createOptionsController(d);
    expect(await c.actions.importTable(JSON.stringify(table), 'ours.json')).toEqual({ ok: true, message: 'Our CT levels' });
    expect(await c.actions.importTable(JSON.stringify({ ...table, source: 'Revised' }), 'ours.json')).toEqual({ ok: true, message: 'Our CT levels' });
    expect(await readSetting('referenceLevelTables')).toEqual([{ ...table, source: 'Revised' }]);
    await c.load();
    c.actions.exportTable('ours', 'json');
    expect(JSON.parse(downloads[0]!.text)).toEqual({ ...table, source: 'Revised' });
    c.actions.exportTable('ours', 'csv');
    expect(downloads[1]!.name).toBe('ours.csv');
    expect(await c.actions.importTable(downloads[1]!.text, 'ours.csv')).toEqual({ ok: true, message: 'Our CT levels' });
    expect((await readSetting('referenceLevelTables')).map((t) => t.id)).toEqual(['ours', 'our-ct-levels']);
  });

  it('reports import errors in the user language, with the line', async () => {
    const c = createOptionsController(deps(permissionsFake(REQUIRED)).d);
    const r = await c.actions.importTable('table,exam\nX,Y\n', 'x.csv');
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^Missing column\(s\): /);
    expect(await readSetting('referenceLevelTables')).toEqual([]);
  });
});

describe('site recipes', () => {
  const recipe = (id: string, origin = 'https://ris.example.org') => ({
    v: 1 as const,
    id,
    origin,
    pathPrefix: '/orders/',
    fields: [{ kind: 'birthDate' as const, locators: [{ css: '#dob' }] }],
  });

  it('lists the status flags, deletes, exports and imports the user recipes', async () => {
    await writeSetting('siteRecipes', [recipe('a'), recipe('b')]);
    await fakeBrowser.storage.local.set({ 'recipes.status': { a: true, b: false } });
    const { d, downloads } = deps(permissionsFake([]));
    const c = createOptionsController(d);
    expect((await c.load()).recipeStatus).toEqual({ a: true, b: false });
    await c.actions.deleteRecipe('a');
    expect((await readSetting('siteRecipes')).map((r) => r.id)).toEqual(['b']);
    await c.load();
    c.actions.exportRecipes();
    expect(downloads[0]!.name).toBe('image-gently-companion-recipes-2025-03-04.json');
    const r = await c.actions.importRecipes(JSON.stringify([recipe('c', 'https://pacs.example.org'), { bad: 1 }]));
    expect(r).toEqual({ ok: true, imported: 1, skipped: 1 });
    expect((await readSetting('siteRecipes')).map((x) => x.id)).toEqual(['b', 'c']);
  });

  it('tests a recipe on the open tab of its pages: field kinds only', async () => {
    await writeSetting('siteRecipes', [recipe('a')]);
    const sent: unknown[] = [];
    const { d } = deps(permissionsFake([]));
    d.tabs = {
      query: async () => [
        { id: 1, url: 'https://other.example.org/orders/1', active: true },
        { id: 2, url: 'https://ris.example.org/orders/9', lastAccessed: 5 },
      ],
      sendMessage: async (tabId, message) => {
        sent.push([tabId, message]);
        return { applies: true, found: [], missing: ['birthDate'] };
      },
    };
    const c = createOptionsController(d);
    await c.load();
    expect(await c.actions.testRecipe('a')).toEqual({ kind: 'tested', found: [], missing: ['birthDate'] });
    expect(sent).toEqual([[2, { type: 'test-recipe', recipe: recipe('a') }]]);
    d.tabs.query = async () => [{ id: 1, url: 'https://other.example.org/' }];
    expect(await c.actions.testRecipe('a')).toEqual({ kind: 'no-tab' });
  });
});

describe('options controller: the policy never holds the page back', () => {
  /** A storage.managed read that answers when the test says (its first read in a fresh Chromium took 3.4 s). */
  function slowManaged() {
    let land!: (raw: unknown) => void;
    let calls = 0;
    const answer = new Promise<unknown>((resolve) => (land = resolve));
    return { read: () => (calls++, answer), land: (raw: unknown) => land(raw), calls: () => calls };
  }
  const noCache = { get: async () => ({}) };

  it("shows the user's settings before storage.managed answers, then the policy once it does", async () => {
    await writeSetting('pediatricCutoffYears', 15);
    const managed = slowManaged();
    const c = createOptionsController({
      ...deps(permissionsFake(REQUIRED)).d,
      firstPolicy: policyForPage(10, { session: noCache, readManaged: managed.read }),
      readManaged: managed.read,
    });
    const first = await c.load();
    expect(first.user.pediatricCutoffYears).toBe(15);
    expect(first.effective.pediatricCutoffYears).toBe(15);
    expect(first.policyKnown).toBe(false);
    expect(first.managed).toEqual([]);

    managed.land({ pediatricCutoffYears: 21, approvedSites: ['https://pacs.example.org'] });
    expect(await c.policyLate).toBe(true);
    const second = await c.load();
    expect(second.policyKnown).toBe(true);
    expect(second.managed).toEqual(['approvedSites', 'pediatricCutoffYears']);
    expect(second.effective.pediatricCutoffYears).toBe(21);
    expect(second.approvedPending).toEqual(['https://pacs.example.org/*']);
  });

  it('a storage.managed that fails is no policy: the settings at once, nothing late', async () => {
    await writeSetting('pediatricCutoffYears', 12);
    const failing = () => Promise.reject(new Error('policy service not ready'));
    const c = createOptionsController({
      ...deps(permissionsFake(REQUIRED)).d,
      firstPolicy: policyForPage(10_000, { session: noCache, readManaged: failing }),
      readManaged: failing,
    });
    const view = await c.load();
    expect(view.user.pediatricCutoffYears).toBe(12);
    expect(view.policyKnown).toBe(true);
    expect(view.managed).toEqual([]);
    expect(await c.policyLate).toBe(false);
  });

  it("the background's cached reading is the policy at once, without asking storage.managed", async () => {
    const managed = slowManaged();
    const cached = { get: async (key: string) => ({ [key]: { raw: { pediatricCutoffYears: 21 } } }) };
    const c = createOptionsController({
      ...deps(permissionsFake(REQUIRED)).d,
      firstPolicy: policyForPage(10_000, { session: cached, readManaged: managed.read }),
      readManaged: managed.read,
    });
    const view = await c.load();
    expect(view.policyKnown).toBe(true);
    expect(view.managed).toEqual(['pediatricCutoffYears']);
    expect(managed.calls()).toBe(0);
    expect(await c.policyLate).toBe(false);
  });
});
