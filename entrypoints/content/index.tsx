/**
 * content.js — the always-on content script of an enabled site: wiring only.
 *
 * Injected at document_start in every frame (registered at runtime by the background; statically
 * on loopback in the e2e build), it waits for the page to load and an idle moment, then reads the
 * page (content/analyze.ts), reports the allow-listed tab facts, and follows SPA navigation
 * (content/page/page-watch.ts). When it finds a child it asks the background to inject
 * panel.js (entrypoints/panel.content), which takes the page over and shows the panel. It holds
 * no UI, no Preact, no zod and no webextension-polyfill (wxt.config.ts), so every page of an enabled site
 * pays only for recognising a child.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_PEDIATRIC_CUTOFF_YEARS } from '@/clinical/pediatric-cutoff';
import { readAndAnalyze } from '@/content/read/analyze';
import { decide } from '@/content/read/decide';
import { testRecipe } from '@/content/read/recipe/read';
import type { ContentMessage } from '@/content/page/messages';
import { afterPageLoad } from '@/content/page/dom-ready';
import { earlyProfileId } from '@/content/page/early-profile';
import { frameRole, tabFactsAnswer } from '@/content/page/frame-role';
import type { LoopSettings } from '@/content/page/page-loop';
import { isPageRequest, parsePageSettingsReply } from '@/content/page/page-requests';
import { createPageWatch } from '@/content/page/page-watch';
import { lendPageReader } from '@/content/page/page-reader';
import { routeContainerOf } from '@/content/page/route-container';

/**
 * Profiles whose pages get panel.js even before the page text shows a child, because panel.js's
 * enrichers (the PACS data route) may find one in the site's own API — e.g. a viewer that prints
 * no age. The PACS data route adds its profile ids here.
 */
const PANEL_PROFILES: ReadonlySet<string> = new Set<string>(['orthanc-explorer', 'ohif', 'stone', 'orthanc-explorer-2']);

const DEFAULTS: LoopSettings = { pediatricCutoffYears: DEFAULT_PEDIATRIC_CUTOFF_YEARS, dateOrder: null, disabledCampaigns: [], snoozedUntil: null, siteRecipes: [] };

const send = (message: ContentMessage) => browser.runtime.sendMessage(message);

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

    // Answered with sendResponse, at once: this script uses the browser's own API object, not the polyfill
    // (wxt.config.ts), and Chromium's listeners cannot answer by returning a promise.
    const onMessage = (message: unknown, _sender: unknown, sendResponse: (response: unknown) => void) => {
      if (!isPageRequest(message)) return;
      if (message.type === 'test-recipe') {
        if (role === 'top') sendResponse(testRecipe(document, new URL(location.href), message.recipe));
        return;
      }
      if (message.type !== 'get-tab-facts') return; // no panel here to focus
      const answer = tabFactsAnswer(role, watch.facts());
      if (answer) sendResponse(answer);
    };
    const stopAnswering = () => browser.runtime.onMessage.removeListener(onMessage);
    // panel.js and pacs.js, injected later into this frame, read the page with this copy of the reader.
    lendPageReader({ read: readAndAnalyze, routeContainer: routeContainerOf, decide });

    const watch = createPageWatch<LoopSettings>({
      win: window,
      signal: ctx.signal,
      read: readAndAnalyze,
      routeContainer: routeContainerOf,
      loadSettings: async () => parsePageSettingsReply(await send({ type: 'get-page-settings' })) ?? DEFAULTS,
      fallbackSettings: DEFAULTS,
      watchSettings: (cb) => {
        // The user's settings change in storage.local; a policy change comes from the background, once its
        // cache has it (background/policy-cache.ts), as `page-settings-changed`.
        const onChanged = (_changes: unknown, area: string) => {
          if (area === 'local') cb();
        };
        const onPolicy = (message: unknown) => {
          if (isPageRequest(message) && message.type === 'page-settings-changed') cb();
          return undefined;
        };
        browser.storage.onChanged.addListener(onChanged);
        browser.runtime.onMessage.addListener(onPolicy);
        return () => {
          browser.storage.onChanged.removeListener(onChanged);
          browser.runtime.onMessage.removeListener(onPolicy);
        };
      },
      sendFacts: (facts) => void send({ type: 'tab-facts', facts }).catch(() => undefined),
      sendRecipeStatus: ({ id, needsAttention }) => void send({ type: 'recipe-status', id, needsAttention }).catch(() => undefined),
      now: () => Date.now(),
      requestPanel: async ({ pacs }) => (await send(pacs ? { type: 'load-panel', pacs } : { type: 'load-panel' })) === true,
      panelProfiles: PANEL_PROFILES,
      earlyProfile: (doc, url) => earlyProfileId(doc, url, PANEL_PROFILES),
      onHandover: stopAnswering,
    });

    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(stopAnswering);
    // A PACS viewer page gets panel.js while it loads (its enrichers read the study meanwhile); other pages are
    // read once they have loaded (the load-event cost of working earlier: content/page/dom-ready.ts).
    watch.early();
    afterPageLoad(ctx, () => watch.start());
  },
});
