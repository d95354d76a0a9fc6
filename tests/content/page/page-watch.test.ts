// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TabFacts } from '@/content/page/messages';
import type { PageAnalysis } from '@/content/read/types';
import { readingKey, type LoopSettings } from '@/content/page/page-loop';
import { createPageWatch, takeOverPage, type PageWatchDeps } from '@/content/page/page-watch';
import { analysisOf, childCtAnalysis, readingOf } from '../../helpers/analysis-factory';

const NOW = Date.UTC(2026, 10, 26);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let controller: AbortController;
let page: { kind: 'child' | 'adult' | 'viewer' | 'none' };
let sent: TabFacts[];
let requests: number;
/** The `pacs` flag of each request: pacs.js goes with panel.js on a PACS viewer's page only. */
let pacsFlags: boolean[];
let analyzeCalls: number;
let settings: LoopSettings;

function analyze(): PageAnalysis {
  analyzeCalls++;
  if (page.kind === 'child') return childCtAnalysis();
  if (page.kind === 'adult') return childCtAnalysis({ pediatric: false, ageDays: 17_000 });
  if (page.kind === 'viewer') return analysisOf({ profileId: 'ohif' });
  return analysisOf();
}

function watchWith(over: Partial<PageWatchDeps<LoopSettings>> = {}) {
  return createPageWatch<LoopSettings>({
    win: window,
    signal: controller.signal,
    read: () => readingOf(analyze()),
    routeContainer: (doc) => doc.querySelector('main'),
    loadSettings: async () => settings,
    fallbackSettings: settings,
    watchSettings: () => () => undefined,
    sendFacts: (f) => sent.push(f),
    now: () => NOW,
    requestPanel: async ({ pacs }) => {
      requests++;
      pacsFlags.push(pacs);
      return true;
    },
    panelProfiles: new Set(),
    ...over,
  });
}

beforeEach(() => {
  controller = new AbortController();
  document.body.replaceChildren(document.createElement('main'));
  page = { kind: 'none' };
  sent = [];
  requests = 0;
  pacsFlags = [];
  analyzeCalls = 0;
  settings = { pediatricCutoffYears: 18, dateOrder: null, disabledCampaigns: [], snoozedUntil: null, siteRecipes: [] };
});
afterEach(() => controller.abort());

describe('page watch (content.js)', () => {
  it('reports facts and asks for no panel on an adult page', async () => {
    page.kind = 'adult';
    const w = watchWith();
    await w.refresh('initial');
    expect(sent).toEqual([{ pediatric: false, campaigns: [], modality: null, siteEnabled: true }]);
    expect(requests).toBe(0);
  });

  it('asks for the panel once when a child is shown', async () => {
    page.kind = 'child';
    const w = watchWith();
    await w.refresh('initial');
    await w.refresh('navigation');
    page.kind = 'adult';
    await w.refresh('navigation');
    page.kind = 'child';
    await w.refresh('navigation');
    await sleep(0);
    expect(requests).toBe(1);
    expect(pacsFlags).toEqual([false]); // a child on a page that is no PACS viewer: the panel alone
    expect(sent[0]).toEqual({ pediatric: true, campaigns: ['ct'], modality: 'CT', siteEnabled: true });
  });

  it('asks again on the next page state when the injection failed', async () => {
    page.kind = 'child';
    let ok = false;
    const w = watchWith({
      requestPanel: async () => {
        requests++;
        return ok;
      },
    });
    await w.refresh('initial');
    await sleep(0);
    expect(requests).toBe(1);
    ok = true;
    page.kind = 'adult';
    await w.refresh('navigation');
    page.kind = 'child';
    await w.refresh('navigation');
    await sleep(0);
    expect(requests).toBe(2);
    expect(w.panelRequested()).toBe(true);
  });

  it('asks for the panel on a viewer profile with enrichers even before a child is seen', async () => {
    page.kind = 'viewer';
    await watchWith({ panelProfiles: new Set(['ohif']) }).refresh('initial');
    expect(requests).toBe(1);
    expect(pacsFlags).toEqual([true]);
  });

  it('asks for nothing while the site is snoozed, and still reports facts', async () => {
    page.kind = 'child';
    settings.snoozedUntil = NOW + 1000;
    await watchWith().refresh('initial');
    expect(requests).toBe(0);
    expect(sent.at(-1)!.pediatric).toBe(true);
  });

  it('hands the page over to panel.js once: stops, and gives the reading it made', async () => {
    page.kind = 'child';
    let handedOver = 0;
    const w = watchWith({ onHandover: () => handedOver++ });
    await w.refresh('initial');
    const seed = takeOverPage();
    expect(handedOver).toBe(1);
    expect(seed).toMatchObject({ url: location.href, readingKey: readingKey({ pediatricCutoffYears: 18, dateOrder: null, disabledCampaigns: [], snoozedUntil: null, siteRecipes: [] }) });
    expect(seed!.analysis.ageDays).toBe(2288);
    expect(takeOverPage()).toBeNull();

    const factsBefore = sent.length;
    page.kind = 'adult';
    await w.refresh('navigation');
    expect(sent.length).toBe(factsBefore);
  });

  describe('early(): a PACS viewer page asks for panel.js while it loads', () => {
    let readyState: DocumentReadyState;
    beforeEach(() => {
      readyState = 'loading';
      Object.defineProperty(document, 'readyState', { configurable: true, get: () => readyState });
    });
    afterEach(() => {
      delete (document as unknown as Record<string, unknown>).readyState;
    });
    const parsed = () => {
      readyState = 'interactive';
      document.dispatchEvent(new Event('DOMContentLoaded'));
    };

    it('asks once, without reading the page, when the frame already matches a panel profile', async () => {
      const matched: string[] = [];
      const w = watchWith({
        panelProfiles: new Set(['orthanc-explorer']),
        earlyProfile: (_doc, url) => (matched.push(url.href), 'orthanc-explorer'),
      });
      w.early();
      await sleep(0);
      expect(requests).toBe(1);
      expect(pacsFlags).toEqual([true]);
      expect(analyzeCalls).toBe(0);
      expect(matched).toEqual([location.href]);
      parsed();
      await sleep(0);
      expect(requests).toBe(1);
    });

    it('checks again at DOMContentLoaded when the profile needs the DOM', async () => {
      let domReady = false;
      const w = watchWith({ panelProfiles: new Set(['ohif']), earlyProfile: () => (domReady ? 'ohif' : null) });
      w.early();
      await sleep(0);
      expect(requests).toBe(0);
      domReady = true;
      parsed();
      await sleep(0);
      expect(requests).toBe(1);
    });

    it('asks for nothing on a snoozed site, or for a profile without enrichers', async () => {
      settings.snoozedUntil = NOW + 60_000;
      watchWith({ panelProfiles: new Set(['ohif']), earlyProfile: () => 'ohif' }).early();
      await sleep(0);
      expect(requests).toBe(0);
      settings.snoozedUntil = null;
      watchWith({ panelProfiles: new Set(['ohif']), earlyProfile: () => 'openemr' }).early();
      parsed();
      await sleep(0);
      expect(requests).toBe(0);
    });

    it('loads the settings once: the first reading after load reuses them', async () => {
      let loads = 0;
      page.kind = 'child';
      const w = watchWith({
        panelProfiles: new Set(['orthanc-explorer']),
        earlyProfile: () => 'orthanc-explorer',
        loadSettings: async () => (loads++, settings),
        requestPanel: async () => (requests++, false), // not injected: content.js goes on reading the page
      });
      w.early();
      await sleep(0);
      w.start();
      await sleep(0);
      expect(loads).toBe(1);
      expect(analyzeCalls).toBe(1);
      expect(sent.at(-1)!.pediatric).toBe(true);
    });

    it('does not start reading after panel.js took the page over', async () => {
      let handedOver = 0;
      const w = watchWith({
        panelProfiles: new Set(['orthanc-explorer']),
        earlyProfile: () => 'orthanc-explorer',
        onHandover: () => handedOver++,
      });
      w.early();
      await sleep(0);
      expect(takeOverPage()).toBeNull(); // nothing read yet: panel.js reads the page itself
      expect(handedOver).toBe(1);
      w.start();
      await sleep(0);
      expect(analyzeCalls).toBe(0);
      expect(sent).toEqual([]);
    });
  });

  it('asks for the route container only after the first reading (which found the page\'s profile)', async () => {
    page.kind = 'child';
    const log: string[] = [];
    const w = watchWith({
      read: () => (log.push('read'), readingOf(analyze())),
      routeContainer: (doc) => (log.push('container'), doc.querySelector('main')),
    });
    w.start();
    await sleep(0);
    expect(log.slice(0, 2)).toEqual(['read', 'container']);
    // A later change: read first, then the container asked again.
    log.length = 0;
    document.querySelector('main')!.append('CT HEAD');
    await sleep(400);
    expect(log.slice(0, 2)).toEqual(['read', 'container']);
  });

  it('serialises a page state only to compare it with another: never on a page that does not change', async () => {
    page.kind = 'child';
    let serialised = 0;
    const counted = () => Object.assign(childCtAnalysis(), { toJSON() { serialised++; return { ...this, toJSON: undefined }; } });
    const w = watchWith({ read: () => (analyzeCalls++, readingOf(counted())) });
    await w.refresh('initial');
    expect([analyzeCalls, serialised, sent.length]).toEqual([1, 0, 1]);
    await w.refresh('mutation'); // the same state again: compared (both serialised once), nothing new reported
    expect([analyzeCalls, serialised, sent.length]).toEqual([2, 2, 1]);
    await w.refresh('mutation'); // the kept state is not serialised again
    expect([analyzeCalls, serialised, sent.length]).toEqual([3, 3, 1]);
  });

  it('leaves nothing to take over after the content script is invalidated', async () => {
    watchWith();
    controller.abort();
    expect(takeOverPage()).toBeNull();
  });
});

describe('site recipe status (content.js)', () => {
  it('reports a recipe status once per change, as its id and a boolean only', async () => {
    const statuses: unknown[] = [];
    let needsAttention = false;
    page.kind = 'child';
    const w = watchWith({
      read: () => readingOf({ ...childCtAnalysis(), recipe: { id: 'acme', needsAttention } }),
      sendRecipeStatus: (s) => statuses.push(s),
    });
    await w.refresh('initial');
    await w.refresh('navigation');
    needsAttention = true;
    await w.refresh('navigation');
    expect(statuses).toEqual([
      { id: 'acme', needsAttention: false },
      { id: 'acme', needsAttention: true },
    ]);
  });
  it('reports nothing on a page without a recipe', async () => {
    const statuses: unknown[] = [];
    page.kind = 'child';
    await watchWith({ sendRecipeStatus: (s) => statuses.push(s) }).refresh('initial');
    expect(statuses).toEqual([]);
  });
});
