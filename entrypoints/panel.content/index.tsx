/**
 * panel.js — the panel, injected by the background into a frame where content.js found a child
 * (or a viewer profile whose enrichers may find one). Wiring only: the loop is
 * content/runtime/panel-controller.ts.
 *
 * It takes the page over from content.js (which stops and hands over its reading), then shows,
 * updates and removes `<image-gently-panel>` as the page changes, answers `get-tab-facts` and the
 * `focus-panel` command, and runs the enrichers. CSS and icons are inlined (no web-accessible
 * resources).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { perfMark } from '@/content/runtime/perf-mark';
import { analyzePage } from '@/content/analyze';
import type { ContentMessage } from '@/content/messages';
import { createPacsEnricher } from '@/content/pacs/enricher';
import { copyText } from '@/content/runtime/clipboard';
import type { PanelEnricher } from '@/content/runtime/enrichment';
import { whenParsed } from '@/content/runtime/dom-ready';
import { frameRole } from '@/content/runtime/frame-role';
import { createPanelController } from '@/content/runtime/panel-controller';
import { createPanelUi } from '@/content/runtime/panel-ui';
import { isPageRequest } from '@/content/runtime/page-requests';
import { takeOverPage, type HandoverSeed } from '@/content/runtime/page-watch';
import { routeContainerOf } from '@/content/runtime/route-container';
import { dismissExam, getDismissalSecret, getPageSettings, snoozeSite, watchPageSettings, type PageSettings } from '@/settings/page';


const RUNNING = Symbol.for('image-gently-companion.panel-running');
type Global = typeof globalThis & { [RUNNING]?: boolean };

export default defineContentScript({
  // Never registered: the background injects it with scripting.executeScript on `load-panel`.
  registration: 'runtime',
  matches: [],
  cssInjectionMode: 'manual',
  main(ctx) {
    const g = globalThis as Global;
    if (g[RUNNING]) return; // injected twice into one frame
    g[RUNNING] = true;
    ctx.onInvalidated(() => delete g[RUNNING]);
    perfMark('panel-main');

    const seed = takeOverPage();
    const locale = browser.i18n.getUILanguage();
    const site: SiteState = { dicomWebPath: null };
    // The settings are asked for now, with the study: the enrichers' first decision waits for them. The
    // panel's first load is this one; later loads (a setting changed) read again.
    const earlySettings = loadPageSettings(location.origin, site);
    let firstSettings: Promise<PageSettings> | null = earlySettings;
    const settingsOnce = (origin: string) => {
      const first = firstSettings;
      firstSettings = null;
      return first ?? loadPageSettings(origin, site);
    };
    /**
     * Where enrichment results flow in: each enricher may read the site's own API (same-origin GETs)
     * and add facts, a panel section and host attributes (content/runtime/enrichment.ts). Add the
     * profiles it serves to PANEL_PROFILES in entrypoints/content/index.tsx.
     */
    const ENRICHERS: readonly PanelEnricher[] = [
      createPacsEnricher({
        locale,
        lifetime: ctx.signal,
        seed,
        dicomWebRoot: () => site.dicomWebPath,
        analyzeOptions: async () => {
          const s = await earlySettings;
          return { now: new Date(), pediatricCutoffYears: s.pediatricCutoffYears, ...(s.dateOrder ? { dateOrder: s.dateOrder } : {}) };
        },
      }),
    ];
    // The enrichers have started reading the study (above). This script's evaluation — compiling ~220 KB
    // and setting its modules up — is one task of the page's main thread; the panel itself starts in the
    // next one, so that neither runs long (bench/pacs-ssde.bench.ts: no task of the extension over 50 ms).
    ctx.setTimeout(() => start(ctx, { seed, locale, loadSettings: settingsOnce, enrichers: ENRICHERS }), 0);
  },
});

/** This site's settings the enrichers read, once the panel's settings are loaded. */
interface SiteState {
  dicomWebPath: string | null;
}

function loadPageSettings(origin: string, site: SiteState): Promise<PageSettings> {
  return getPageSettings(origin).then((s) => {
    site.dicomWebPath = s.dicomWebPath;
    return s;
  });
}

function start(
  ctx: ContentScriptContext,
  deps: {
    seed: HandoverSeed | null;
    locale: string;
    loadSettings(origin: string): Promise<PageSettings>;
    enrichers: readonly PanelEnricher[];
  },
): void {
  const { seed, locale, enrichers } = deps;
  const role = frameRole(window);
  const ui = createPanelUi(ctx);
  const controller = createPanelController({
    win: window,
    signal: ctx.signal,
    analyze: analyzePage,
    routeContainer: routeContainerOf,
    loadSettings: deps.loadSettings,
    watchSettings: (cb) => watchPageSettings(cb),
    dismissExam: (hash, expiresAt) => dismissExam(hash, expiresAt),
    snoozeSite: (origin, until) => snoozeSite(origin, until),
    getDismissalSecret,
    sendFacts: (facts) => {
      const message: ContentMessage = { type: 'tab-facts', facts };
      browser.runtime.sendMessage(message).catch(() => undefined);
    },
    ui,
    enrichers,
    copyText: (text) => copyText(text, ui.host()?.shadowRoot?.querySelector('body') ?? null),
    locale,
    extensionVersion: browser.runtime.getManifest().version,
    frame: role === 'top' ? 'top' : 'sub',
    now: () => Date.now(),
    seed,
  });

  const onMessage = (message: unknown) => {
    if (!isPageRequest(message)) return undefined;
    if (message.type === 'focus-panel') {
      controller.focusPanel();
      return undefined;
    }
    if (message.type !== 'get-tab-facts') return undefined; // page-settings-changed: watchPageSettings
    const facts = controller.facts();
    // A cross-origin subframe answers only when it found a child, so it never hides the top frame's answer.
    return role === 'top' || facts.pediatric ? Promise.resolve(facts) : undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  // Injected while the page is still loading (a PACS viewer: content.js asks early): the enrichers have
  // started above; the page is read once it is parsed and its own DOMContentLoaded handlers have run.
  void controller.settings();
  whenParsed(ctx, () => controller.start());
}
