/**
 * content.js — the always-on content script of an enabled site: wiring only.
 *
 * Injected at document_start in every frame (registered at runtime by the background; statically
 * on loopback in the e2e build), it waits for the page to load and an idle moment, then asks a cheap
 * question of the page's text (content/page/reader-gate.ts: could it show a patient and an exam?). Only then
 * does it ask the background for the page reader (reader.js, content/read/), read the page, report the
 * allow-listed tab facts, and follow SPA navigation (content/page/page-watch.ts). When it finds a child it asks
 * the background to inject panel.js (entrypoints/panel.content), which takes the page over and shows the panel.
 * It holds no reader, no UI, no Preact, no zod and no webextension-polyfill (wxt.config.ts), so every page of an
 * enabled site pays only for the gate.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_PEDIATRIC_CUTOFF_YEARS } from '@/clinical/pediatric-cutoff';
import type { PageReading } from '@/content/read/analyze';
import type { AnalyzeOptions } from '@/content/read/types';
import type { ContentMessage } from '@/content/page/messages';
import { afterPageLoad } from '@/content/page/dom-ready';
import { earlyProfileId, VIEWER_PROFILE_IDS } from '@/content/page/early-profile';
import { frameRole, tabFactsAnswer } from '@/content/page/frame-role';
import type { LoopSettings } from '@/content/page/page-loop';
import { isPageRequest, parsePageSettingsReply } from '@/content/page/page-requests';
import { createPageWatch } from '@/content/page/page-watch';
import { borrowPageReader, type PageReader } from '@/content/page/page-reader';
import { wantsReader } from '@/content/page/reader-gate';
import { unreadPage } from '@/content/page/unread';

const DEFAULTS: LoopSettings = { pediatricCutoffYears: DEFAULT_PEDIATRIC_CUTOFF_YEARS, dateOrder: null, disabledCampaigns: [], snoozedUntil: null, siteRecipes: [] };

const send = (message: ContentMessage) => browser.runtime.sendMessage(message);

/** The page reader: lent by reader.js once the background has injected it into this frame (null when it could not). */
let readerLoad: Promise<PageReader | null> | null = null;
function loadReader(): Promise<PageReader | null> {
  const lent = borrowPageReader();
  if (lent) return Promise.resolve(lent);
  return (readerLoad ??= send({ type: 'load-reader' })
    .then((ok) => (ok === true ? borrowPageReader() : null), () => null)
    .then((reader) => {
      if (!reader) readerLoad = null; // not injected (no permission in this frame): ask again on a later page state
      return reader;
    }));
}

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
        if (role !== 'top') return;
        void loadReader().then((reader) => sendResponse(reader?.testRecipe(document, new URL(location.href), message.recipe)));
        return true; // answered once the reader is here
      }
      if (message.type !== 'get-tab-facts') return; // no panel here to focus
      const answer = tabFactsAnswer(role, watch.facts());
      if (answer) sendResponse(answer);
    };
    const stopAnswering = () => browser.runtime.onMessage.removeListener(onMessage);
    // The page is read with the lent reader once it is here. Before that (a page state that did not pass the gate
    // yet), the reading is empty; a state that passes it asks for the reader and reads again when it is here.
    const read = (doc: Document, url: string | URL, options?: AnalyzeOptions): PageReading => {
      const reader = borrowPageReader();
      if (reader) return reader.read(doc, url, options);
      if (wantsReader(doc, url, options)) void loadReader().then((r) => r && watch.refresh('mutation'));
      return unreadPage();
    };

    const watch = createPageWatch<LoopSettings>({
      win: window,
      signal: ctx.signal,
      read,
      routeContainer: (doc, url) => borrowPageReader()?.routeContainer(doc, url) ?? null,
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
      // panel.js (and pacs.js) read the page with the lent reader: it comes first.
      requestPanel: async ({ pacs }) => (await loadReader()) !== null && (await send(pacs ? { type: 'load-panel', pacs } : { type: 'load-panel' })) === true,
      panelProfiles: VIEWER_PROFILE_IDS,
      earlyProfile: (doc, url) => earlyProfileId(doc, url),
      onHandover: stopAnswering,
    });

    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(stopAnswering);
    // A PACS viewer page gets panel.js while it loads (its enrichers read the study meanwhile); other pages are
    // read once they have loaded (the load-event cost of working earlier: content/page/dom-ready.ts).
    watch.early();
    // A page that may show a patient and an exam gets the reader before its first reading, so that the first facts
    // reported are the reader's; any other page is watched with the gate alone.
    afterPageLoad(ctx, () => {
      if (borrowPageReader() || !wantsReader(document, location.href)) return watch.start();
      void loadReader().then(() => ctx.isValid && watch.start());
    });
  },
});
