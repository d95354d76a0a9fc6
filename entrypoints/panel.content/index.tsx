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
import { warmFormats } from '@/content/runtime/number-format';
import { frameRole } from '@/content/runtime/frame-role';
import { createPanelController } from '@/content/runtime/panel-controller';
import { createPanelUi } from '@/content/runtime/panel-ui';
import { isPageRequest } from '@/content/runtime/page-requests';
import { takeOverPage } from '@/content/runtime/page-watch';
import { routeContainerOf } from '@/content/runtime/route-container';
import { dismissExam, getDismissalSecret, getPageSettings, snoozeSite, watchPageSettings } from '@/settings/page';


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
    // This script's evaluation (compiling ~220 KB and setting its modules up) is one task of the page's
    // main thread; the panel starts in the next one, so that neither runs long (bench/pacs-ssde.bench.ts:
    // no task of the extension over 50 ms).
    ctx.setTimeout(() => start(ctx), 0);
  },
});

function start(ctx: ContentScriptContext): void {
  perfMark('panel-main');
  const role = frameRole(window);
  const seed = takeOverPage();
  const ui = createPanelUi(ctx);
  const locale = browser.i18n.getUILanguage();
  /**
   * Where enrichment results flow in: each enricher may read the site's own API (same-origin GETs)
   * and add facts, a panel section and host attributes (content/runtime/enrichment.ts). Add the
   * profiles it serves to PANEL_PROFILES in entrypoints/content/index.tsx.
   */
  let dicomWebPath: string | null = null; // this site's setting, once the settings are read
  const analyzeOptions = async () => {
    const s = await controller.settings();
    return { now: new Date(), pediatricCutoffYears: s.pediatricCutoffYears, ...(s.dateOrder ? { dateOrder: s.dateOrder } : {}) };
  };
  const ENRICHERS: readonly PanelEnricher[] = [
    createPacsEnricher({ locale, lifetime: ctx.signal, seed, dicomWebRoot: () => dicomWebPath, analyzeOptions }),
  ];
  const controller = createPanelController({
    win: window,
    signal: ctx.signal,
    analyze: analyzePage,
    routeContainer: routeContainerOf,
    loadSettings: (origin) =>
      getPageSettings(origin).then((s) => {
        dicomWebPath = s.dicomWebPath;
        return s;
      }),
    watchSettings: (cb) => watchPageSettings(cb),
    dismissExam: (hash, expiresAt) => dismissExam(hash, expiresAt),
    snoozeSite: (origin, until) => snoozeSite(origin, until),
    getDismissalSecret,
    sendFacts: (facts) => {
      const message: ContentMessage = { type: 'tab-facts', facts };
      browser.runtime.sendMessage(message).catch(() => undefined);
    },
    ui,
    enrichers: ENRICHERS,
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
  ctx.requestIdleCallback(() => warmFormats(locale), { timeout: 200 });
  whenParsed(ctx, () => controller.start());
}
