// @vitest-environment happy-dom
/**
 * The content script's loop on a small SPA in happy-dom, with the real Panel in a real shadow
 * root (WXT createShadowRootUi). `analyze` is a small reader of this test page (the real
 * analyzePage is tested by its own suite and end to end); settings live in memory with the
 * same surface as settings/page.ts.
 */
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { TabFacts } from '@/content/page/messages';
import type { Campaign, PageAnalysis } from '@/content/read/types';
import type { PageSettings } from '@/settings/page';
import { createPanelController, type ControllerDeps, type PanelController } from '@/content/panel/panel-controller';
import { readingKey } from '@/content/page/page-loop';
import { createPanelUi, PANEL_TAG, type MountedPanelUi } from '@/content/panel/panel-ui';
import { CLOSED, OPEN_FOR_TESTS } from '@/content/panel/page-exposure';
import type { EnrichmentContext, PanelEnricher } from '@/content/panel/enrichment';
import { analysisOf, childCtAnalysis, findingsOf, readingOf } from '../../helpers/analysis-factory';
import { userClick } from '../../helpers/user-events';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const NOW = Date.UTC(2026, 10, 26, 9, 0, 0);
const SECRET = 'c3'.repeat(32);

/** The test SPA: <main> holds one "record" element; the test analyzer reads it. */
function showRecord(kind: 'child' | 'adult' | 'none' | 'child-mr', key = 'STUDY-1') {
  const main = document.querySelector('main')!;
  const el = document.createElement('section');
  el.dataset.kind = kind;
  el.dataset.key = key;
  el.textContent = kind === 'none' ? 'Login' : `Patient record ${kind}`;
  main.replaceChildren(el);
}

function testAnalyze(doc: Document): PageAnalysis {
  const el = doc.querySelector<HTMLElement>('main section');
  switch (el?.dataset.kind) {
    case 'child':
      return childCtAnalysis({ examKey: el.dataset.key! });
    case 'child-mr':
      return analysisOf({ pediatric: true, ageDays: 900, ageBasis: 'exam', modality: 'MR', modalities: ['MR'], examKey: el.dataset.key! });
    case 'adult':
      return childCtAnalysis({ pediatric: false, ageDays: 17_000, examKey: el.dataset.key! });
    default:
      return analysisOf();
  }
}

/** testAnalyze, counting how often the page is read. */
function countingAnalyze() {
  const reads = { count: 0, analyze: (doc: Document) => (reads.count++, testAnalyze(doc)) };
  return reads;
}

class MemorySettings {
  disabledCampaigns: Campaign[] = [];
  snoozedUntil: number | null = null;
  dismissedHashes = new Map<string, number>();
  snoozes: { origin: string; until: number }[] = [];
  /** Exam keys the background was asked to hash. */
  hashed: string[] = [];
  listeners: (() => void)[] = [];
  page(): PageSettings {
    return {
      pediatricCutoffYears: 18,
      disabledCampaigns: [...this.disabledCampaigns],
      dateOrder: null,
      dicomWebPath: null,
      snoozedUntil: this.snoozedUntil,
      referenceLevelTables: [],
      supportContact: null,
      managed: [],
      siteRecipes: [],
      dismissed: (h) => (this.dismissedHashes.get(h) ?? 0) > NOW,
    };
  }
  changed() {
    for (const l of this.listeners) l();
  }
}

let ctx: ContentScriptContext;
let ui: MountedPanelUi;
let store: MemorySettings;
let sent: TabFacts[];
let copied: string[];

let current: PanelController | null = null;

function controllerWith(over: Partial<ControllerDeps> = {}) {
  return (current = createPanelController({
    win: window,
    signal: ctx.signal,
    read: (doc) => readingOf(testAnalyze(doc)),
    routeContainer: (doc) => doc.querySelector('main'),
    loadSettings: async () => store.page(),
    watchSettings: (cb) => {
      store.listeners.push(cb);
      return () => (store.listeners = store.listeners.filter((l) => l !== cb));
    },
    // The background's part (background/exam-dismissal.ts, tested there): the hash, the expiry, the origin.
    dismissExam: async (hash) => {
      store.dismissedHashes.set(hash, NOW + 7 * 24 * 3600 * 1000);
      store.changed();
    },
    snoozeSite: async () => {
      const until = NOW + 8 * 3600 * 1000;
      store.snoozes.push({ origin: location.origin, until });
      store.snoozedUntil = until;
      store.changed();
    },
    examHash: async (examKey) => {
      store.hashed.push(examKey);
      return createHmac('sha256', Buffer.from(SECRET, 'hex')).update(`${location.origin}\n${examKey}`).digest('hex');
    },
    sendFacts: (f) => sent.push(f),
    ui,
    enrichers: [],
    copyText: async (text) => {
      copied.push(text);
      return true;
    },
    locale: 'en',
    extensionVersion: '0.1.0',
    frame: 'top',
    now: () => NOW,
    afterLayout: async () => undefined,
    ...over,
  }));
}

const host = () => document.querySelector<HTMLElement>(PANEL_TAG);
const shadow = () => host()?.shadowRoot ?? null;
const button = (text: string) =>
  [...(shadow()?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === text);

/**
 * Bring the panel up to date with the page now, without depending on the watcher's timers (they
 * have their own tests): the same refresh the watcher would trigger, awaited.
 */
async function settle() {
  await current?.refresh('navigation');
  await sleep(0);
}

/** Preact runs effects after a frame; poll instead of guessing how long that takes on a busy machine. */
async function eventually(check: () => boolean, ms = 2000) {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await sleep(10);
}

beforeEach(() => {
  document.body.replaceChildren(document.createElement('main'));
  history.replaceState(null, '', '/app/explorer.html#study?uuid=1');
  ctx = new ContentScriptContext('content');
  // The e2e builds' exposure, so the tests can read the host's attributes and shadow root.
  ui = createPanelUi(ctx, OPEN_FOR_TESTS);
  store = new MemorySettings();
  sent = [];
  copied = [];
});
afterEach(() => {
  ctx.abort();
  host()?.remove();
});

describe('panel controller', () => {
  it("mounts one open-shadow-root panel on <html> for the child's study, with the host attributes", async () => {
    showRecord('child');
    controllerWith().start();
    await settle();
    expect(document.querySelectorAll(PANEL_TAG)).toHaveLength(1);
    expect(host()!.parentElement).toBe(document.documentElement);
    expect(shadow()!.mode).toBe('open');
    expect(host()!.dataset).toMatchObject({ pediatric: 'true', ageDays: '2288', campaign: 'ct', campaigns: 'ct', mode: 'exam' });
    expect(shadow()!.querySelector('style')!.textContent).toContain('contain: strict');
    expect(shadow()!.querySelector('.igp-pill')!.textContent).toContain('Child · CT');
    expect(sent.at(-1)).toEqual({ pediatric: true, campaigns: ['ct'], modality: 'CT', siteEnabled: true });
  });

  it("in the shipping build's exposure the page sees a host element only: closed shadow root, no attribute", async () => {
    ui = createPanelUi(ctx, CLOSED);
    showRecord('child');
    controllerWith().start();
    await settle();
    expect(document.querySelectorAll(PANEL_TAG)).toHaveLength(1);
    expect(host()!.shadowRoot).toBeNull();
    expect(host()!.getAttributeNames()).toEqual([]);
    // The panel itself is there, for the extension's own code.
    expect(ui.container()!.querySelector('.igp-pill')!.textContent).toContain('Child · CT');
  });

  it("shows the panel in the top layer (a manual popover inside its shadow root), so adding it does not make the browser walk the page again", async () => {
    const shown: Element[] = [];
    const proto = HTMLElement.prototype as Omit<HTMLElement, 'showPopover'> & { showPopover?: () => void };
    const had = Object.getOwnPropertyDescriptor(proto, 'showPopover');
    proto.showPopover = function (this: HTMLElement) {
      shown.push(this);
    };
    try {
      showRecord('child');
      controllerWith().start();
      await settle();
      const layer = ui.container()!;
      expect(layer.getRootNode()).toBe(shadow());
      expect(layer.getAttribute('popover')).toBe('manual');
      expect(shown).toEqual([layer]);
      expect(host()!.getAttributeNames().filter((a) => !a.startsWith('data-'))).toEqual([]);
      await current!.refresh('settings');
      expect(shown).toHaveLength(1); // once per mount, not per render
    } finally {
      if (had) Object.defineProperty(proto, 'showPopover', had);
      else delete proto.showPopover;
    }
  });

  it("reads the page's geometry for its corner only after the browser has laid the page out (no forced layout)", async () => {
    showRecord('child');
    let frame!: () => void;
    let asked = 0;
    const probes: [number, number][] = [];
    const original = document.elementFromPoint;
    document.elementFromPoint = (x: number, y: number) => (probes.push([x, y]), null);
    try {
      controllerWith({
        afterLayout: () => (asked++, new Promise<void>((resolve) => (frame = resolve))),
      }).start();
      await eventually(() => asked > 0);
      expect(asked).toBe(1);
      expect(probes).toEqual([]);
      expect(host()).toBeNull();
      frame();
      await eventually(() => host() !== null);
      expect(host()).not.toBeNull();
      expect(probes.length).toBeGreaterThan(0);
    } finally {
      document.elementFromPoint = original;
    }
  });

  it('shows nothing for an adult or a page without a patient, and says so in the facts', async () => {
    showRecord('adult');
    const c = controllerWith();
    c.start();
    await settle();
    expect(host()).toBeNull();
    expect(sent).toEqual([{ pediatric: false, campaigns: [], modality: null, siteEnabled: true }]);
    expect(c.facts()).toEqual(sent[0]);
  });

  it('follows an SPA from the child to an adult and back by itself (navigation watcher), one panel at a time', async () => {
    showRecord('child', 'STUDY-CHILD');
    controllerWith().start();
    await eventually(() => host() !== null);
    expect(host()).not.toBeNull();

    history.pushState(null, '', '/app/explorer.html#study?uuid=2');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    showRecord('adult', 'STUDY-ADULT');
    await eventually(() => host() === null);
    expect(host()).toBeNull();

    history.pushState(null, '', '/app/explorer.html#study?uuid=1');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    showRecord('child', 'STUDY-CHILD');
    await eventually(() => host() !== null);
    expect(document.querySelectorAll(PANEL_TAG)).toHaveLength(1);
    expect(host()!.dataset.ageDays).toBe('2288');
  });

  it('uses the reading content.js handed over instead of reading the page again', async () => {
    showRecord('child');
    const reads = countingAnalyze();
    const seen = testAnalyze(document);
    const c = controllerWith({ read: (doc) => readingOf(reads.analyze(doc)), seed: { url: location.href, analysis: seen, findings: findingsOf(seen), readingKey: readingKey({ pediatricCutoffYears: 18, dateOrder: null, disabledCampaigns: [], snoozedUntil: null, siteRecipes: [] }) } });
    await c.refresh('initial');
    expect(reads.count).toBe(0);
    expect(host()!.dataset.ageDays).toBe('2288');
    await c.refresh('navigation');
    expect(reads.count).toBe(1);
  });

  it('reads the page again when the handed-over reading used another cutoff', async () => {
    showRecord('child');
    const reads = countingAnalyze();
    const c = controllerWith({ read: (doc) => readingOf(reads.analyze(doc)), seed: { url: location.href, analysis: analysisOf(), findings: findingsOf(analysisOf()), readingKey: readingKey({ pediatricCutoffYears: 21, dateOrder: null, disabledCampaigns: [], snoozedUntil: null, siteRecipes: [] }) } });
    await c.refresh('initial');
    expect(reads.count).toBe(1);
    expect(host()).not.toBeNull();
  });

  it('is quiet for a child having an MR', async () => {
    showRecord('child-mr');
    controllerWith().start();
    await settle();
    expect(host()!.dataset.mode).toBe('quiet');
    expect(host()!.hasAttribute('data-campaign')).toBe(false);
    expect(shadow()!.textContent).toContain('no ionizing radiation');
  });

  describe('activations and enrichers', () => {
    it('keeps the activation when a re-render reads the same, and aborts it on a new exam', async () => {
      const seen: EnrichmentContext[] = [];
      const enricher: PanelEnricher = async (c) => {
        seen.push(c);
        return null;
      };
      showRecord('child', 'A');
      controllerWith({ enrichers: [enricher] }).start();
      await settle();
      expect(seen).toHaveLength(1);

      document.querySelector('main section')!.append(document.createElement('span')); // same content for us
      await settle();
      expect(seen).toHaveLength(1);
      expect(seen[0]!.signal.aborted).toBe(false);

      showRecord('child', 'B');
      await settle();
      expect(seen).toHaveLength(2);
      expect(seen[0]!.signal.aborted).toBe(true);
      expect(seen[1]!.analysis.examKey).toBe('B');
    });

    it('runs an enricher that arrives after the panel started (pacs.js) for the page in force, and for later ones', async () => {
      const seen: EnrichmentContext[] = [];
      const enricher: PanelEnricher = async (c) => {
        seen.push(c);
        return { attributes: { 'data-ssde-mgy': '10.29' } };
      };
      showRecord('child', 'A');
      const c = controllerWith();
      c.start();
      await settle();
      expect(host()!.dataset.ssdeMgy).toBeUndefined();
      c.addEnricher(enricher);
      await settle();
      expect(seen.map((x) => x.analysis.examKey)).toEqual(['A']);
      // It is given the facts the page was read from, so it need not read the page again.
      expect(seen[0]!.findings.profileId).toBe(seen[0]!.analysis.profileId);
      await eventually(() => host()?.dataset.ssdeMgy === '10.29');
      showRecord('child', 'B');
      await settle();
      expect(seen.map((x) => x.analysis.examKey)).toEqual(['A', 'B']);
    });

    it('puts an enricher’s section and attributes into the panel', async () => {
      const enricher: PanelEnricher = async () => ({
        pacs: { view: { numbers: [], lines: [], scanner: null, notes: ['SSDE from the CT pixels'], canMeasureAlongScan: false }, measureAlongScan: null },
        attributes: { 'data-ssde-mgy': '10.29', 'data-dw-cm': '16.0' },
        notes: ['pacs:ok'],
      });
      showRecord('child');
      controllerWith({ enrichers: [enricher] }).start();
      await settle();
      await eventually(() => host()?.dataset.ssdeMgy !== undefined);
      expect(host()!.dataset).toMatchObject({ ssdeMgy: '10.29', dwCm: '16.0', ageDays: '2288' });
      shadow()!.querySelector<HTMLButtonElement>('.igp-pill')!.click();
      await sleep(10);
      expect(shadow()!.querySelector('.igp-pacs-notes li')!.textContent).toBe('SSDE from the CT pixels');
    });

    it('shows no enricher section beside an age the page does not tie to the patient', async () => {
      const enricher: PanelEnricher = async () => ({
        pacs: { view: { numbers: [], lines: [], scanner: null, notes: ['SSDE from the CT pixels'], canMeasureAlongScan: false }, measureAlongScan: null },
        attributes: { 'data-enriched': 'yes' },
      });
      showRecord('child');
      controllerWith({ enrichers: [enricher], read: (doc) => readingOf({ ...testAnalyze(doc), ageUnsure: true }) }).start();
      await settle();
      // The render that carries the enricher's attributes is the one that had its section to show.
      await eventually(() => host()?.dataset.enriched === 'yes');
      expect(host()!.dataset.ageUnsure).toBe('true');
      shadow()!.querySelector<HTMLButtonElement>('.igp-pill')!.click();
      await eventually(() => shadow()!.querySelector('.igp-card') !== null);
      expect(shadow()!.querySelector('.igp-pill')!.textContent).toBe('Child? · CT');
      expect(shadow()!.querySelector('.igp-card')!.textContent).toMatch(/no dose numbers are shown/);
      expect(shadow()!.querySelector('.igp-pacs')).toBeNull();
    });

    it('lets an enricher reveal a child the page text did not show (a viewer without age)', async () => {
      const enricher: PanelEnricher = async ({ analysis }) => ({ analysis: childCtAnalysis({ examKey: analysis.examKey }) });
      showRecord('adult'); // the page text alone says "not a child"
      controllerWith({ enrichers: [enricher] }).start();
      await settle();
      await eventually(() => host() !== null);
      expect(host()!.dataset.pediatric).toBe('true');
      expect(sent.at(-1)!.pediatric).toBe(true);
    });

    it('drops what an enricher returns after the page moved on', async () => {
      let release!: () => void;
      const slow: PanelEnricher = () =>
        new Promise((resolve) => {
          release = () => resolve({ attributes: { 'data-ssde-mgy': '99' } });
        });
      showRecord('child', 'A');
      controllerWith({ enrichers: [slow] }).start();
      await settle();
      const releaseFirst = release;
      showRecord('child', 'B');
      await settle();
      releaseFirst();
      await sleep(50);
      expect(host()!.hasAttribute('data-ssde-mgy')).toBe(false);
    });

    it('never shows an enricher’s SSDE with the page’s analysis: the number and the age it belongs to come together', async () => {
      // A viewer whose text names a pediatric protocol but no age: the page state shows, with no age. The PACS
      // enricher then brings the age and the SSDE from the API. The page state's render waits for its exam's
      // dismissal hash; the enriched state's render waits too (its own hash). Whatever order they finish in, no render
      // may pair the enricher's SSDE with the page's (ageless) analysis, and the last one shown is the newest.
      const releases: (() => void)[] = [];
      const examHash = (examKey: string) => new Promise<string>((resolve) => releases.push(() => resolve(createHmac('sha256', Buffer.from(SECRET, 'hex')).update(`${location.origin}\n${examKey}`).digest('hex'))));
      const pageOnly = (doc: Document) => ({ ...testAnalyze(doc), ageDays: null, ageBasis: null, ageDetail: null });
      let enrichedAt!: () => void;
      const enriched = new Promise<void>((r) => (enrichedAt = r));
      const enricher: PanelEnricher = async ({ analysis }) => {
        enrichedAt();
        // Another exam key (the study's own), so that each state waits on a hash of its own.
        return { analysis: childCtAnalysis({ examKey: `${analysis.examKey}|study` }), attributes: { 'data-ssde-mgy': '10.29', 'data-dw-cm': '16.00' } };
      };
      const rendered: Record<string, string | null>[] = [];
      const watched = { ...ui, render: (props: Parameters<typeof ui.render>[0], attrs: Record<string, string | null>) => (rendered.push(attrs), ui.render(props, attrs)) };
      showRecord('child');
      controllerWith({ enrichers: [enricher], examHash, read: (doc) => readingOf(pageOnly(doc)), ui: watched }).start();
      await enriched; // (no settle(): the page state's render is held by the secret read)
      await eventually(() => releases.length >= 2);
      expect(releases).toHaveLength(2); // the page state's read and the enriched state's read, both pending
      releases[1]!(); // the enriched state's read answers first …
      await sleep(10);
      releases[0]!(); // … then the page state's
      await sleep(10);
      await eventually(() => host()?.dataset.ageDays !== undefined);
      for (const attrs of rendered) {
        if (attrs['data-ssde-mgy']) expect(attrs['data-age-days'], JSON.stringify(attrs)).toBe('2288');
      }
      expect(host()!.dataset).toMatchObject({ ssdeMgy: '10.29', ageDays: '2288' });
    });

    it('survives an enricher that throws', async () => {
      const broken: PanelEnricher = async () => {
        throw new Error('HTTP 401');
      };
      showRecord('child');
      controllerWith({ enrichers: [broken] }).start();
      await settle();
      expect(host()).not.toBeNull();
    });
  });

  describe('dismiss and snooze', () => {
    it('dismisses this exam with a keyed hash and an expiry, never the exam key', async () => {
      showRecord('child', '1.2.826.0.1.3680043.8.498.1');
      controllerWith().start();
      await settle();
      shadow()!.querySelector<HTMLButtonElement>('.igp-pill')!.click();
      await sleep(10);
      userClick(button('Dismiss for this exam')!);
      await settle();
      expect(host()).toBeNull();
      expect(store.dismissedHashes.size).toBe(1);
      const [hash] = [...store.dismissedHashes][0]!;
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(hash).not.toContain('3680043');

      // The same exam later in this tab stays dismissed; another exam shows.
      showRecord('none');
      await settle();
      showRecord('child', '1.2.826.0.1.3680043.8.498.1');
      await settle();
      expect(host()).toBeNull();
      showRecord('child', 'ANOTHER');
      await settle();
      expect(host()).not.toBeNull();
      // Each exam key went to the background once, to be hashed.
      expect(store.hashed).toEqual(['1.2.826.0.1.3680043.8.498.1', 'ANOTHER']);
    });

    it('offers no dismissal when the background gives no hash (no secret, no answer)', async () => {
      showRecord('child');
      controllerWith({ examHash: () => Promise.reject(new Error('no background')) }).start();
      await settle();
      shadow()!.querySelector<HTMLButtonElement>('.igp-pill')!.click();
      await sleep(10);
      expect(button('Dismiss for this exam')).toBeUndefined();
    });

    it('snoozes this site for 8 hours and keeps reporting facts', async () => {
      showRecord('child');
      controllerWith().start();
      await settle();
      shadow()!.querySelector<HTMLButtonElement>('.igp-pill')!.click();
      await sleep(10);
      userClick(button('Snooze on this site for 8 hours')!);
      await settle();
      expect(host()).toBeNull();
      expect(store.snoozes).toEqual([{ origin: location.origin, until: NOW + 8 * 3600 * 1000 }]);
      showRecord('child', 'OTHER');
      await settle();
      expect(host()).toBeNull();
      expect(sent.at(-1)!.pediatric).toBe(true);
    });

    it("keeps the panel and writes nothing when a page script clicks Snooze or Dismiss", async () => {
      showRecord('child');
      controllerWith().start();
      await settle();
      shadow()!.querySelector<HTMLButtonElement>('.igp-pill')!.click();
      await sleep(10);
      button('Snooze on this site for 8 hours')!.click();
      button('Dismiss for this exam')!.click();
      await settle();
      expect(host()).not.toBeNull();
      expect(store.snoozes).toEqual([]);
      expect(store.dismissedHashes.size).toBe(0);
    });

    it('shows nothing when every campaign of the exam is switched off', async () => {
      store.disabledCampaigns = ['ct'];
      showRecord('child');
      controllerWith().start();
      await settle();
      expect(host()).toBeNull();
    });
  });

  describe('focus and keyboard', () => {
    it('never takes focus by itself', async () => {
      const input = document.createElement('input');
      document.body.append(input);
      input.focus();
      showRecord('child');
      controllerWith().start();
      await settle();
      expect(host()).not.toBeNull();
      expect(document.activeElement).toBe(input);
    });

    it('expands and focuses the card on the focus-panel command', async () => {
      showRecord('child');
      const c = controllerWith();
      c.start();
      await settle();
      expect(c.focusPanel()).toBe(true);
      await eventually(() => shadow()!.activeElement !== null);
      const card = shadow()!.querySelector('.igp-card');
      expect(card).not.toBeNull();
      expect(shadow()!.activeElement).toBe(card);
    });

    it('has nothing to focus when no panel is shown', async () => {
      showRecord('adult');
      const c = controllerWith();
      c.start();
      await settle();
      expect(c.focusPanel()).toBe(false);
    });

    it("keeps the panel's key events from the page's hotkeys", async () => {
      showRecord('child');
      controllerWith().start();
      await settle();
      const pageKeys: string[] = [];
      document.addEventListener('keydown', (e) => pageKeys.push(e.key));
      shadow()!.querySelector('.igp-pill')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }));
      expect(pageKeys).toEqual([]);
    });
  });

  it('copies a diagnostic report without patient data', async () => {
    showRecord('child');
    controllerWith().start();
    await settle();
    shadow()!.querySelector<HTMLButtonElement>('.igp-pill')!.click();
    await sleep(10);
    userClick(button('Copy diagnostic report')!);
    await sleep(10);
    expect(copied).toHaveLength(1);
    expect(copied[0]).toContain('profile: orthanc-explorer');
    for (const s of ['TEST^PEDS', '2288', 'August', 'STUDY-1']) expect(copied[0]).not.toContain(s);
  });

  it('removes the panel and stops when the content script is invalidated', async () => {
    showRecord('child');
    controllerWith().start();
    await settle();
    ctx.abort();
    await settle();
    expect(host()).toBeNull();
    showRecord('child', 'NEW');
    await settle();
    expect(host()).toBeNull();
  });

  it('sends only allow-listed facts, whatever the page', async () => {
    showRecord('child');
    controllerWith().start();
    await settle();
    for (const kind of ['adult', 'child-mr', 'none', 'child'] as const) {
      showRecord(kind, `KEY-${kind}`);
      await settle();
    }
    const text = JSON.stringify(sent);
    for (const s of ['2288', '900', 'KEY-', 'TEST', 'August', 'ABDOMEN']) expect(text).not.toContain(s);
    for (const f of sent) expect(Object.keys(f).sort()).toEqual(['campaigns', 'modality', 'pediatric', 'siteEnabled']);
  });
});
