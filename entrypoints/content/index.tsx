/**
 * The content script: wiring only (the loop is content/runtime/panel-controller.ts).
 *
 * Injected at document_start in every frame of an enabled site (registered at runtime by the
 * background; statically on loopback in the e2e build). It does nothing until DOMContentLoaded,
 * then waits for an idle moment: measured in Chromium, a content script injected at
 * document_end/idle delays a 5,000-row page's load event by about a third, while one injected at
 * document_start that works from DOMContentLoaded costs nothing measurable (shared/performance.md,
 * bench/content-load.bench.ts). The panel's CSS and icons are inlined (cssInjectionMode 'manual',
 * no web-accessible resources).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { analyzePage, detectProfile } from '@/content/analyze';
import { PageRequestSchema, type ContentMessage } from '@/content/messages';
import { copyText } from '@/content/runtime/clipboard';
import type { PanelEnricher } from '@/content/runtime/enrichment';
import { frameRole } from '@/content/runtime/frame-role';
import { createPanelController } from '@/content/runtime/panel-controller';
import { createPanelUi } from '@/content/runtime/panel-ui';
import { dismissExam, getDismissalSecret, getPageSettings, snoozeSite, watchPageSettings } from '@/settings/page';

/**
 * Where enrichment results flow in: each enricher may read the site's own API (same-origin GETs)
 * and add facts, a panel section and host attributes (content/runtime/enrichment.ts).
 */
const ENRICHERS: readonly PanelEnricher[] = [];

export default defineContentScript({
  // Registered at runtime by the background for each origin the user enabled
  // (and statically for loopback in the e2e build only).
  registration: 'runtime',
  matches: [],
  runAt: 'document_start',
  allFrames: true,
  cssInjectionMode: 'manual',
  main(ctx) {
    const role = frameRole(window);
    if (role === 'skip') return;
    const ui = createPanelUi(ctx);
    const controller = createPanelController({
      win: window,
      signal: ctx.signal,
      analyze: (doc, url, options) => analyzePage(doc, url, options),
      routeContainer: (doc, url) => {
        try {
          return detectProfile(doc, new URL(url))?.routeContainer(doc) ?? null;
        } catch {
          return null;
        }
      },
      loadSettings: (origin) => getPageSettings(origin),
      watchSettings: (cb) => watchPageSettings(cb),
      dismissExam: (hash, expiresAt) => dismissExam(hash, expiresAt),
      snoozeSite: (origin, until) => snoozeSite(origin, until),
      getDismissalSecret,
      sendFacts: (facts) => {
        const message: ContentMessage = { type: 'tab-facts', facts };
        browser.runtime.sendMessage(message).catch(() => undefined);
      },
      ui,
      campaignBlocks: () => [],
      enrichers: ENRICHERS,
      copyText: (text) => copyText(text, ui.host()?.shadowRoot?.querySelector('body') ?? null),
      locale: browser.i18n.getUILanguage(),
      extensionVersion: browser.runtime.getManifest().version,
      frame: role,
      now: () => Date.now(),
    });

    const onMessage = (message: unknown) => {
      const request = PageRequestSchema.safeParse(message);
      if (!request.success) return undefined;
      if (request.data.type === 'focus-panel') {
        controller.focusPanel();
        return undefined;
      }
      const facts = controller.facts();
      // A cross-origin subframe answers only when it found a child, so it never hides the top frame's answer.
      return role === 'top' || facts.pediatric ? Promise.resolve(facts) : undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    afterDomContentLoaded(ctx, () => controller.start());
  },
});

/** Run `work` once the DOM is parsed, at the next idle moment (at most 500 ms later). */
function afterDomContentLoaded(ctx: ContentScriptContext, work: () => void): void {
  const idle = () => {
    if (ctx.isInvalid) return;
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => ctx.isValid && work(), { timeout: 500 });
    else ctx.setTimeout(work, 0);
  };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', idle, { once: true, signal: ctx.signal });
  } else {
    idle();
  }
}
