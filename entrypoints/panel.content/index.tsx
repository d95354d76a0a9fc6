/**
 * panel.js — the panel, injected by the background into a frame where content.js found a child
 * (or a viewer profile whose enrichers may find one). Wiring only: the loop is
 * content/panel/panel-controller.ts.
 *
 * It takes the page over from content.js (which stops and hands over its reading), then shows,
 * updates and removes `<image-gently-panel>` as the page changes, answers `get-tab-facts` and the
 * `focus-panel` command, and runs the enrichers. CSS and icons are inlined (no web-accessible
 * resources).
 */
import { browser } from 'wxt/browser';
import { perfMark } from '@/content/page/perf-mark';
import { createPacsEnricher } from '@/content/pacs/enricher';
import type { PanelEnricher } from '@/content/panel/enrichment';
import { analyzeOptionsFrom } from '@/content/page/page-loop';
import { takeOverPage } from '@/content/page/page-watch';
import type { PageSettings } from '@/settings/page';
import { inTasks } from '@/content/page/time-slice';
import { loadMessages, loadNumberSymbols, loadPageSettings, start, type SiteState } from './start';


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
    // This task is the script's evaluation (compiling ~220 KB and setting its modules up). What follows is split
    // into tasks of its own (bench/pacs-ssde.bench.ts: no task of the extension over 50 ms): first the settings,
    // the number symbols and the study are asked for, then the extension's messages are loaded, then the panel
    // starts.
    ctx.setTimeout(() => {
      loadNumberSymbols(locale);
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
       * and add facts, a panel section and host attributes (content/panel/enrichment.ts). Add the
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
            return analyzeOptionsFrom(s, new Date());
          },
        }),
      ];
      inTasks((fn) => ctx.setTimeout(fn, 0), [
        loadMessages,
        () => start(ctx, { seed, locale, loadSettings: settingsOnce, enrichers: ENRICHERS }),
      ]);
    }, 0);
  },
});
